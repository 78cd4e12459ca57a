import { useId, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { HiddenRecommendation } from '../shared/recommendation';
import { describeHiddenReason, type Thresholds } from './hidden-reason';
import { RelevanceBadge } from './RuleBadge';

interface Props {
  hidden: readonly HiddenRecommendation[];
  thresholds: Thresholds;
  now: number;
}

/** What the thresholds filtered out, behind a toggle, with the reason for each. */
export function HiddenList({ hidden, thresholds, now }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (hidden.length === 0) return null;
  return (
    <section class="hidden-section">
      <button
        type="button"
        class="button button--quiet"
        data-testid="hidden-toggle"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? t('hideHidden') : hidden.length === 1 ? t('showHiddenOne') : t('showHidden', [hidden.length])}
      </button>
      {open && (
        <ul class="hidden-list" id={listId} data-testid="hidden-recommendations">
          {hidden.map(({ recommendation, reason }) => (
            <li class="hidden-item" key={recommendation.id} data-testid="hidden-recommendation" data-id={recommendation.id} data-reason={reason}>
              <span class="hidden-item__title" data-testid="hidden-title">
                {recommendation.title}
              </span>
              <RelevanceBadge recommendation={recommendation} testId="hidden-score" />
              <span class="hidden-item__reason" data-testid="hidden-reason">
                {describeHiddenReason({ recommendation, reason }, thresholds, now)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
