import { expect, it } from 'vitest';
import { FIXTURE_NOW, hiddenFixture } from './fixtures';
import { describeHiddenReason } from './hidden-reason';
import { scorePercent, thresholdPercent } from './relevance-score';

const thresholds = { minRelevanceScore: 0.8, maxContentAgeDays: 7 };

it('explains a low score against the threshold', () => {
  expect(describeHiddenReason(hiddenFixture('low-score'), thresholds, FIXTURE_NOW)).toBe('Score 62% below 80%');
  expect(describeHiddenReason(hiddenFixture('low-score', { relevanceScore: 0.799 }), { ...thresholds, minRelevanceScore: 0.805 }, FIXTURE_NOW)).toBe(
    'Score 79% below 80.5%',
  );
});

it('explains an old article with its age', () => {
  expect(describeHiddenReason(hiddenFixture('too-old'), thresholds, FIXTURE_NOW)).toBe('Published 45 days ago, older than 7 days');
  expect(describeHiddenReason(hiddenFixture('too-old', { publishedDate: null }), thresholds, FIXTURE_NOW)).toBe('Older than 7 days');
});

it('rounds scores down so a hidden score never reads as the threshold', () => {
  expect(scorePercent(0.29)).toBe(29);
  expect(scorePercent(0.7999)).toBe(79);
  expect(scorePercent(1)).toBe(100);
  expect(thresholdPercent(0.8)).toBe(80);
});
