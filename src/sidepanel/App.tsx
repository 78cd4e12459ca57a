import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import { describeActionFailure } from './action-error';
import { performCardAction, type CardAction } from './card-actions';
import { markCard, restoreDismissed } from './card-marks';
import type { ActionResult, CardMark, CardMarks, PanelAction, PanelConnector, PanelSnapshot } from './connector';
import { IdleMessage } from './IdleMessage';
import { KeyboardHelp } from './KeyboardHelp';
import { useKnowledgeAvailable } from './knowledge-available';
import { KnowledgeSearchView } from './lazy-views';
import { NotConfigured } from './NotConfigured';
import { PanelHeader } from './PanelHeader';
import { Results } from './Results';
import { SignedOut } from './SignedOut';
import { SupervisorLink } from './SupervisorLink';

interface Props {
  connector: PanelConnector;
  /** The clock for relative dates (tests pin it). */
  now?: () => number;
}

/** `data-status` of the root: the view's status, `idle` when the tab has no view, `starting` before the first snapshot. */
export type PanelStatus = NonNullable<PanelSnapshot['view']>['status'] | 'idle' | 'starting';

const NO_MARKS: Readonly<Record<string, CardMark>> = {};

/**
 * With no desktop tab (or one the worker has not published for), the panel still leads through
 * set-up and sign-in as a desktop tab would; only once both are done does it ask for a conversation.
 */
function firstRunStatus(snapshot: PanelSnapshot): PanelStatus {
  if (!snapshot.settings.configured) return 'not-configured';
  if (snapshot.user === null) return 'signed-out';
  return 'idle';
}

export function App({ connector, now = Date.now }: Props) {
  const [snapshot, setSnapshot] = useState<PanelSnapshot | null>(null);
  const [pending, setPending] = useState<PanelAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [marks, setMarks] = useState<CardMarks>({});
  const [announcement, setAnnouncement] = useState('');
  const [shortcuts, setShortcuts] = useState<Record<string, string>>({});
  const knowledgeSearch = useKnowledgeAvailable(connector, snapshot);
  // Impressions already reported by this panel (conversation + recommendation); the worker dedupes too.
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const controller = new AbortController();
    connector.subscribe(setSnapshot, controller.signal);
    void connector.readCardMarks().then(
      (stored) => !controller.signal.aborted && setMarks((current) => ({ ...stored, ...current })),
      () => undefined,
    );
    void connector.readCommandShortcuts().then(
      (found) => !controller.signal.aborted && setShortcuts(found),
      () => undefined,
    );
    return () => controller.abort();
  }, [connector]);

  const run = async (action: PanelAction, call: () => Promise<ActionResult>) => {
    setPending(action);
    setFailure(null);
    const result = await call();
    setPending(null);
    if (!result.ok) setFailure(describeActionFailure(action, result));
  };

  const view = snapshot?.view ?? null;
  const status: PanelStatus = snapshot === null ? 'starting' : view === null || snapshot.tabId === null ? firstRunStatus(snapshot) : view.status;
  const signIn = () => void run('sign-in', () => connector.signIn());
  const tabId = snapshot?.tabId ?? null;
  const conversationId = view?.conversationId ?? null;

  const updateMarks = (change: (current: CardMarks) => CardMarks) => {
    setMarks((current) => {
      const next = change(current);
      void connector.writeCardMarks(next).catch(() => undefined);
      return next;
    });
  };

  const act = async (recommendation: Recommendation, action: CardAction, reason?: string) => {
    if (tabId === null || conversationId === null) return { ok: false, message: t('idleOpenConversation') };
    const ack = await performCardAction(
      {
        connector,
        tabId,
        conversationId,
        mark: (id, change) => updateMarks((current) => markCard(current, conversationId, id, change)),
      },
      recommendation,
      action,
      reason,
    );
    // A dismissed card leaves the list, so its acknowledgement is said for the whole panel.
    if (action === 'dismiss' && ack.ok) setAnnouncement(ack.message);
    return ack;
  };

  const onSeen = (recommendationId: string) => {
    if (conversationId === null) return;
    const key = `${conversationId}\n${recommendationId}`;
    if (seen.current.has(key)) return;
    seen.current.add(key);
    const recommendation = view?.recommendations.find((item) => item.id === recommendationId);
    if (!recommendation) return;
    void connector
      .recordEvent({ conversationId, recommendationId, sourceId: recommendation.sourceId, action: 'impression' })
      .then((result) => {
        // Not recorded: let a later sighting try again.
        if (!result.ok) seen.current.delete(key);
      });
  };

  return (
    <main
      class="panel"
      data-testid="panel"
      data-status={status}
      aria-busy={status === 'starting'}
      data-context-received-at={view?.contextReceivedAt}
      data-updated-at={view?.updatedAt}
    >
      <PanelHeader
        // Signed out is one state: no name and no Sign out above a body asking to sign in.
        user={status === 'signed-out' || status === 'not-configured' ? null : (snapshot?.user ?? null)}
        channel={view?.channel ?? null}
        customerName={view?.customerName}
        subject={view?.subject}
        signingOut={pending === 'sign-out'}
        onSignOut={() => void run('sign-out', () => connector.signOut())}
      />
      {failure && (
        <p class="notice notice--error" data-testid="action-error" role="alert">
          {failure}
        </p>
      )}
      {status === 'idle' || status === 'no-conversation' ? <IdleMessage unidentified={status === 'no-conversation' && view?.idleReason === 'unidentified'} /> : null}
      {status === 'waiting-for-transcript' && <IdleMessage waitingForTranscript />}
      {status === 'not-configured' && (
        <NotConfigured opening={pending === 'open-settings'} onOpenSettings={() => void run('open-settings', () => connector.openSettings())} />
      )}
      {status === 'signed-out' && <SignedOut onSignIn={signIn} pending={pending === 'sign-in'} sessionEnded={view?.signedOutReason === 'session-ended'} />}
      {view && snapshot && tabId !== null && (status === 'loading' || status === 'ready' || status === 'error') && (
        <Results
          view={view}
          thresholds={snapshot.settings}
          now={now()}
          onRetry={() => void run('refresh', () => connector.refresh(tabId))}
          retrying={pending === 'refresh'}
          onSignIn={signIn}
          signingIn={pending === 'sign-in'}
          marks={(conversationId !== null && marks[conversationId]) || NO_MARKS}
          act={act}
          onSeen={onSeen}
          onRestoreDismissed={() => conversationId !== null && updateMarks((current) => restoreDismissed(current, conversationId))}
        />
      )}
      {tabId !== null && knowledgeSearch && ['no-conversation', 'loading', 'ready', 'error'].includes(status) && <KnowledgeSearchView now={now()} onSearch={(query) => connector.searchKnowledge(tabId, query)} />}
      <SupervisorLink />
      <p class="visually-hidden" role="status" data-testid="announcement">
        {announcement}
      </p>
      {status !== 'starting' && <KeyboardHelp shortcuts={shortcuts} />}
    </main>
  );
}
