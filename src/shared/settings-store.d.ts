import { type ParsedSettings, type Settings } from './settings';
/** The one owner of the `settings` key in storage.local. */
export declare function loadSettings(): Promise<ParsedSettings>;
export declare function saveSettings(settings: Settings): Promise<void>;
/** Calls back with freshly parsed settings whenever the stored object changes. */
export declare function watchSettings(onChange: (parsed: ParsedSettings) => void): () => void;
