/**
 * Numbers as the page's locale writes them (`Intl`), so every page shows a percentage, a count or
 * a duration the same way: "80 %" and "1.234" in German, "80%" and "1,234" in English. Pure: the
 * caller passes the locale (i18n.ts `displayLocale()` in the pages).
 */

/** `fraction` 0.805 → "80.5%" (en) / "80,5 %" (de); at most `maxDigits` decimals. */
export function formatPercent(fraction: number, locale: string, maxDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(fraction);
}

/** Whole percents rounded down, so an item hidden for scoring under 80 % never reads "80 %". */
export function formatPercentFloor(fraction: number, locale: string): string {
  return formatPercent(Math.floor(fraction * 100 + 1e-9) / 100, locale, 0);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** "161 ms", "12,000 ms" (en) / "12.000 ms" (de). */
export function formatMilliseconds(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(value);
}
