import { describe, expect, it } from 'vitest';
import { GenesysErrorBody, RecommendationsQueryItem, RecommendationsQueryResponse, UserMe } from './schemas';

const validItem = {
  id: 'kb-1',
  title: 'Reset a password',
  content: 'Open settings…',
  relevanceScore: 0.91,
  publishedDate: '2025-03-01T10:00:00Z',
  sourceId: 'kb-main',
};

describe('RecommendationsQueryItem', () => {
  it('accepts a contract item and keeps unknown fields (loose)', () => {
    const parsed = RecommendationsQueryItem.safeParse({ ...validItem, extra: 'x' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ ...validItem, extra: 'x' });
  });

  it('accepts RFC 3339 dates with an offset', () => {
    expect(RecommendationsQueryItem.safeParse({ ...validItem, publishedDate: '2025-03-01T10:00:00+02:00' }).success).toBe(true);
    expect(RecommendationsQueryItem.safeParse({ ...validItem, publishedDate: '2025-03-01T10:00:00.123Z' }).success).toBe(true);
  });

  it.each([
    ['a date without time', { publishedDate: '2025-03-01' }],
    ['a date without zone', { publishedDate: '2025-03-01T10:00:00' }],
    ['a non-date', { publishedDate: 'yesterday' }],
    ['a null date', { publishedDate: null }],
    ['a score above 1', { relevanceScore: 1.01 }],
    ['a negative score', { relevanceScore: -0.1 }],
    ['a string score', { relevanceScore: '0.9' }],
    ['an empty id', { id: '' }],
    ['an id too long', { id: 'x'.repeat(257) }],
    ['an empty title', { title: '' }],
    ['a title too long', { title: 't'.repeat(501) }],
    ['content too long', { content: 'c'.repeat(20_001) }],
    ['a missing sourceId', { sourceId: undefined }],
  ])('refuses %s', (_label, patch) => {
    expect(RecommendationsQueryItem.safeParse({ ...validItem, ...patch }).success).toBe(false);
  });

  it('accepts the score bounds 0 and 1 and empty content', () => {
    expect(RecommendationsQueryItem.safeParse({ ...validItem, relevanceScore: 0 }).success).toBe(true);
    expect(RecommendationsQueryItem.safeParse({ ...validItem, relevanceScore: 1 }).success).toBe(true);
    expect(RecommendationsQueryItem.safeParse({ ...validItem, content: '' }).success).toBe(true);
  });
});

describe('RecommendationsQueryResponse', () => {
  it('accepts any items array (items are checked one by one later) and an optional page token', () => {
    expect(RecommendationsQueryResponse.safeParse({ items: [1, 'x', null] }).success).toBe(true);
    expect(RecommendationsQueryResponse.safeParse({ items: [], nextPageToken: 'p2' }).success).toBe(true);
    expect(RecommendationsQueryResponse.safeParse({ items: [], nextPageToken: null }).success).toBe(true);
  });

  it('refuses an envelope without items', () => {
    expect(RecommendationsQueryResponse.safeParse({}).success).toBe(false);
    expect(RecommendationsQueryResponse.safeParse({ items: {} }).success).toBe(false);
    expect(RecommendationsQueryResponse.safeParse([]).success).toBe(false);
    expect(RecommendationsQueryResponse.safeParse({ items: [], nextPageToken: 5 }).success).toBe(false);
  });
});

describe('UserMe', () => {
  it('accepts a profile with skills', () => {
    const parsed = UserMe.safeParse({ id: 'u1', name: 'Ann', skills: [{ id: 's1', name: 'Billing', proficiency: 3 }], email: 'a@x' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.skills?.[0]?.name).toBe('Billing');
  });

  it('refuses an empty id or a skill without a name', () => {
    expect(UserMe.safeParse({ id: '', name: 'Ann' }).success).toBe(false);
    expect(UserMe.safeParse({ id: 'u1', name: 'Ann', skills: [{ id: 's1' }] }).success).toBe(false);
  });
});

describe('GenesysErrorBody', () => {
  it('accepts the documented error body and extra fields', () => {
    const body = { message: 'm', code: 'c', status: 429, contextId: 'x', details: [], errors: [] };
    expect(GenesysErrorBody.safeParse(body).success).toBe(true);
    expect(GenesysErrorBody.safeParse({}).success).toBe(true);
  });

  it('refuses wrongly typed fields', () => {
    expect(GenesysErrorBody.safeParse({ status: '429' }).success).toBe(false);
    expect(GenesysErrorBody.safeParse({ message: 1 }).success).toBe(false);
  });
});
