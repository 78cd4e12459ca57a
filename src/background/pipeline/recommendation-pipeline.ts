import type { Agent } from '../../shared/conversation';
import { configurationProblem, type Settings } from '../../shared/settings';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import { ApiError } from '../genesys/api-error';
import type { RecommendationProvider } from '../providers/provider';
import type { StoredContext } from '../tab-state';
import { filterRecommendations } from './filter-recommendations';
import { viewErrorFrom } from './view-error';

/**
 * Context in, view state out, per desktop tab (DESIGN.md "Recommendation pipeline"). Everything
 * it needs is read from storage on each run, so a worker that died mid-flight simply runs again.
 */
export interface PipelineDeps {
  settings(): Promise<Settings>;
  /** Resolves when there is a usable token; rejects with ApiError('auth') when not signed in. */
  ensureSignedIn(): Promise<void>;
  agent(): Promise<Agent>;
  provider(settings: Settings): RecommendationProvider;
  readContext(tabId: number): Promise<StoredContext | null>;
  readView(tabId: number): Promise<ViewState | null>;
  publish(view: ViewState): Promise<void>;
  now?: () => number;
}

export interface Pipeline {
  /** Recomputes the tab's view from its stored context; a newer run for the tab cancels this one. */
  refresh(tabId: number): Promise<void>;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const now = deps.now ?? Date.now;
  const running = new Map<number, AbortController>();

  async function run(tabId: number, signal: AbortSignal): Promise<void> {
    const [stored, settings, previous] = await Promise.all([deps.readContext(tabId), deps.settings(), deps.readView(tabId)]);
    const context = stored?.context ?? null;
    const base: ViewState = {
      ...emptyViewState(tabId, 'no-conversation'),
      conversationId: context?.conversationId ?? null,
      channel: context?.channel ?? null,
      updatedAt: now(),
    };
    const publish = async (view: ViewState) => {
      if (!signal.aborted) await deps.publish({ ...view, updatedAt: now() });
    };

    if (configurationProblem(settings)) return publish({ ...base, status: 'not-configured' });
    try {
      await deps.ensureSignedIn();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') return publish({ ...base, status: 'signed-out' });
      throw error;
    }
    if (!context?.conversationId) return publish({ ...base, status: 'no-conversation' });

    // Previous results for the same conversation stay visible while the new ones load.
    const sameConversation = previous?.conversationId === context.conversationId;
    const kept = sameConversation && previous ? { recommendations: previous.recommendations, hidden: previous.hidden, invalidCount: previous.invalidCount } : {};
    await publish({ ...base, ...kept, status: 'loading' });

    try {
      const agent = await deps.agent();
      const result = await deps.provider(settings).fetch(
        {
          conversationId: context.conversationId,
          channel: context.channel,
          transcript: context.transcript,
          agent,
          knowledgeBaseIds: settings.knowledgeBaseIds,
        },
        signal,
      );
      const { accepted, hidden } = filterRecommendations(result.items, settings, now());
      await publish({ ...base, status: 'ready', recommendations: accepted, hidden, invalidCount: result.invalidCount });
    } catch (error) {
      if (signal.aborted) return;
      const viewError = viewErrorFrom(error);
      if (viewError.kind === 'auth') return publish({ ...base, status: 'signed-out', error: viewError });
      await publish({ ...base, ...kept, status: 'error', error: viewError });
    }
  }

  async function refresh(tabId: number): Promise<void> {
    running.get(tabId)?.abort();
    const controller = new AbortController();
    running.set(tabId, controller);
    try {
      await run(tabId, controller.signal);
    } finally {
      if (running.get(tabId) === controller) running.delete(tabId);
    }
  }

  return { refresh };
}
