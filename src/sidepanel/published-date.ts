import { displayLocale, t } from '../shared/i18n';

const DAY_MS = 86_400_000;
/** Up to this age a date reads "3 days ago"; older, it reads as a date. */
const RELATIVE_DAYS = 30;

export interface PublishedLabel {
  /** What the card shows: "Published 3 days ago", "Published 12 Mar 2024" or "Publication date unknown". */
  text: string;
  /** For `<time datetime>`; null when the date is unknown. */
  dateTime: string | null;
  /** The full local date, for a tooltip. */
  full: string | null;
}

/** Whole days since `publishedDate`, or null when it is absent or unreadable. */
export function daysSince(publishedDate: string | null, now: number): number | null {
  if (publishedDate === null) return null;
  const published = Date.parse(publishedDate);
  if (Number.isNaN(published)) return null;
  return Math.floor((now - published) / DAY_MS);
}

/** "45 days ago", in the browser's locale (plural rules included). */
export function daysAgo(days: number): string {
  return new Intl.RelativeTimeFormat(displayLocale(), { numeric: 'auto' }).format(-days, 'day');
}

export function describePublished(publishedDate: string | null, now: number): PublishedLabel {
  const days = daysSince(publishedDate, now);
  if (publishedDate === null || days === null) return { text: t('dateUnknown'), dateTime: null, full: null };
  const date = new Date(publishedDate);
  const full = date.toLocaleString(displayLocale(), { dateStyle: 'long', timeStyle: 'short' });
  // Clock skew can put a publish date slightly in the future: that is "today", not "in 1 day".
  const when = days >= 0 && days <= RELATIVE_DAYS ? daysAgo(days) : days < 0 && days >= -1 ? daysAgo(0) : date.toLocaleDateString(displayLocale(), { dateStyle: 'medium' });
  return { text: t('published', [when]), dateTime: date.toISOString(), full };
}
