import { browser } from '../shared/browser';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import type { Agent } from '../shared/conversation';
import { loadSettings } from '../shared/settings-store';
import type { Settings } from '../shared/settings';
import type { ViewState } from '../shared/view-state';
import { createAuthService, type AuthService } from './auth/auth-service';
import { readAgent, supervisorCredentials, writeAgent } from './auth/token-store';
import { createApiClient, type Access, type ApiClient } from './genesys/api-client';
import { ApiError } from './genesys/api-error';
import { UserMe } from './genesys/schemas';
import { createPipeline, type Pipeline } from './pipeline/recommendation-pipeline';
import type { ProviderResult } from './providers/provider';
import { selectProvider } from './providers/select-provider';
import { createInFlight } from './cache/in-flight';
import { createRecommendationCache, type RecommendationCache } from './cache/recommendation-cache';
import { createEventRecorder, findKnowledgeRef } from './recommendation-events';
import { createImpressionDedupe } from './impression-dedupe';
import { createKnowledgeBaseDirectory } from './knowledge/knowledge-bases';
import { createMetricsRecorder, type MetricsRecorder } from './metrics/metrics-recorder';
import { createMetricsStore } from './metrics/metrics-store';
import { createOutboxStore, OUTBOX_DB } from './outbox/outbox-store';
import { openAuditDb } from '../shared/audit/audit-store';
import { keyValueStore, reopening, type WorkerStorage } from './worker-storage';
import { createFeedbackOutbox } from './outbox/feedback-outbox';
import { createFleetService, type FleetService } from './fleet/fleet-service';
import type { Outbox } from './outbox/outbox';
import { cancelRetry, retryTimeFor, scheduleRetry } from './retry-alarms';
import { emitWorkerEvent } from './worker-events';
import { createTabState, type TabState } from './tab-state';
import { createApiContextResolver } from './copilot/api-context';
import { searchKnowledge, type SearchOutcome } from './knowledge/manual-search';
import { createCopilotLive, type CopilotLive } from './copilot/live-service';
import { createSuggestionStore } from './copilot/suggestion-store';
import { createCannedResponseReader } from './copilot/canned-responses';

/**
 * The composition root: builds the worker's services once per worker life. Everything they need
 * across restarts is in storage, so building them again after the worker died loses nothing.
 */
export interface Services {
  /** What every store below is built on (worker-storage.ts). */
  storage: WorkerStorage;
  /** Per-tab state in storage.session (tab-state.ts). */
  tabs: TabState;
  /** The audit log's database connection, shared by its writer and the fleet sender. */
  auditDb(): Promise<IDBDatabase>;
  auth: AuthService;
  api: ApiClient;
  /** The supervisor page's own session and a client bound to it (docs/architecture.md "Sessions"). */
  supervisorAuth: AuthService;
  supervisorApi: ApiClient;
  /** Where the login host sends the browser back: what an admin registers on the OAuth client. */
  redirectUri(): string;
  pipeline: Pipeline;
  cache: RecommendationCache;
  settings(): Promise<Settings>;
  /** Records an agent's action; impressions once per conversation and recommendation (impression-dedupe.ts). */
  recordEvent: ReturnType<typeof createImpressionDedupe>;
  outbox: Outbox;
  /** Every audit entry to the organisation's ClickHouse, and the Fleet view's queries. */
  fleet: FleetService;
  metrics: MetricsRecorder;
  /** Genesys mode's live suggestions (notification channel, polling fallback). */
  copilot: CopilotLive;
  /** The agent's own knowledge search for a tab's conversation (wherever Genesys Knowledge answers). */
  searchKnowledge(tabId: number, query: string): Promise<SearchOutcome>;
  /** Whether the signed-in user can search Genesys Knowledge, so the panel offers manual search. */
  knowledgeAvailable(): Promise<boolean>;
}

async function currentSettings(): Promise<Settings> {
  return (await loadSettings()).settings;
}

/** A client bound to one fixed token, for calls made while signing in or out. */
function clientFor(access: Access): ApiClient {
  return createApiClient({
    getAccess: async () => access,
    reauthorize: async () => {
      throw new ApiError('auth', 'The new token was refused');
    },
  });
}

async function fetchAgent(api: ApiClient): Promise<Agent> {
  const me = await api.request({ method: 'GET', path: '/api/v2/users/me', query: { expand: 'skills' }, schema: UserMe });
  return { id: me.id, name: me.name, skills: (me.skills ?? []).map((skill) => skill.name) };
}

