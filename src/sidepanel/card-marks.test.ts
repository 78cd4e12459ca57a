import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { edgeValues, expectAgreement, oneStepFrom } from '../shared/testing/schema-agreement';
import { markCard, MAX_CONVERSATIONS, parseCardMarks, restoreDismissed } from './card-marks';
import { composeReason } from './NotHelpfulForm';
import { relevanceLevel } from './relevance-score';

describe('card marks', () => {
  it('records ratings and dismissals per conversation, merging changes', () => {
    let marks = markCard({}, 'c-1', 'r-1', { rating: 'helpful' });
    marks = markCard(marks, 'c-1', 'r-1', { dismissed: true });
    marks = markCard(marks, 'c-2', 'r-1', { rating: 'not_helpful' });
    expect(marks).toEqual({ 'c-1': { 'r-1': { rating: 'helpful', dismissed: true } }, 'c-2': { 'r-1': { rating: 'not_helpful' } } });
    expect(restoreDismissed(marks, 'c-1')).toEqual({ ...marks, 'c-1': { 'r-1': { rating: 'helpful', dismissed: false } } });
    expect(restoreDismissed(marks, 'unknown')).toBe(marks);
  });

  it('keeps only the newest conversations', () => {
    let marks = {};
    for (let index = 0; index < MAX_CONVERSATIONS + 5; index++) marks = markCard(marks, `c-${index}`, 'r', { dismissed: true });
    const ids = Object.keys(marks);
    expect(ids).toHaveLength(MAX_CONVERSATIONS);
    expect(ids[0]).toBe('c-5');
    expect(ids.at(-1)).toBe(`c-${MAX_CONVERSATIONS + 4}`);
    // Marking an old one again makes it the newest.
    expect(Object.keys(markCard(marks, 'c-5', 'r', { rating: 'helpful' })).at(-1)).toBe('c-5');
  });

  it('reads back only well-formed stored marks', () => {
    expect(parseCardMarks({ 'c-1': { 'r-1': { rating: 'helpful' } } })).toEqual({ 'c-1': { 'r-1': { rating: 'helpful' } } });
    expect(parseCardMarks({ 'c-1': { 'r-1': { rating: 'great' } } })).toEqual({});
    expect(parseCardMarks('nonsense')).toEqual({});
    expect(parseCardMarks(undefined)).toEqual({});
  });
});

describe('composeReason', () => {
  it('sends the code, the details after a colon, or nothing', () => {
    expect(composeReason(null, '')).toBeUndefined();
    expect(composeReason(null, '   ')).toBeUndefined();
    expect(composeReason('out-of-date', '')).toBe('out-of-date');
    expect(composeReason('out-of-date', '  fees  changed\n in March ')).toBe('out-of-date: fees changed in March');
    expect(composeReason(null, 'wrong product')).toBe('other: wrong product');
    expect(composeReason('incorrect', 'x'.repeat(1000))!.length).toBeLessThanOrEqual(500);
  });
});

describe('relevanceLevel', () => {
  it('reads scores as high, medium or low', () => {
    expect([0.99, 0.9, 0.89, 0.75, 0.74, 0].map(relevanceLevel)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
});

/** The stored shape the hand check in card-marks.ts stands for. */
const Marks = z.record(z.string(), z.record(z.string(), z.object({ rating: z.optional(z.enum(['helpful', 'not_helpful'])), dismissed: z.optional(z.boolean()) })));

describe('parseCardMarks agrees with the zod record it replaced', () => {
  it('on every value one step from stored marks', () => {
    const parse = (raw: unknown) => {
      const parsed = parseCardMarks(raw);
      // The panel reads a refusal as "no marks".
      return Object.keys(parsed).length === 0 && Marks.safeParse(raw).success === false ? null : parsed;
    };
    const edges = edgeValues(['helpful', 'not_helpful', 'nope']);
    const stored = { 'c-1': { 'r-1': { rating: 'helpful', dismissed: true }, 'r-2': {} }, 'c-2': { 'r-1': { rating: 'not_helpful' } } };
    for (const input of [...oneStepFrom(stored, edges), Object.create({ inherited: 1 }) as unknown, new Map()]) expectAgreement(parse, Marks, input);
  });
});
