import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../shared/recommendation';
import { ageInDays, filterRecommendations, type Thresholds } from './filter-recommendations';

const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const DAY = 86_400_000;
const THRESHOLDS: Thresholds = { minRelevanceScore: 0.8, maxContentAgeDays: 7 };

function rec(id: string, relevanceScore: number, publishedDate: string | null, title = `Title ${id}`): Recommendation {
  return { id, title, content: '', relevanceScore, publishedDate, sourceId: 'kb' };
}
const iso = (ms: number) => new Date(ms).toISOString();
const ids = (list: readonly Recommendation[]) => list.map((item) => item.id);

describe('ageInDays', () => {
  it('is the age in (fractional) days', () => {
    expect(ageInDays(iso(NOW - 7 * DAY), NOW)).toBe(7);
    expect(ageInDays(iso(NOW - DAY / 2), NOW)).toBe(0.5);
    expect(ageInDays(iso(NOW + DAY), NOW)).toBe(-1);
  });

  it('is null, never invented, when the date is missing or unreadable', () => {
    expect(ageInDays(null, NOW)).toBeNull();
    expect(ageInDays('not a date', NOW)).toBeNull();
  });
});

describe('filterRecommendations: score threshold', () => {
  it('accepts exactly the minimum score and hides anything below it as low-score', () => {
    const result = filterRecommendations([rec('at', 0.8, iso(NOW)), rec('below', 0.7999, iso(NOW)), rec('zero', 0, iso(NOW))], THRESHOLDS, NOW);
    expect(ids(result.accepted)).toEqual(['at']);
    expect(result.hidden.map((hidden) => [hidden.recommendation.id, hidden.reason])).toEqual([
      ['below', 'low-score'],
      ['zero', 'low-score'],
    ]);
  });

  it('follows the configured threshold', () => {
    const items = [rec('a', 0.5, iso(NOW)), rec('b', 0.49, iso(NOW))];
    expect(ids(filterRecommendations(items, { ...THRESHOLDS, minRelevanceScore: 0.5 }, NOW).accepted)).toEqual(['a']);
    expect(ids(filterRecommendations(items, { ...THRESHOLDS, minRelevanceScore: 0 }, NOW).accepted)).toEqual(['a', 'b']);
    expect(ids(filterRecommendations(items, { ...THRESHOLDS, minRelevanceScore: 1 }, NOW).accepted)).toEqual([]);
  });
});

describe('filterRecommendations: age threshold', () => {
  it('accepts exactly the maximum age and hides one millisecond more as too-old', () => {
    const result = filterRecommendations([rec('edge', 0.9, iso(NOW - 7 * DAY)), rec('older', 0.9, iso(NOW - 7 * DAY - 1))], THRESHOLDS, NOW);
    expect(ids(result.accepted)).toEqual(['edge']);
    expect(result.hidden).toEqual([{ recommendation: rec('older', 0.9, iso(NOW - 7 * DAY - 1)), reason: 'too-old' }]);
  });

  it('accepts an item with no publish date and keeps its date null (unknown age is not faked)', () => {
    const result = filterRecommendations([rec('undated', 0.9, null)], THRESHOLDS, NOW);
    expect(result.accepted).toEqual([rec('undated', 0.9, null)]);
    expect(result.accepted[0]!.publishedDate).toBeNull();
    expect(result.hidden).toEqual([]);
  });

  it('accepts future dates (negative age)', () => {
    const result = filterRecommendations([rec('future', 0.9, iso(NOW + 30 * DAY))], THRESHOLDS, NOW);
    expect(ids(result.accepted)).toEqual(['future']);
  });

  it('follows the configured maximum age', () => {
    const items = [rec('a', 0.9, iso(NOW - 1.5 * DAY))];
    expect(ids(filterRecommendations(items, { ...THRESHOLDS, maxContentAgeDays: 1 }, NOW).accepted)).toEqual([]);
    expect(ids(filterRecommendations(items, { ...THRESHOLDS, maxContentAgeDays: 2 }, NOW).accepted)).toEqual(['a']);
  });
});

