import { t } from '../shared/i18n';
import type { OtherSuggestion } from '../shared/recommendation';
import { linkableUrl } from './article-link';

/** What the agent reads for each kind; the kind string comes from the provider. */
function kindLabel(kind: string): string {
  switch (kind) {
    case 'CannedResponse':
      return t('otherSuggestionKindCannedResponse');
    case 'Script':
      return t('otherSuggestionKindScript');
    case 'ThirdPartySuggestion':
      return t('otherSuggestionKindThirdParty');
    default:
      return t('otherSuggestionKindUnknown', [kind]);
  }
}

/**
 * Copilot suggestions that are not articles (canned responses, script pages, third-party ones, or
 * a type this version does not know), in their own group so none is dropped silently. Text only:
 * the provider's strings are never rendered as HTML.
 */
export function OtherSuggestions({ suggestions }: { suggestions: readonly OtherSuggestion[] }) {
  if (suggestions.length === 0) return null;
  return (
    <section class="results other-suggestions" aria-labelledby="other-suggestions-heading">
      <h2 class="section-heading" id="other-suggestions-heading">
        {t('otherSuggestionsHeading')}
      </h2>
      <ul class="cards" data-testid="other-suggestions">
        {suggestions.map((suggestion) => {
          const href = linkableUrl(suggestion.url);
          return (
            <li class="card card--other" key={suggestion.id} data-testid="other-suggestion" data-id={suggestion.id} data-kind={suggestion.kind}>
              <p class="card__meta">
                <span class="card__kind" data-testid="other-kind">
                  {kindLabel(suggestion.kind)}
                </span>
                {suggestion.trigger && <span class="card__trigger">{t('otherSuggestionTrigger', [suggestion.trigger])}</span>}
              </p>
              <h3 class="card__title" data-testid="other-title">
                {suggestion.title}
              </h3>
              {suggestion.detail && (
                <p class="card__content card__content--lines" data-testid="other-detail">
                  {suggestion.detail}
                </p>
              )}
              {href && (
                <a class="card__link" href={href} target="_blank" rel="noopener noreferrer">
                  {t('openArticle')}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
