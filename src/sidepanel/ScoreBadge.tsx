import { t } from '../shared/i18n';
import { scorePercent } from './relevance-score';

/** "92%" on screen, "Relevance 92 percent" to assistive technology. */
export function ScoreBadge({ score, testId }: { score: number; testId: string }) {
  const percent = scorePercent(score);
  return (
    <span class="score" data-testid={testId} role="img" aria-label={t('scoreLabel', [percent])}>
      {t('scoreValue', [percent])}
    </span>
  );
}
