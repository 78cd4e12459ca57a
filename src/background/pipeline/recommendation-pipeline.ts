import type { Agent } from '../../shared/conversation';
import { configurationProblem, resolveEndpoints, type Settings } from '../../shared/settings';
import { emptyViewState, type ViewState } from '../../shared/view-state';
import type { RecommendationCache } from '../cache/recommendation-cache';
import { contextKey } from '../cache/context-key';
import type { InFlight } from '../cache/in-flight';
import { ApiError, SESSION_ENDED } from '../genesys/api-error';
import type { ProviderResult, RecommendationProvider } from '../providers/provider';
import type { DesktopContext } from '../../shared/messages';
import type { StoredContext } from '../tab-state';
import { filterRecommendations } from './filter-recommendations';
import { DEFAULT_TRANSCRIPT_LIMITS, lastCustomerLine } from './transcript';
import { viewErrorFrom } from './view-error';

/**
 * Context in, view state out, per desktop tab (docs/architecture.md "Recommendation pipeline"): cache lookup
 * (fresh → publish; stale → publish marked stale, then revalidate), one shared provider request per
 * context, validation and filtering, publish. Everything it needs is read from storage on each run,
 * so a worker that died mid-flight simply runs again.
 */
export interface PipelineDeps {
  settings(): Promise<Settings>;
  /** Resolves when there is a usable token; rejects with ApiError('auth') when not signed in. */
  ensureSignedIn(): Promise<void>;
  agent(): Promise<Agent>;
  provider(settings: Settings): RecommendationProvider;
  readContext(tabId: number): Promise<StoredContext | null>;
  /**
   * What the API says about the page's context (conversation id, channel, transcript), when the
   * provider has an API for it (Genesys mode); absent or failing, the page's context is used.
   */
  resolveContext?(settings: Settings, context: DesktopContext, signal: AbortSignal): Promise<DesktopContext>;
  readView(tabId: number): Promise<ViewState | null>;
  publish(view: ViewState): Promise<void>;
  cache: RecommendationCache;
  inFlight: InFlight<ProviderResult>;
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
    // The clock of this run: the request that produces the cards starts here, not when the
    // context arrived (the agent may have been signed out, or in an error, since then).
    const requestedAt = now();
    const [stored, settings, previous] = await Promise.all([deps.readContext(tabId), deps.settings(), deps.readView(tabId)]);
    let context = stored?.context ?? null;
    let base: ViewState = {
      ...emptyViewState(tabId, 'no-conversation'),
      conversationId: context?.conversationId ?? null,
      channel: context?.channel ?? null,
      updatedAt: now(),
      ...(stored && { contextReceivedAt: stored.receivedAt }),
      requestedAt,
      ...(context?.participantName !== undefined && { customerName: context.participantName }),
      ...(context?.subject !== undefined && { subject: context.subject }),
    };
    const publish = async (view: ViewState) => {
      if (!signal.aborted) await deps.publish({ ...view, updatedAt: now() });
    };
    const signedOut = (ended: boolean): ViewState => ({ ...base, status: 'signed-out', ...(ended && { signedOutReason: 'session-ended' as const }) });

    if (configurationProblem(settings)) return publish({ ...base, status: 'not-configured' });
    try {
      await deps.ensureSignedIn();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') return publish(signedOut(error.code === SESSION_ENDED));
      return publish({ ...base, status: 'error', error: viewErrorFrom(error) });
    }
    if (context && deps.resolveContext) {
      const pageContext = context;
      context = await deps.resolveContext(settings, pageContext, signal).catch((error: unknown) => {
        console.warn('[agent-assist] the API could not confirm the page context', error);
        return pageContext;
      });
      base = { ...base, conversationId: context.conversationId, channel: context.channel };
    }
    if (!context?.conversationId) {
      // A conversation on screen that nothing identifies is said as such: we never guess which one.
      const shown = context !== null && (context.channel !== null || context.participantName !== undefined);
      return publish({ ...base, status: 'no-conversation', idleReason: shown ? 'unidentified' : 'no-selection' });
    }
    const conversationId = context.conversationId;

