import { displayLocale, t } from '../shared/i18n';
import { formatPercent } from '../shared/locale-format';
import { relevanceLevel, scorePercent, type RelevanceLevel } from './relevance-score';

// Thunks with literal keys, so the messages test finds every key used.
const LEVEL_NAMES: Record<RelevanceLevel, () => string> = {
  high: () => t('relevanceHigh'),
  medium: () => t('relevanceMedium'),
  low: () => t('relevanceLow'),
};

/** "High 92%" on screen (the level also as bars), "Relevance high, 92 percent" to assistive technology. */
export function ScoreBadge({ score, testId }: { score: number; testId: string }) {
  const percent = scorePercent(score);
  const level = relevanceLevel(score);
  const levelName = LEVEL_NAMES[level]();
  return (
    <span class="score" data-level={level} role="img" aria-label={t('scoreLabel', [levelName, percent])}>
      <span class="score__bars" aria-hidden="true" />
      <span class="score__level" data-testid={`${testId}-level`}>
        {levelName}
      </span>
      <span data-testid={testId}>{t('scoreValue', [formatPercent(percent / 100, displayLocale(), 0)])}</span>
    </span>
  );
}
