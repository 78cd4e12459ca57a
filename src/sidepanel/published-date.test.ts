import { expect, it } from 'vitest';
import { displayLocale } from '../shared/i18n';
import { daysBefore, FIXTURE_NOW } from './fixtures';
import { describePublished } from './published-date';

it('reads recent dates relatively and older ones as dates', () => {
  expect(describePublished(daysBefore(3), FIXTURE_NOW).text).toBe('Published 3 days ago');
  expect(describePublished(daysBefore(0.2), FIXTURE_NOW).text).toBe('Published today');
  expect(describePublished(new Date(FIXTURE_NOW + 3_600_000).toISOString(), FIXTURE_NOW).text).toBe('Published today');
  const old = describePublished('2024-01-15T10:00:00Z', FIXTURE_NOW);
  expect(old.text).toBe(`Published ${new Date('2024-01-15T10:00:00Z').toLocaleDateString(displayLocale(), { dateStyle: 'medium' })}`);
  expect(old.dateTime).toBe('2024-01-15T10:00:00.000Z');
});

it('says when the date is unknown or unreadable', () => {
  expect(describePublished(null, FIXTURE_NOW)).toEqual({ text: 'Publication date unknown', dateTime: null, full: null });
  expect(describePublished('soon', FIXTURE_NOW).text).toBe('Publication date unknown');
});
