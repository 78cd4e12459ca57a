import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import type { ViewState } from '../shared/view-state';
import type { CardAck, CardAction } from './card-actions';
import type { CardMark } from './connector';
import { ErrorNotice } from './ErrorNotice';
import type { Thresholds } from './hidden-reason';
import { HiddenList } from './HiddenList';
import { LoadingIndicator } from './LoadingIndicator';
import { OtherSuggestionsView } from './lazy-views';
import { cardActionsFor } from './primary-action';
import { RecommendationList } from './RecommendationList';
import { EmptyResults, InvalidNote, StaleNote } from './ResultNotes';
import { SourceProblems } from './SourceProblems';

interface Props {
  view: ViewState;
  thresholds: Thresholds;
  now: number;
  onRetry: () => void;
  retrying: boolean;
  onSignIn: () => void;
  signingIn: boolean;
  /** This conversation's ratings and dismissals. */
  marks: Readonly<Record<string, CardMark>>;
  act(recommendation: Recommendation, action: CardAction, reason?: string): Promise<CardAck>;
  onSeen(recommendationId: string): void;
  onRestoreDismissed(): void;
}

/** A conversation's results: `loading`, `ready` and `error` all keep the last cards on screen. */
export function Results({ view, thresholds, now, onRetry, retrying, onSignIn, signingIn, marks, act, onSeen, onRestoreDismissed }: Props) {
  const shown = view.recommendations.filter((recommendation) => !marks[recommendation.id]?.dismissed);
  const dismissed = view.recommendations.length - shown.length;
  return (
    <>
      {view.status === 'error' && view.error && (
        <ErrorNotice error={view.error} onRetry={onRetry} retrying={retrying} onSignIn={onSignIn} signingIn={signingIn} />
      )}
      {view.status === 'loading' && <LoadingIndicator />}
      {view.stale && <StaleNote />}
      <SourceProblems problems={view.sourceProblems ?? []} />
      {shown.length > 0 && (
        <RecommendationList recommendations={shown} now={now} marks={marks} actions={cardActionsFor(view.channel)} act={act} onSeen={onSeen} />
      )}
      {view.recommendations.length === 0 && view.status === 'ready' && <EmptyResults hiddenCount={view.hidden.length} />}
      {dismissed > 0 && (
        <p class="dismissed-note" data-testid="dismissed-note">
          <span>{dismissed === 1 ? t('dismissedCountOne') : t('dismissedCount', [dismissed])}</span>
          <button type="button" class="button button--link" data-testid="restore-dismissed" onClick={onRestoreDismissed}>
            {t('restoreDismissed')}
          </button>
        </p>
      )}
      {view.otherSuggestions?.length ? <OtherSuggestionsView suggestions={view.otherSuggestions} /> : null}
      {/* Keyed by conversation: another conversation's filtered-out list starts closed. */}
      <HiddenList key={view.conversationId ?? ''} hidden={view.hidden} thresholds={thresholds} now={now} />
      {view.invalidCount > 0 && <InvalidNote count={view.invalidCount} />}
    </>
  );
}
