import { browser } from '../shared/browser';
import type { SignInFailure } from '../shared/messages';
import { isSettingsChange } from '../shared/settings-keys';
import { AUTH_USER_KEY, viewStateKey } from '../shared/view-state-keys';
import { attempt, failureOf } from '../pages/action-result';
import { readStorage, watchStorage, writeStorage } from '../pages/extension-storage';
import { CARD_MARKS_KEY, parseCardMarks } from './card-marks';
import { copyToClipboard } from './clipboard';
import { UNKNOWN_PANEL_SETTINGS, type PanelConnector, type PanelSnapshot, type SearchResult } from './connector';
import { request } from './panel-requests';
import { requestedTabId } from './requested-tab';
import { parseSignedInUser as parseUser, parseViewState as parseView } from './view-checks';

const readSession = (key: string) => readStorage('session', key);
/** Failed settings reads retried before the panel first shows anything (0.5 + 1 s). */
const AWAITED_SETTINGS_RETRIES = 2;

/**
 * Binds the panel to the extension: the view the worker publishes in storage.session for the
 * followed tab, the signed-in user, the settings, and the worker's actions. Everything it reads is
 * checked by hand (src/sidepanel/view-checks.ts, src/sidepanel/panel-requests.ts), and the settings
 * come from the worker already parsed with the policy, so the panel loads neither zod nor the
 * policy reader (docs/performance.md P8).
 *
 * Which tab: `?tabId=N` when given (end-to-end tests), else the active tab of the panel's own
 * window, followed as the agent switches tabs (the real side panel is per window).
 */