export function createServices(storage: WorkerStorage): Services {
  const tabs = createTabState(storage.session);
  const auditDb = reopening(() => openAuditDb(storage.indexedDB));
  const { listDesktopTabs, readContext, readView, writeView } = tabs;
  const auth: AuthService = createAuthService({
    settings: currentSettings,
    loadProfile: (access) => fetchAgent(clientFor(access)),
    revoke: async (access) => {
      await clientFor(access).request({ method: 'DELETE', path: '/api/v2/tokens/me' });
    },
  });
  const api = createApiClient({ getAccess: () => auth.getAccess(), reauthorize: () => auth.reauthorize() });
  const supervisorAuth: AuthService = createAuthService({
    settings: currentSettings,
    loadProfile: (access) => fetchAgent(clientFor(access)),
    revoke: async (access) => {
      await clientFor(access).request({ method: 'DELETE', path: '/api/v2/tokens/me' });
    },
    role: 'supervisor',
    store: supervisorCredentials,
  });
  const supervisorApi = createApiClient({ getAccess: () => supervisorAuth.getAccess(), reauthorize: () => supervisorAuth.reauthorize() });

  async function agent(): Promise<Agent> {
    const stored = await readAgent();
    if (stored) return stored;
    const loaded = await fetchAgent(api);
    await writeAgent(loaded);
    return loaded;
  }

  async function publish(published: ViewState): Promise<void> {
    const retryAt = retryTimeFor(published, Date.now());
    // The agent is told when the next automatic attempt is, so an error is never a dead end.
    const view = retryAt !== null && published.error ? { ...published, error: { ...published.error, retryAt } } : published;
    await writeView(view);
    if (view.status !== 'loading') {
      const [settings, stored] = await Promise.all([currentSettings(), readAgent()]);
      await emitWorkerEvent({ type: 'view-published', view, provider: settings.provider, agentId: stored?.id ?? null });
    }
    if (retryAt !== null) await scheduleRetry(view.tabId, retryAt);
    else if (view.status !== 'loading') await cancelRetry(view.tabId);
  }

  const cache = createRecommendationCache(keyValueStore(storage.indexedDB, 'agent-assist-cache', 'recommendations'));
  const knowledgeBases = createKnowledgeBaseDirectory(api);
  const cannedResponses = createCannedResponseReader(api);
  const suggestionStore = createSuggestionStore();
  const apiContext = createApiContextResolver({ api, agentId: async () => (await agent()).id });
  const copilot = createCopilotLive({
    api,
    store: suggestionStore,
    context: apiContext,
    settings: currentSettings,
    agentId: async () => (await readAgent())?.id ?? null,
    apiBaseUrl: async () => (await auth.getAccess().catch(() => null))?.apiBaseUrl ?? null,
    tabs: async () => Promise.all((await listDesktopTabs()).map(async (tabId) => ({ tabId, conversationId: (await readView(tabId))?.conversationId ?? null }))),
    refresh: (tabId) => pipeline.refresh(tabId),
    allowLoopback: SIMULATOR_BUILD,
  });
  const pipeline: Pipeline = createPipeline({
    settings: currentSettings,
    ensureSignedIn: async () => {
      await auth.getAccess();
    },
    agent,
    provider: (settings) => selectProvider(settings, api, { store: suggestionStore, live: copilot, responses: cannedResponses }, knowledgeBases),
    readContext,
    resolveContext: (settings, context, signal) => (settings.provider === 'conversation-suggestions' ? apiContext.resolve(context, signal) : Promise.resolve(context)),
    readView,
    publish,
    cache,
    inFlight: createInFlight<ProviderResult>(),
  });

  // Every path (panel, overlay, keyboard command) goes through the dedupe, so CTR sees each first click.
  const recordEvent = createImpressionDedupe(
    createEventRecorder({
      agentId: async () => (await readAgent())?.id ?? null,
      knowledgeRef: async (conversationId, recommendationId) => findKnowledgeRef(await Promise.all((await listDesktopTabs()).map(readView)), conversationId, recommendationId),
    }),
  );

  async function searchForTab(tabId: number, query: string): Promise<SearchOutcome> {
    const settings = await currentSettings();
    await auth.getAccess();
    const view = await readView(tabId);
    // With recommendations-query, knowledgeBaseIds name the organisation's own service's sources, not Genesys's.
    const knowledgeBaseIds = settings.provider === 'recommendations-query' ? [] : settings.knowledgeBaseIds;
    return searchKnowledge(api, { query, conversationId: view?.conversationId ?? null, channel: view?.channel ?? null, knowledgeBaseIds, directory: knowledgeBases });
  }

  async function knowledgeAvailable(): Promise<boolean> {
    const settings = await currentSettings();
    if (settings.provider !== 'recommendations-query') return true;
    // Without Copilot or Knowledge chosen as the provider, the listing says whether the org has (and
    // the user may read) any knowledge base; no token or no permission: no search box.
    await auth.getAccess();
    return (await knowledgeBases.list().catch(() => [])).length > 0;
  }

  const outbox = createFeedbackOutbox({ store: createOutboxStore(OUTBOX_DB, storage.indexedDB), api, settings: currentSettings });
  const metrics = createMetricsRecorder(createMetricsStore(keyValueStore(storage.indexedDB, 'agent-assist-metrics', 'days')));

  return {
    storage,
    tabs,
    auditDb,
    auth,
    api,
    supervisorAuth,
    supervisorApi,
    redirectUri: () => browser.identity.getRedirectURL(),
    pipeline,
    cache,
    settings: currentSettings,
    recordEvent,
    outbox,
    fleet: createFleetService({ settings: currentSettings, auditDb }),
    metrics,
    copilot,
    searchKnowledge: searchForTab,
    knowledgeAvailable,
  };
}

/** The extension's own origin, for telling its pages from content scripts. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}
