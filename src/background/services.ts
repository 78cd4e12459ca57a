import { browser } from '../shared/browser';
import type { Agent } from '../shared/conversation';
import { loadSettings } from '../shared/settings-store';
import type { Settings } from '../shared/settings';
import type { ViewState } from '../shared/view-state';
import { createAuthService, type AuthService } from './auth/auth-service';
import { readAgent, writeAgent } from './auth/token-store';
import { createApiClient, type Access, type ApiClient } from './genesys/api-client';
import { ApiError } from './genesys/api-error';
import { UserMe } from './genesys/schemas';
import { createPipeline, type Pipeline } from './pipeline/recommendation-pipeline';
import type { ProviderResult } from './providers/provider';
import { selectProvider } from './providers/select-provider';
import { createInFlight } from './cache/in-flight';
import { createRecommendationCache, type RecommendationCache } from './cache/recommendation-cache';
import { createEventRecorder } from './recommendation-events';
import { cancelRetry, retryTimeFor, scheduleRetry } from './retry-alarms';
import { emitWorkerEvent } from './worker-events';
import { readContext, readView, writeView } from './tab-state';

/**
 * The composition root: builds the worker's services once per worker life. Everything they need
 * across restarts is in storage, so building them again after the worker died loses nothing.
 */
export interface Services {
  auth: AuthService;
  api: ApiClient;
  pipeline: Pipeline;
  cache: RecommendationCache;
  settings(): Promise<Settings>;
  recordEvent: ReturnType<typeof createEventRecorder>;
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

export function createServices(): Services {
  const auth: AuthService = createAuthService({
    settings: currentSettings,
    loadProfile: (access) => fetchAgent(clientFor(access)),
    revoke: async (access) => {
      await clientFor(access).request({ method: 'DELETE', path: '/api/v2/tokens/me' });
    },
  });
  const api = createApiClient({ getAccess: () => auth.getAccess(), reauthorize: () => auth.reauthorize() });

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

  const cache = createRecommendationCache();
  const pipeline = createPipeline({
    settings: currentSettings,
    ensureSignedIn: async () => {
      await auth.getAccess();
    },
    agent,
    provider: (settings) => selectProvider(settings, api),
    readContext,
    readView,
    publish,
    cache,
    inFlight: createInFlight<ProviderResult>(),
  });

  const recordEvent = createEventRecorder({ agentId: async () => (await readAgent())?.id ?? null });

  return { auth, api, pipeline, cache, settings: currentSettings, recordEvent };
}

/** The extension's own origin, for telling its pages from content scripts. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}
