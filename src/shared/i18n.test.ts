import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { displayLocale, t } from './i18n';
import { formatMessage, readMessages } from './testing/i18n-stub';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SRC, '..');
const messages = readMessages();
const names = new Set(Object.keys(messages).map((name) => name.toLowerCase()));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every `t('key'` / `t("key"` in the sources. Keys are literal at call sites by convention (i18n.ts). */
function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/(?<![\w.$])t\(\s*(['"`])([^'"`]+)\1/g)) {
      const key = match[2]!;
      used.set(key, [...(used.get(key) ?? []), relative(ROOT, file)]);
    }
  }
  return used;
}

describe('messages.json', () => {
  it('has every key used with t() in src/', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !names.has(key.toLowerCase())).map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has every __MSG_key__ the manifest uses', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_(\w+?)__/g)].map((match) => match[1]!);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extShortName', 'extDescription', 'actionTitle']));
    expect(keys.filter((key) => !names.has(key.toLowerCase()))).toEqual([]);
    expect(messages.extName?.message).toBe('Agent Assist Overlay');
    expect(messages.extShortName?.message).toBe('Agent Assist');
    expect(messages.actionTitle?.message).toBe('Open Agent Assist');
  });

  it('is well formed: valid names, a message each, every $PLACEHOLDER$ defined', () => {
    for (const [name, entry] of Object.entries(messages)) {
      expect(name, name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message, name).toBe('string');
      expect(entry.message.length, name).toBeGreaterThan(0);
      const placeholders = new Set(Object.keys(entry.placeholders ?? {}).map((key) => key.toLowerCase()));
      for (const [, used] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) expect(placeholders.has(used!.toLowerCase()), `${name}: $${used}$`).toBe(true);
    }
    expect(messages.extShortName!.message.length).toBeLessThanOrEqual(12);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('formatMessage (the stub, as Chrome substitutes)', () => {
  it('fills named placeholders from positional substitutions', () => {
    const entry = { message: 'Score $SCORE$% below $Threshold$% ($$)', placeholders: { score: { content: '$1' }, threshold: { content: '$2' } } };
    expect(formatMessage(entry, ['62', '80'])).toBe('Score 62% below 80% ($)');
    expect(formatMessage(entry, ['62'])).toBe('Score 62% below % ($)');
  });
});

describe('t', () => {
  it('reads messages with substitutions', () => {
    expect(t('signIn')).toBe('Sign in');
    expect(t('showHidden', [3])).toBe('Show 3 filtered-out suggestions');
    expect(t('hiddenLowScore', ['62%', '80%'])).toBe('Score 62% below 80%');
    expect(t('errorProviderStatus', 503)).toBe('The knowledge service returned an error (HTTP 503).');
  });

  it('shows a missing message as its key and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(t('noSuchMessage')).toBe('noSuchMessage');
    expect(t('noSuchMessage')).toBe('noSuchMessage');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('falls back to the key when chrome.i18n is missing altogether', () => {
    const scope = globalThis as unknown as { chrome?: unknown };
    const saved = scope.chrome;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      scope.chrome = undefined;
      expect(t('signIn')).toBe('signIn');
    } finally {
      scope.chrome = saved;
    }
  });

  it('formats in the messages language unless the browser speaks it', () => {
    expect(displayLocale()).toMatch(/^en/);
  });
});