    // Previous results for the same conversation stay visible while the new ones load.
    const sameConversation = previous?.conversationId === conversationId;
    const kept =
      sameConversation && previous
        ? {
            recommendations: previous.recommendations,
            hidden: previous.hidden,
            invalidCount: previous.invalidCount,
            ...(previous.otherSuggestions !== undefined && { otherSuggestions: previous.otherSuggestions }),
          }
        : {};

    // The desktop may show the conversation before its first message renders: a call on an empty
    // transcript costs the organisation's rate limit and answers nothing.
    const provider = deps.provider(settings);
    if (provider.needsTranscript && (context.transcript.length === 0 || provider.canAsk?.(context.transcript) === false)) return publish({ ...base, status: 'waiting-for-transcript' });

    let shown: Partial<ViewState> = kept;
    let hadCachedResults = false;
    try {
      const agent = await deps.agent();
      const key = await contextKey({
        apiBaseUrl: resolveEndpoints(settings)?.apiBaseUrl ?? '',
        provider: settings.provider,
        agentId: agent.id,
        conversationId,
        channel: context.channel,
        transcript: context.transcript,
        knowledgeBaseIds: settings.knowledgeBaseIds,
        maxTurns: DEFAULT_TRANSCRIPT_LIMITS.maxTurns,
      });
      const ttlMs = provider.cacheable === false ? 0 : settings.cacheTtlSeconds * 1000;
      const hit = ttlMs > 0 ? await deps.cache.lookup(key, ttlMs, now()).catch(() => null) : null;
      // Our own providers are asked with the transcript: each card says which customer line it answers.
      const line = provider.needsTranscript ? lastCustomerLine(context.transcript) : undefined;
      const render = (result: ProviderResult) => {
        const items = line === undefined ? result.items : result.items.map((item) => (item.customerLine ? item : { ...item, customerLine: line }));
        const { accepted, hidden } = filterRecommendations(items, settings, now());
        return {
          recommendations: accepted,
          hidden,
          invalidCount: result.invalidCount,
          ...(result.others !== undefined && { otherSuggestions: result.others }),
          ...(result.sourceProblems?.length && { sourceProblems: result.sourceProblems }),
        };
      };

      if (hit) {
        shown = render(hit.entry);
        hadCachedResults = true;
        await publish({ ...base, ...shown, status: 'ready', stale: hit.freshness === 'stale', source: 'cache' });
        if (hit.freshness === 'fresh') return;
      } else {
        await publish({ ...base, ...kept, status: 'loading' });
      }

      const asked = now();
      const result = await deps.inFlight.run(key, signal, async (shared) => {
        const fetched = await provider.fetch(
          { conversationId, channel: context.channel, transcript: context.transcript, agent, knowledgeBaseIds: settings.knowledgeBaseIds },
          shared,
        );
        // A partial answer (a source failed) is not kept: the next context asks every source again.
        if (ttlMs > 0 && !fetched.sourceProblems?.length) {
          // A full disk costs us the cache, never the answer the agent is waiting for.
          await deps.cache.store(key, { storedAt: now(), items: fetched.items, invalidCount: fetched.invalidCount }).catch((error: unknown) => {
            console.warn('[agent-assist] could not cache recommendations', error);
          });
        }
        return fetched;
      });
      await publish({ ...base, ...render(result), status: 'ready', source: 'provider', providerMs: now() - asked });
    } catch (error) {
      if (signal.aborted) return;
      await publishFailure(error, shown, hadCachedResults);
    }

    async function publishFailure(error: unknown, results: Partial<ViewState>, stale = false): Promise<void> {
      const viewError = viewErrorFrom(error);
      // The API refused the token mid-request and it could not be renewed: the session ended.
      if (viewError.kind === 'auth') return publish({ ...signedOut(true), error: viewError });
      await publish({ ...base, ...results, status: 'error', error: viewError, stale });
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
