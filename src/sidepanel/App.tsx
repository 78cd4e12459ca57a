import { useEffect, useState } from 'preact/hooks';
import { describeActionFailure } from './action-error';
import type { ActionResult, PanelAction, PanelConnector, PanelSnapshot } from './connector';
import { IdleMessage } from './IdleMessage';
import { KnowledgeSearch } from './KnowledgeSearch';
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

export function App({ connector, now = Date.now }: Props) {
  const [snapshot, setSnapshot] = useState<PanelSnapshot | null>(null);
  const [pending, setPending] = useState<PanelAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    connector.subscribe(setSnapshot, controller.signal);
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
  const status: PanelStatus = snapshot === null ? 'starting' : view === null || snapshot.tabId === null ? 'idle' : view.status;
  const signIn = () => void run('sign-in', () => connector.signIn());
  const tabId = snapshot?.tabId ?? null;

  return (
    <main class="panel" data-testid="panel" data-status={status} aria-busy={status === 'starting'}>
      <PanelHeader
        user={snapshot?.user ?? null}
        channel={view?.channel ?? null}
        signingOut={pending === 'sign-out'}
        onSignOut={() => void run('sign-out', () => connector.signOut())}
      />
      {failure && (
        <p class="notice notice--error" data-testid="action-error" role="alert">
          {failure}
        </p>
      )}
      {status === 'idle' || status === 'no-conversation' ? <IdleMessage /> : null}
      {status === 'waiting-for-transcript' && <IdleMessage waitingForTranscript />}
      {status === 'not-configured' && (
        <NotConfigured opening={pending === 'open-settings'} onOpenSettings={() => void run('open-settings', () => connector.openSettings())} />
      )}
      {status === 'signed-out' && <SignedOut onSignIn={signIn} pending={pending === 'sign-in'} />}
      {view && snapshot && tabId !== null && (status === 'loading' || status === 'ready' || status === 'error') && (
        <Results
          view={view}
          thresholds={snapshot.settings}
          now={now()}
          onRetry={() => void run('refresh', () => connector.refresh(tabId))}
          retrying={pending === 'refresh'}
          onSignIn={signIn}
          signingIn={pending === 'sign-in'}
        />
      )}
      {tabId !== null && snapshot?.settings.provider === 'conversation-suggestions' && ['no-conversation', 'loading', 'ready', 'error'].includes(status) && <KnowledgeSearch now={now()} onSearch={(query) => connector.searchKnowledge(tabId, query)} />}
      <SupervisorLink />
    </main>
  );
}
