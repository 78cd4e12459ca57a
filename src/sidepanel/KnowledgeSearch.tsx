import { useId, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import type { SourceProblem } from '../shared/view-state';
import { linkableUrl } from './article-link';
import { articleText, excerpt } from '../shared/dom/article-text';
import type { SearchResult } from './connector';
import { SourceProblems } from './SourceProblems';
import { describePublished } from './published-date';
import { ScoreBadge } from './ScoreBadge';

const RESULT_EXCERPT = 200;

type State = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; results: Recommendation[]; problems: SourceProblem[] } | { kind: 'failed'; message: string };

/**
 * The agent's own knowledge search (wherever Genesys Knowledge answers): the query goes to the worker, which asks the
 * knowledge search API with the conversation as context. Results are listed best first; their
 * content is article text, shown as text.
 */
export function KnowledgeSearch({ onSearch, now }: { onSearch: (query: string) => Promise<SearchResult>; now: number }) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = query.trim();
    if (!trimmed || state.kind === 'searching') return;
    setState({ kind: 'searching' });
    const result = await onSearch(trimmed);
    setState(result.ok ? { kind: 'done', results: result.results, problems: result.sourceProblems ?? [] } : { kind: 'failed', message: result.message });
  };

  return (
    <section class="knowledge-search" aria-labelledby={`${id}-heading`} data-testid="knowledge-search">
      <h2 class="section-heading" id={`${id}-heading`}>
        {t('knowledgeSearchHeading')}
      </h2>
      <form class="knowledge-search__form" role="search" onSubmit={(event) => void submit(event)}>
        <label class="visually-hidden" for={`${id}-query`}>
          {t('knowledgeSearchLabel')}
        </label>
        <input
          id={`${id}-query`}
          class="knowledge-search__input"
          type="search"
          data-testid="knowledge-search-input"
          maxLength={500}
          placeholder={t('knowledgeSearchPlaceholder')}
          value={query}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button" data-testid="knowledge-search-submit" disabled={state.kind === 'searching' || query.trim() === ''}>
          {t('knowledgeSearchButton')}
        </button>
      </form>
      {state.kind === 'searching' && (
        <p class="note" role="status">
          {t('knowledgeSearchSearching')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="notice notice--error" role="alert" data-testid="knowledge-search-error">
          {t('knowledgeSearchFailed', [state.message])}
        </p>
      )}
      {state.kind === 'done' && <SourceProblems problems={state.problems} />}
      {state.kind === 'done' && state.results.length === 0 && (
        <p class="note" role="status" data-testid="knowledge-search-empty">
          {t('knowledgeSearchEmpty')}
        </p>
      )}
      {state.kind === 'done' && state.results.length > 0 && (
        <ol class="cards" data-testid="knowledge-search-results" aria-label={t('knowledgeSearchResultsHeading')}>
          {state.results.map((result) => {
            const published = describePublished(result.publishedDate, now);
            const href = linkableUrl(result.url);
            const text = excerpt(articleText(result.content), RESULT_EXCERPT);
            return (
              <li class="card" key={result.id} data-testid="knowledge-result" data-id={result.id}>
                <h3 class="card__title" data-testid="knowledge-result-title">
                  {result.title}
                </h3>
                <p class="card__meta">
                  <ScoreBadge score={result.relevanceScore} testId="knowledge-result-score" />
                  <span class="card__source">{result.sourceName || result.sourceId}</span>
                  <span class="card__date">{published.text}</span>
                </p>
                {text.text && <p class="card__content">{text.text}</p>}
                {href && (
                  <a class="card__link" href={href} target="_blank" rel="noopener noreferrer" aria-label={t('openArticleNamed', [result.title])}>
                    {t('openArticle')}
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
