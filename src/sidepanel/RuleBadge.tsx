import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import { ScoreBadge } from './ScoreBadge';

/**
 * The score, or for a card a rule chose (Agent Copilot intent) "Chosen by a rule" with its trigger:
 * such a card has no confidence, and none is invented.
 */
export function RelevanceBadge({ recommendation, testId }: { recommendation: Recommendation; testId: string }) {
  if (!recommendation.ruleTriggered) return <ScoreBadge score={recommendation.relevanceScore} testId={testId} />;
  return (
    <span class="score score--rule" data-testid={`${testId}-rule`}>
      {recommendation.trigger ? t('ruleTriggeredWith', [recommendation.trigger]) : t('ruleTriggered')}
    </span>
  );
}
