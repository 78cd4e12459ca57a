import { describe, expect, it } from 'vitest';
import { datePattern, datePlaceholder, formatDateText, parseDateText } from './date-text';

describe('dates as the locale writes them', () => {
  it('knows the order and separator of each locale', () => {
    expect(datePattern('de')).toEqual({ order: ['day', 'month', 'year'], separator: '.' });
    expect(datePattern('en-US')).toEqual({ order: ['month', 'day', 'year'], separator: '/' });
    expect(datePattern('en-GB')).toEqual({ order: ['day', 'month', 'year'], separator: '/' });
    expect(datePlaceholder('de', { day: 'TT', month: 'MM', year: 'JJJJ' })).toBe('TT.MM.JJJJ');
    expect(datePlaceholder('en-US', { day: 'dd', month: 'mm', year: 'yyyy' })).toBe('mm/dd/yyyy');
  });

  it('formats and reads back', () => {
    expect(formatDateText('2026-03-04', 'de')).toBe('04.03.2026');
    expect(formatDateText('2026-03-04', 'en-US')).toBe('03/04/2026');
    expect(formatDateText('', 'de')).toBe('');
    expect(parseDateText('04.03.2026', 'de')).toBe('2026-03-04');
    expect(parseDateText('4.3.26', 'de')).toBe('2026-03-04');
    expect(parseDateText('03/04/2026', 'en-US')).toBe('2026-03-04');
    expect(parseDateText('04/03/2026', 'en-GB')).toBe('2026-03-04');
    expect(parseDateText('2026-03-04', 'de')).toBe('2026-03-04');
    expect(parseDateText('  ', 'de')).toBe('');
  });

  it('refuses what is not a date', () => {
    expect(parseDateText('31.02.2026', 'de')).toBeNull();
    expect(parseDateText('13/01/2026', 'en-US')).toBeNull();
    expect(parseDateText('heute', 'de')).toBeNull();
    expect(parseDateText('1.2', 'de')).toBeNull();
  });
});
