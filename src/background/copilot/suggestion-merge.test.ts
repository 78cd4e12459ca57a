import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS_PER_CONVERSATION, replaceWithListing, upsertSuggestion } from './suggestion-merge';

describe('upsertSuggestion', () => {
  it('adds new suggestions in arrival order and replaces a known one', () => {
    let entries = upsertSuggestion([], { id: 'a', state: 'Suggested' }, 1);
    entries = upsertSuggestion(entries, { id: 'b' }, 2);
    entries = upsertSuggestion(entries, { id: 'a', state: 'Dismissed' }, 3);
    expect(entries).toEqual([
      { id: 'b', receivedAt: 2, suggestion: { id: 'b' } },
      { id: 'a', receivedAt: 3, suggestion: { id: 'a', state: 'Dismissed' } },
    ]);
  });

  it('keeps at most the newest suggestions', () => {
    let entries = upsertSuggestion([], { id: 'first' }, 0);
    for (let index = 0; index < MAX_SUGGESTIONS_PER_CONVERSATION; index++) entries = upsertSuggestion(entries, { id: `s${index}` }, index + 1);
    expect(entries).toHaveLength(MAX_SUGGESTIONS_PER_CONVERSATION);
    expect(entries.some((entry) => entry.id === 'first')).toBe(false);
  });
});

describe('replaceWithListing', () => {
  it('takes the listing as the truth but keeps what arrived live while it was in flight', () => {
    const entries = [
      { id: 'old', receivedAt: 5, suggestion: { id: 'old' } },
      { id: 'listed', receivedAt: 15, suggestion: { id: 'listed', state: 'Suggested' } },
      { id: 'live', receivedAt: 12, suggestion: { id: 'live' } },
    ];
    const result = replaceWithListing(entries, [{ id: 'listed', state: 'Dismissed' }, { id: 'other' }, 'garbage'], 10);
    expect(result).toEqual([
      { id: 'listed', receivedAt: 10, suggestion: { id: 'listed', state: 'Dismissed' } },
      { id: 'other', receivedAt: 10, suggestion: { id: 'other' } },
      { id: '#invalid-2', receivedAt: 10, suggestion: 'garbage' },
      { id: 'live', receivedAt: 12, suggestion: { id: 'live' } },
    ]);
  });
});
