import { describe, expect, it } from 'vitest';
import { labelWidth, leftMargin, niceTicks } from './chart-scale';

describe('niceTicks', () => {
  it('gives integer counts distinct ticks, never 0, 1, 1, 2, 2', () => {
    expect(niceTicks(2, { integer: true }).ticks).toEqual([0, 1, 2]);
    expect(niceTicks(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7, { integer: true }).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, { integer: true }).ticks).toEqual([0, 1]);
    for (let max = 1; max < 500; max += 7) {
      const { ticks, top } = niceTicks(max, { integer: true });
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('steps by 1, 2, 2.5 or 5 times a power of ten and covers the maximum', () => {
    expect(niceTicks(1).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(61_234).ticks).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
    expect(niceTicks(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(161).top).toBe(200);
  });
});

describe('leftMargin', () => {
  it('grows with the longest label so none is cut off', () => {
    expect(leftMargin(['0 ms', '80,000 ms'])).toBe(labelWidth('80,000 ms') + 10);
    expect(leftMargin(['0', '1'])).toBe(32);
    expect(labelWidth('80,000 ms')).toBeGreaterThan(56);
  });
});
