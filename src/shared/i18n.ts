/**
 * User-visible strings: `t(key, substitutions?)` reads `public/_locales/<locale>/messages.json`
 * through `chrome.i18n.getMessage`. It calls `chrome.i18n` directly, not `browser` (src/shared/browser.ts,
 * which unit tests replace per file), so one stub serves every test (src/shared/testing/i18n-stub.ts); Firefox
 * provides `chrome.i18n` too.
 *
 * Keys are written literally at the call site (`t('signIn')`, never a computed key) so the test that
 * checks every key used in src/ exists in messages.json can find them.
 */
export type Substitutions = string | number | readonly (string | number)[];

const warned = new Set<string>();

export function t(key: string, substitutions?: Substitutions): string {
  const values = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let message: string | undefined;
  try {
    message = globalThis.chrome?.i18n?.getMessage(key, values);
  } catch {
    message = undefined;
  }
  if (message) return message;
  // A missing string shows its key rather than a blank, so it is noticed and fixed.
  if (import.meta.env.DEV && !warned.has(key)) {
    warned.add(key);
    console.warn(`i18n: no message for "${key}"`);
  }
  return key;
}

/**
 * The locale for numbers, dates and times that sit inside translated sentences: the browser's
 * locale when it speaks the language of the messages (en-GB dates in the English UI), else the
 * messages' own language, so "Published 3 days ago" never mixes two languages.
 */
export function displayLocale(): string {
  const language = t('uiLanguage');
  const preferred = globalThis.navigator?.language;
  if (preferred && preferred.split('-')[0]?.toLowerCase() === language.split('-')[0]?.toLowerCase()) return preferred;
  return language;
}
