/**
 * How the supervisor's charts group time: by hour for a range of up to two days, by day up to
 * about two months, by week beyond, so a chart has tens of points, not thousands or one. The range
 * is the filter's dates where given, else the span of the matching entries. Weeks start on Monday
 * (ISO 8601), in local time like days and hours.
 */
export type BucketUnit = 'hour' | 'day' | 'week';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const HOURLY_UP_TO_MS = 2 * DAY_MS;
export const DAILY_UP_TO_MS = 62 * DAY_MS;

export function chooseBucketUnit(rangeMs: number): BucketUnit {
  if (!(rangeMs > HOURLY_UP_TO_MS)) return 'hour';
  if (rangeMs <= DAILY_UP_TO_MS) return 'day';
  return 'week';
}

/** The range the charts cover: the filter's bounds where set, the data's otherwise. */
export function chartRange(filter: { from: number | null; to: number | null }, data: { first: number; last: number }): number {
  const from = filter.from ?? data.first;
  const to = filter.to ?? data.last;
  return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) : 0;
}

/** The local start (epoch ms) of the bucket holding `time`. */
export function bucketStart(time: number, unit: BucketUnit): number {
  const date = new Date(time);
  date.setMinutes(0, 0, 0);
  if (unit === 'hour') return date.getTime();
  date.setHours(0);
  if (unit === 'day') return date.getTime();
  const sinceMonday = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - sinceMonday);
  return date.getTime();
}

/** A bucket's label in the page's locale: "3/3/26, 09:00", "3/3/26", or the week's Monday. */
export function bucketLabel(start: number, unit: BucketUnit, locale: string): string {
  const options: Intl.DateTimeFormatOptions = unit === 'hour' ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(start);
}