describe('filterRecommendations: both reasons, duplicates, order', () => {
  it('reports low-score when an item is both below the score and too old', () => {
    const result = filterRecommendations([rec('both', 0.1, iso(NOW - 100 * DAY))], THRESHOLDS, NOW);
    expect(result.accepted).toEqual([]);
    expect(result.hidden).toEqual([{ recommendation: rec('both', 0.1, iso(NOW - 100 * DAY)), reason: 'low-score' }]);
  });

  it('keeps the first of repeated ids only', () => {
    const result = filterRecommendations([rec('x', 0.9, iso(NOW)), rec('x', 0.95, iso(NOW), 'Other'), rec('y', 0.85, iso(NOW))], THRESHOLDS, NOW);
    expect(result.accepted).toEqual([rec('x', 0.9, iso(NOW)), rec('y', 0.85, iso(NOW))]);
    expect(result.hidden).toEqual([]);
  });

  it('sorts accepted best score first', () => {
    const result = filterRecommendations([rec('c', 0.81, iso(NOW)), rec('a', 0.99, iso(NOW)), rec('b', 0.9, iso(NOW))], THRESHOLDS, NOW);
    expect(ids(result.accepted)).toEqual(['a', 'b', 'c']);
  });

  it('breaks score ties by recency, unknown age last, then title, then id', () => {
    const result = filterRecommendations(
      [
        rec('undated', 0.9, null, 'A'),
        rec('old', 0.9, iso(NOW - 5 * DAY), 'A'),
        rec('new', 0.9, iso(NOW - DAY), 'Z'),
        rec('same-b', 0.9, iso(NOW - 3 * DAY), 'B'),
        rec('same-a', 0.9, iso(NOW - 3 * DAY), 'A'),
        rec('id-2', 0.9, iso(NOW - 4 * DAY), 'Same'),
        rec('id-1', 0.9, iso(NOW - 4 * DAY), 'Same'),
      ],
      THRESHOLDS,
      NOW,
    );
    expect(ids(result.accepted)).toEqual(['new', 'same-a', 'same-b', 'id-1', 'id-2', 'old', 'undated']);
  });

  it('gives the same order whatever the input order', () => {
    const items = [rec('a', 0.9, iso(NOW)), rec('b', 0.9, iso(NOW)), rec('c', 0.95, null), rec('d', 0.9, null)];
    const forward = ids(filterRecommendations(items, THRESHOLDS, NOW).accepted);
    const backward = ids(filterRecommendations([...items].reverse(), THRESHOLDS, NOW).accepted);
    expect(forward).toEqual(['c', 'a', 'b', 'd']);
    expect(backward).toEqual(forward);
  });

  it('sorts hidden items best first as well', () => {
    const result = filterRecommendations([rec('l1', 0.2, iso(NOW)), rec('old', 0.95, iso(NOW - 30 * DAY)), rec('l2', 0.6, iso(NOW))], THRESHOLDS, NOW);
    expect(result.hidden.map((hidden) => hidden.recommendation.id)).toEqual(['old', 'l2', 'l1']);
  });

  it('does not modify its input', () => {
    const items = [rec('b', 0.81, iso(NOW)), rec('a', 0.99, iso(NOW))];
    const copy = structuredClone(items);
    filterRecommendations(items, THRESHOLDS, NOW);
    expect(items).toEqual(copy);
  });
});

describe('filterRecommendations: rule-triggered cards', () => {
  it('holds a rule-chosen card (no score) to the age limit only, and lists it after the ranked ones', () => {
    const rule = { ...rec('rule', 0, null, 'A rule card'), ruleTriggered: true, trigger: 'Intent' };
    const oldRule = { ...rec('old-rule', 0, iso(NOW - 30 * DAY)), ruleTriggered: true };
    const result = filterRecommendations([rule, rec('ranked', 0.85, iso(NOW)), rec('weak', 0.5, iso(NOW)), oldRule], THRESHOLDS, NOW);
    expect(ids(result.accepted)).toEqual(['ranked', 'rule']);
    expect(result.hidden.map((entry) => [entry.recommendation.id, entry.reason])).toEqual([
      ['weak', 'low-score'],
      ['old-rule', 'too-old'],
    ]);
  });
});
