import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketStart, chartRange, chooseBucketUnit } from './chart-buckets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('chooseBucketUnit', () => {
  it('is hourly up to two days, daily up to two months, weekly beyond', () => {
    expect(chooseBucketUnit(0)).toBe('hour');
    expect(chooseBucketUnit(2 * DAY)).toBe('hour');
    expect(chooseBucketUnit(2 * DAY + 1)).toBe('day');
    expect(chooseBucketUnit(62 * DAY)).toBe('day');
    expect(chooseBucketUnit(90 * DAY)).toBe('week');
    expect(chooseBucketUnit(Number.NaN)).toBe('hour');
  });

  it('prefers the filter bounds to the data span', () => {
    expect(chartRange({ from: 0, to: 90 * DAY }, { first: DAY, last: DAY })).toBe(90 * DAY);
    expect(chartRange({ from: null, to: null }, { first: DAY, last: 3 * DAY })).toBe(2 * DAY);
    expect(chartRange({ from: null, to: null }, { first: Infinity, last: -Infinity })).toBe(0);
  });
});

describe('bucketStart', () => {
  it('starts hours, days and Monday weeks in local time', () => {
    const wednesday = new Date(2026, 2, 4, 15, 42, 10).getTime();
    expect(bucketStart(wednesday, 'hour')).toBe(new Date(2026, 2, 4, 15).getTime());
    expect(bucketStart(wednesday, 'day')).toBe(new Date(2026, 2, 4).getTime());
    expect(bucketStart(wednesday, 'week')).toBe(new Date(2026, 2, 2).getTime());
    expect(bucketStart(new Date(2026, 2, 8, 23).getTime(), 'week')).toBe(new Date(2026, 2, 2).getTime());
  });
});

describe('bucketLabel', () => {
  it('writes dates the way the locale does', () => {
    const start = new Date(2026, 2, 4, 9).getTime();
    expect(bucketLabel(start, 'day', 'de')).toBe('04.03.26');
    expect(bucketLabel(start, 'day', 'en-US')).toBe('3/4/26');
    expect(bucketLabel(start, 'hour', 'de')).toBe('04.03.26, 09:00');
  });
});
