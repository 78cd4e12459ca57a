import { excerpt } from '../shared/dom/article-text';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';

/** Characters of the customer's line quoted on the card; the whole line is in the tooltip. */
const LINE_LENGTH = 90;
/** Matched terms named on the card; all of them are in the tooltip. */
const SHOWN_TERMS = 3;

function triggerText(trigger: string): string {
  if (trigger === 'Intent') return t('whyTriggerIntent');
  if (trigger === 'Fallback') return t('whyTriggerSearch');
  return t('whyTriggerOther', [trigger]);
}

/** What made the provider suggest this card, as far as it says: the customer's line, the matched terms, the rule. */
export function WhySuggested({ recommendation }: { recommendation: Recommendation }) {
  const { customerLine, matchedTerms, trigger } = recommendation;
  if (!customerLine && !matchedTerms?.length && !trigger) return null;
  return (
    <p class="card__why" data-testid="why">
      <span class="card__why-label">{t('whyLabel')}</span>{' '}
      {trigger && (
        <span class="card__why-part" data-testid="why-trigger">
          {triggerText(trigger)}
        </span>
      )}
      {customerLine && (
        <span class="card__why-part" data-testid="why-line" title={customerLine}>
          {t('whyCustomerLine', [excerpt(customerLine, LINE_LENGTH).text])}
        </span>
      )}
      {matchedTerms && matchedTerms.length > 0 && (
        <span class="card__why-part" data-testid="why-terms" title={matchedTerms.join(', ')}>
          {t('whyMatchedTerms', [matchedTerms.slice(0, SHOWN_TERMS).join(', ') + (matchedTerms.length > SHOWN_TERMS ? ', …' : '')])}
        </span>
      )}
    </p>
  );
}
