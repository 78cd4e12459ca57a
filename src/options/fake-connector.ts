import { parseSettings, type ParsedSettings, type Settings } from '../shared/settings';
import type { OptionsConnector } from './connector';

/** In-memory settings storage for unit tests: records saves and can simulate a change elsewhere. */
export class FakeOptionsConnector implements OptionsConnector {
  readonly saved: Settings[] = [];
  saveError: Error | null = null;
  private readonly listeners = new Set<(parsed: ParsedSettings) => void>();

  constructor(
    public stored: unknown = undefined,
    private readonly uri = 'https://abcdefghijklmnop.chromiumapp.org/',
  ) {}

  load(): Promise<ParsedSettings> {
    return Promise.resolve(parseSettings(this.stored, { allowLoopbackHttp: true }));
  }

  async save(settings: Settings): Promise<void> {
    if (this.saveError) throw this.saveError;
    this.saved.push(settings);
    this.changeElsewhere(settings);
  }

  watch(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void {
    this.listeners.add(onChange);
    signal.addEventListener('abort', () => this.listeners.delete(onChange));
  }

  /** As if another page (or an admin's policy) wrote `settings` to storage. */
  changeElsewhere(stored: unknown): void {
    this.stored = stored;
    const parsed = parseSettings(stored, { allowLoopbackHttp: true });
    for (const listener of this.listeners) listener(parsed);
  }

  redirectUri(): string {
    return this.uri;
  }

  supervisorPageUrl(): string {
    return 'chrome-extension://abcdefghijklmnop/src/supervisor/index.html';
  }
}
