import { useId, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import { linkableUrl } from './article-link';
import { articleText, excerpt } from './article-text';
import { describePublished } from './published-date';
import { ScoreBadge } from './ScoreBadge';

/** Characters of content shown before "Show more". */
export const EXCERPT_LENGTH = 280;

interface Props {
  recommendation: Recommendation;
  now: number;
}

export function RecommendationCard({ recommendation, now }: Props) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const text = useMemo(() => articleText(recommendation.content), [recommendation.content]);
  const short = useMemo(() => excerpt(text, EXCERPT_LENGTH), [text]);
  const published = describePublished(recommendation.publishedDate, now);
  const href = linkableUrl(recommendation.url);
  const source = recommendation.sourceName || recommendation.sourceId;
  return (
    <li class="card" data-testid="recommendation" data-id={recommendation.id}>
      <h3 class="card__title" data-testid="title" id={`${id}-title`}>
        {recommendation.title}
      </h3>
      <p class="card__meta">
        <ScoreBadge score={recommendation.relevanceScore} testId="score" />
        <span class="card__source" data-testid="source" data-source-id={recommendation.sourceId}>
          {source}
        </span>
        {published.dateTime ? (
          <time class="card__date" data-testid="published" dateTime={published.dateTime} title={published.full ?? undefined}>
            {published.text}
          </time>
        ) : (
          <span class="card__date" data-testid="published">
            {published.text}
          </span>
        )}
      </p>
      <p class="card__content" data-testid="content" id={`${id}-content`}>
        {expanded || !short.truncated ? text : short.text}
      </p>
      {(short.truncated || href) && (
        <div class="card__actions">
          {short.truncated && (
            <button
              type="button"
              class="button button--link"
              data-testid="content-toggle"
              aria-expanded={expanded}
              aria-controls={`${id}-content`}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? t('showLess') : t('showMore')}
            </button>
          )}
          {href && (
            <a
              class="card__link"
              data-testid="link"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('openArticleNamed', [recommendation.title])}
            >
              {t('openArticle')}
            </a>
          )}
        </div>
      )}
    </li>
  );
}
