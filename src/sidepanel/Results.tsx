import type { ViewState } from '../shared/view-state';
import { ErrorNotice } from './ErrorNotice';
import type { Thresholds } from './hidden-reason';
import { HiddenList } from './HiddenList';
import { LoadingIndicator } from './LoadingIndicator';
import { OtherSuggestions } from './OtherSuggestions';
import { RecommendationList } from './RecommendationList';
import { EmptyResults, InvalidNote, StaleNote } from './ResultNotes';

interface Props {
  view: ViewState;
  thresholds: Thresholds;
  now: number;
  onRetry: () => void;
  retrying: boolean;
  onSignIn: () => void;
  signingIn: boolean;
}

/** A conversation's results: `loading`, `ready` and `error` all keep the last cards on screen. */
export function Results({ view, thresholds, now, onRetry, retrying, onSignIn, signingIn }: Props) {
  const hasCards = view.recommendations.length > 0;
  return (
    <>
      {view.status === 'error' && view.error && (
        <ErrorNotice error={view.error} onRetry={onRetry} retrying={retrying} onSignIn={onSignIn} signingIn={signingIn} />
      )}
      {view.status === 'loading' && <LoadingIndicator />}
      {view.stale && <StaleNote />}
      {hasCards && <RecommendationList recommendations={view.recommendations} now={now} />}
      {!hasCards && view.status === 'ready' && <EmptyResults hiddenCount={view.hidden.length} />}
      <OtherSuggestions suggestions={view.otherSuggestions ?? []} />
      <HiddenList hidden={view.hidden} thresholds={thresholds} now={now} />
      {view.invalidCount > 0 && <InvalidNote count={view.invalidCount} />}
    </>
  );
}