export function createExtensionConnector(search: string): PanelConnector {
  return {
    subscribe(onSnapshot, signal) {
      let snapshot: PanelSnapshot = { tabId: null, view: null, user: null, settings: UNKNOWN_PANEL_SETTINGS };
      let started = false;
      // Bumped by every change event, so an initial read that resolves after a newer change
      // does not overwrite it with an older value.
      let viewVersion = 0;
      let userVersion = 0;
      let settingsVersion = 0;

      const update = (patch: Partial<PanelSnapshot>) => {
        snapshot = { ...snapshot, ...patch };
        if (started && !signal.aborted) onSnapshot(snapshot);
      };

      const followedViewKey = () => (snapshot.tabId === null ? null : viewStateKey(snapshot.tabId));
      watchStorage(
        'session',
        (key) => key === AUTH_USER_KEY || key === followedViewKey(),
        (changes) => {
          if (changes.has(AUTH_USER_KEY)) {
            userVersion += 1;
            update({ user: parseUser(changes.get(AUTH_USER_KEY)) });
          }
          const key = followedViewKey();
          if (key !== null && changes.has(key)) {
            viewVersion += 1;
            update({ view: parseView(changes.get(key)) });
          }
        },
        signal,
      );
      // Local settings or the policy changed: the worker reads them again with the policy on top.
      const onSettingsChange = (changes: Record<string, unknown>, areaName: string) => {
        if (isSettingsChange(changes, areaName)) void readSettings();
      };
      browser.storage.onChanged.addListener(onSettingsChange);

      const readView = async (tabId: number | null) => {
        const version = viewVersion;
        const view = tabId === null ? null : parseView(await readSession(viewStateKey(tabId)).catch(() => undefined));
        if (version === viewVersion && snapshot.tabId === tabId) update({ view });
      };
      const bindTab = async (tabId: number | null) => {
        if (tabId === snapshot.tabId && started) return;
        viewVersion += 1;
        update({ tabId, view: null });
        await readView(tabId);
      };

      const readUser = async () => {
        const version = userVersion;
        const user = parseUser(await readSession(AUTH_USER_KEY).catch(() => undefined));
        if (version === userVersion) update({ user });
      };
      // Each read bumps the version, so of two reads racing only the later one's answer is kept.
      // A read that failed (the worker was starting, or threw) is tried again, 0.5 s doubling to
      // 10 s: without the settings the panel can only show set-up as not done, which would stay
      // wrong until the next settings change otherwise. The first two retries are awaited, so the
      // panel's first picture (held until this read ends) does not send the agent to set-up for a
      // worker that answers a second later; past them it shows what it has and keeps trying.
      const readSettings = async (failures = 0): Promise<void> => {
        const version = ++settingsVersion;
        const settings = await request('page/get-panel-settings', {}).catch(() => null);
        if (version !== settingsVersion || signal.aborted) return;
        if (settings) return update({ settings });
        const retry = new Promise<void>((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** failures))).then(() =>
          version === settingsVersion && !signal.aborted ? readSettings(failures + 1) : undefined,
        );
        if (failures < AWAITED_SETTINGS_RETRIES) await retry;
      };

      let windowId: number | undefined;
      let switchedTab = false;
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (info.windowId !== windowId) return;
        switchedTab = true;
        void bindTab(info.tabId);
      };
      // The tab navigated (or reloaded): re-read in case an update raced the binding.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === snapshot.tabId && change.status === 'complete') void readView(tabId);
      };

      const findTab = async (): Promise<number | null> => {
        const pinned = requestedTabId(search);
        if (pinned !== null) return pinned;
        const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
        windowId = active?.windowId;
        if (signal.aborted) return null; // unsubscribed while asking: add no listeners to leak
        browser.tabs.onActivated.addListener(onActivated);
        browser.tabs.onUpdated.addListener(onUpdated);
        return active?.id ?? null;
      };

      signal.addEventListener('abort', () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.storage.onChanged.removeListener(onSettingsChange);
      });

      void (async () => {
        const tabId = await findTab();
        // An activation seen while starting is newer than the query's answer.
        await Promise.all([switchedTab ? readView(snapshot.tabId) : bindTab(tabId), readUser(), readSettings()]);
        started = true;
        update({});
      })();
    },

    async signIn() {
      let signedIn = false;
      let failure: SignInFailure | undefined;
      const result = await attempt(async () => {
        ({ signedIn, failure } = await request('page/sign-in', {}));
      });
      if (result.ok && failure) return { ok: false, code: 'sign-in-failed', message: failure.detail, signIn: failure };
      // The worker answered but nobody is signed in (the login window was closed, say).
      if (result.ok && !signedIn) return { ok: false, code: 'not-signed-in', message: 'sign-in did not complete' };
      return result;
    },
    signOut: () => attempt(() => request('page/sign-out', {})),
    refresh: (tabId) => attempt(() => request('page/refresh', { tabId })),
    openSettings: () => attempt(() => browser.runtime.openOptionsPage()),
    async searchKnowledge(tabId, query): Promise<SearchResult> {
      let results: SearchResult = { ok: false, code: 'failed', message: 'no answer' };
      const outcome = await attempt(async () => {
        const answer = await request('page/knowledge-search', { tabId, query });
        results = { ok: true, results: answer.results, ...(answer.sourceProblems && { sourceProblems: answer.sourceProblems }) };
      });
      return outcome.ok ? results : outcome;
    },
    async knowledgeAvailable() {
      return (await request('page/knowledge-available', {}).catch(() => ({ available: false }))).available;
    },
    async recordEvent(input) {
      try {
        return { ok: true, eventId: (await request('page/record-event', input)).eventId };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    },
    async insertIntoReply(tabId, recommendationId) {
      try {
        return { ok: true, outcome: (await request('page/insert-into-reply', { tabId, recommendationId })).outcome };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    },
    copyText: (text) => attempt(() => copyToClipboard(text, document)),
    async readCardMarks() {
      return parseCardMarks(await readSession(CARD_MARKS_KEY).catch(() => undefined));
    },
    writeCardMarks: (marks) => writeStorage('session', CARD_MARKS_KEY, marks),
    async readCommandShortcuts() {
      const commands = await browser.commands.getAll().catch(() => []);
      return Object.fromEntries(commands.filter((command) => command.name).map((command) => [command.name!, command.shortcut ?? '']));
    },
  };
}
