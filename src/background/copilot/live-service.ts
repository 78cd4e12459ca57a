import { browser } from '../../shared/browser';
import type { Settings } from '../../shared/settings';
import type { ApiClient } from '../genesys/api-client';
import { createLiveChannel, type LiveChannel, type SocketLike, type StoredChannel } from '../notifications/live-channel';
import { suggestionTopics, topicsFor } from '../notifications/topics';
import type { LiveSuggestions } from '../providers/conversation-suggestions';
import type { ApiContextResolver } from './api-context';
import type { SuggestionStore } from './suggestion-store';

/**
 * Genesys mode's live delivery, wired: which conversations to follow (those the desktop tabs
 * show), what a suggestion event does (into the store, then the tabs showing that conversation
 * are refreshed, which costs no API call while the socket is up), a reconnect (every tab
 * backfills over REST), and the polling fallback (an alarm, so it outlives the worker).
 */
export const COPILOT_POLL_ALARM = 'copilot:poll';
const CHANNEL_KEY = 'copilot:notification-channel';

export interface CopilotLiveDeps {
  api: ApiClient;
  store: SuggestionStore;
  context: ApiContextResolver;
  settings(): Promise<Settings>;
  /** The signed-in agent's id, or null. */
  agentId(): Promise<string | null>;
  apiBaseUrl(): Promise<string | null>;
  /** Desktop tabs and the conversation their published view shows. */
  tabs(): Promise<{ tabId: number; conversationId: string | null }[]>;
  refresh(tabId: number): Promise<void>;
  allowLoopback: boolean;
  openSocket?(url: string): SocketLike;
  now?: () => number;
}

export interface CopilotLive extends LiveSuggestions {
  /** Follows what the tabs show when Genesys mode is on and someone is signed in; stops otherwise. */
  resume(): Promise<void>;
  /** The polling alarm fired: refresh every tab (the provider reads REST while not live). */
  poll(): Promise<void>;
  stop(): void;
}

export function createCopilotLive(deps: CopilotLiveDeps): CopilotLive {
  const now = deps.now ?? Date.now;
  const watched = new Set<string>();
  let polling = false;

  async function refreshTabs(conversationId: string | null): Promise<void> {
    const tabs = await deps.tabs();
    await Promise.all(
      tabs
        .filter((tab) => conversationId === null || tab.conversationId === conversationId)
        .map((tab) => deps.refresh(tab.tabId).catch((error: unknown) => console.error('[agent-assist] refresh failed', error))),
    );
  }

  const channel: LiveChannel = createLiveChannel({
    api: deps.api,
    apiBaseUrl: deps.apiBaseUrl,
    allowLoopback: deps.allowLoopback,
    ...(deps.openSocket && { openSocket: deps.openSocket }),
    now,
    async loadChannel() {
      const stored = await browser.storage.session.get(CHANNEL_KEY);
      const value = stored[CHANNEL_KEY] as Partial<StoredChannel> | undefined;
      return value && typeof value.id === 'string' && typeof value.connectUri === 'string' && typeof value.createdAt === 'number' && typeof value.expiresAt === 'number'
        ? (value as StoredChannel)
        : null;
    },
    async saveChannel(value) {
      if (value) await browser.storage.session.set({ [CHANNEL_KEY]: value });
      else await browser.storage.session.remove(CHANNEL_KEY);
    },
    onFrame(frame) {
      if (frame.kind === 'suggestion') {
        void deps.store
          .upsert(frame.conversationId, frame.suggestion, now())
          .then(() => refreshTabs(frame.conversationId))
          .catch((error: unknown) => console.error('[agent-assist] could not keep a live suggestion', error));
      } else {
        void deps.agentId().then((agentId) => {
          if (agentId) deps.context.onConversationEvent(frame.conversation, agentId);
        });
      }
    },
    onConnected() {
      // No replay after a (re)connect: every tab asks again, and the provider backfills over REST.
      // The polling alarm may predate this worker's life: clear it whatever we remember.
      polling = false;
      void browser.alarms.clear(COPILOT_POLL_ALARM);
      void refreshTabs(null);
    },
    onGiveUp() {
      polling = true;
      // Chrome runs alarms at most every 30 s; they fire even after the worker died.
      void browser.alarms.create(COPILOT_POLL_ALARM, { periodInMinutes: 0.5 });
    },
  });

  async function follow(): Promise<boolean> {
    const agentId = await deps.agentId();
    if (!agentId) return false;
    return channel.ensure(topicsFor(agentId, watched));
  }

  function stop(): void {
    watched.clear();
    channel.stop();
    deps.context.forget();
    if (polling) {
      polling = false;
      void browser.alarms.clear(COPILOT_POLL_ALARM);
    }
  }

  return {
    async watch(conversationId) {
      watched.add(conversationId);
      if (!(await follow())) return null;
      const times = suggestionTopics(conversationId).map((topic) => channel.subscribedSince(topic));
      return times.some((time) => time === null) ? null : Math.max(...(times as number[]));
    },
    async resume() {
      const [settings, agentId, tabs] = await Promise.all([deps.settings(), deps.agentId(), deps.tabs()]);
      const shown = tabs.map((tab) => tab.conversationId).filter((id): id is string => id !== null);
      if (settings.provider !== 'conversation-suggestions' || !agentId || shown.length === 0) return stop();
      watched.clear();
      for (const id of shown) watched.add(id);
      await follow();
    },
    async poll() {
      const settings = await deps.settings();
      if (settings.provider !== 'conversation-suggestions') {
        stop();
        await browser.alarms.clear(COPILOT_POLL_ALARM);
        return;
      }
      await refreshTabs(null);
    },
    stop,
  };
}
