import { describe, expect, it } from 'vitest';
import { isoTimeText } from './iso-time';

function expected(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

describe('isoTimeText', () => {
  it('writes what toISOString writes, over a month of times in order and back again', () => {
    const start = Date.UTC(2026, 0, 31, 22, 0, 0, 0);
    const times: number[] = [];
    // Steps that are not a divisor of a day: every hour, minute, second and millisecond value turns up.
    for (let time = start; time < start + 31 * 86_400_000; time += 3_599_977) times.push(time);
    for (const time of [...times, ...times.reverse()]) expect(isoTimeText(time)).toBe(expected(time));
  });

  it.each([
    0, -0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(10000, 0, 1), -1, -86_400_001, 1.5, 8.64e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY,
  ])('writes %d as toISOString (or the number when it is no date)', (time) => {
    expect(isoTimeText(time)).toBe(expected(time));
  });
});
