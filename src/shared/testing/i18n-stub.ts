/**
 * Vitest setup file (vite.config.ts `test.setupFiles`): a `chrome.i18n` that answers from the real
 * `public/_locales/en/messages.json`, substituting the way Chrome does, so components render the
 * strings agents will see and a missing key shows up as the key.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

// A path, not a URL object: under happy-dom `URL` is the DOM's, which node:fs does not accept.
export const MESSAGES_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/_locales/en/messages.json');

export function readMessages(): Record<string, MessageEntry> {
  return JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, MessageEntry>;
}

/** `$1`..`$9` take the substitutions (missing ones become empty), `$$` is a literal `$`. */
function substitutePositions(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_match, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/**
 * Chrome's algorithm: named placeholders (`$NAME$`, case-insensitive) are replaced by their
 * `content` when the bundle loads; positional `$1`..`$9` are then filled on each call.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => placeholders.get(name.toLowerCase()) ?? match);
  return substitutePositions(expanded, substitutions);
}

const messages = readMessages();
// Message names are case-insensitive in Chrome.
const byName = new Map(Object.entries(messages).map(([name, entry]) => [name.toLowerCase(), entry]));

function getMessage(name: string, substitutions?: string | (string | number)[]): string {
  const entry = byName.get(name.toLowerCase());
  if (!entry) return '';
  const values = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return formatMessage(entry, values);
}

const scope = globalThis as unknown as { chrome?: Record<string, unknown> };
scope.chrome = {
  ...scope.chrome,
  i18n: { getMessage, getUILanguage: () => 'en' },
};
