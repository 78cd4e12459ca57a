import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import { RecommendationCard } from './RecommendationCard';

/** Accepted recommendations in the worker's order (best first). */
export function RecommendationList({ recommendations, now }: { recommendations: readonly Recommendation[]; now: number }) {
  return (
    <section class="results" aria-labelledby="recommendations-heading">
      <h2 class="section-heading" id="recommendations-heading">
        {t('recommendationsHeading')}
      </h2>
      <ol class="cards" data-testid="recommendations">
        {recommendations.map((recommendation) => (
          <RecommendationCard key={recommendation.id} recommendation={recommendation} now={now} />
        ))}
      </ol>
    </section>
  );
}
