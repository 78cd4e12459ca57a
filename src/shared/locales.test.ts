import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMessage, readMessages } from './testing/i18n-stub';

/**
 * Every translation is complete: the same keys as English, the same placeholders (so substitutions
 * land), and no placeholder used that it does not define. A key added to English fails here until
 * each translation has it too.
 */
const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const english = readMessages();
const translations = readdirSync(LOCALES).filter((locale) => locale !== 'en');

function read(locale: string): Record<string, Entry> {
  return JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, Entry>;
}

function placeholdersUsed(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('translations', () => {
  it('include at least one language besides English', () => {
    expect(translations).toContain('de');
  });

  describe.each(translations)('%s', (locale) => {
    const messages = read(locale);

    it('has exactly the English keys', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('uses the same placeholders as English, each defined the same way', () => {
      for (const [key, entry] of Object.entries(messages)) {
        const source = english[key];
        if (!source) continue;
        expect(entry.message.trim().length, key).toBeGreaterThan(0);
        expect(placeholdersUsed(entry.message), key).toEqual(placeholdersUsed(source.message));
        expect(entry.placeholders ?? {}, key).toEqual(source.placeholders ?? {});
      }
    });

    it('substitutes like English (no $1 left over, nothing unfilled)', () => {
      for (const [key, entry] of Object.entries(messages)) {
        const formatted = formatMessage(entry, ['A1', 'B2', 'C3']);
        expect(formatted, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
        if (english[key]?.placeholders) expect(formatted, key).toContain('A1');
      }
    });

    it('names itself and keeps the store limits', () => {
      expect(messages.uiLanguage?.message).toBe(locale.replace('_', '-'));
      expect(messages.extShortName!.message.length).toBeLessThanOrEqual(12);
      expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
      expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
    });
  });
});
