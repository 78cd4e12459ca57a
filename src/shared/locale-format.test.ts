import { describe, expect, it } from 'vitest';
import { formatCount, formatMilliseconds, formatPercent, formatPercentFloor } from './locale-format';

// Intl puts a no-break space (U+00A0) before the German percent sign and unit.
const nbsp = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('locale formats', () => {
  it('writes percentages one way per locale', () => {
    expect(formatPercent(0.805, 'en')).toBe('80.5%');
    expect(nbsp(formatPercent(0.805, 'de'))).toBe('80,5 %');
    expect(nbsp(formatPercent(1, 'de', 0))).toBe('100 %');
    expect(formatPercentFloor(0.7999, 'en')).toBe('79%');
    expect(formatPercentFloor(0.29, 'en')).toBe('29%');
  });

  it('groups counts and durations the locale way', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'de')).toBe('12.345');
    expect(formatMilliseconds(61234.4, 'en')).toBe('61,234 ms');
    expect(nbsp(formatMilliseconds(61234.4, 'de'))).toBe('61.234 ms');
  });
});
