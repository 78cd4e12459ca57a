import { SIMULATOR_BUILD } from '../shared/build-flags';
import { checkSupervisorAccess } from './audit/supervisor-access';
import type { Handlers } from './messaging/router';
import { decideIntake } from './context-intake';
import type { Services } from './services';
import { enablePanelForTab } from './platform';
import { listDesktopTabs, readContext, readView, setOverlayCollapsed, writeContext } from './tab-state';
import { emitWorkerEvent } from './worker-events';
import { tellContent } from './desktop/content-channel';
import { insertRecommendation, type InsertDeps } from './desktop/insert-recommendation';
import { currentOverlayState } from './desktop/overlay-relay';
import { takePanelOpening } from './desktop/panel-opener';
import { createImpressionDedupe } from './impression-dedupe';

/** What each message does. The router has already checked the sender and the request. */
export function createHandlers(services: Services, now: () => number = Date.now): Handlers {
  const recordEvent = createImpressionDedupe(services.recordEvent);
  return {
    async 'desktop/context-changed'(context, sender) {
      const previous = await readContext(sender.tabId);
      const decision = decideIntake(previous, { tabId: sender.tabId, frameId: sender.frameId, receivedAt: now(), context });
      if (decision.kind === 'ignore') return { accepted: false };
      if (!previous) await enablePanelForTab(sender.tabId);
      await writeContext(decision.context);
      // The reply does not wait for the provider: the panel hears about results through storage.
      if (decision.changed) void services.pipeline.refresh(sender.tabId).catch(logFailure);
      return { accepted: true };
    },
    async 'desktop/get-profile-overrides'() {
      return { overrides: (await services.settings()).desktopProfile ?? null };
    },
    async 'page/record-event'(input) {
      return { eventId: (await recordEvent(input)).eventId };
    },
    async 'desktop/record-event'(input) {
      return { eventId: (await recordEvent(input)).eventId };
    },
    async 'page/sign-in'() {
      const state = await services.auth.signIn();
      if (state.user) await emitWorkerEvent({ type: 'signed-in', user: state.user });
      void refreshAllTabs(services);
      return state;
    },
    async 'page/sign-out'() {
      const before = await services.auth.state();
      const state = await services.auth.signOut();
      await emitWorkerEvent({ type: 'signed-out', user: before.user });
      // A shared workstation's next agent must not see this agent's cached answers.
      await services.cache.clear();
      void refreshAllTabs(services);
      return state;
    },
    async 'page/knowledge-search'({ tabId, query }) {
      return services.searchKnowledge(tabId, query);
    },
    async 'page/refresh'({ tabId }) {
      const context = await readContext(tabId);
      if (!context) return { queued: false };
      void services.pipeline.refresh(tabId).catch(logFailure);
      return { queued: true };
    },
    async 'page/get-metrics'(query) {
      return services.metrics.report(query);
    },
    async 'page/get-outbox-status'() {
      return services.outbox.status();
    },
    async 'page/supervisor-access'() {
      return checkSupervisorAccess(await services.auth.state(), services.api);
    },
    async 'page/insert-into-reply'({ tabId, recommendationId }) {
      return insertRecommendation(insertDeps(services), tabId, recommendationId);
    },
    async 'desktop/open-panel'(_request, sender) {
      return { opened: await takePanelOpening(sender.tabId) };
    },
    async 'desktop/get-overlay-state'(_request, sender) {
      const stored = await readContext(sender.tabId);
      // Only the frame showing the conversation shows the overlay.
      if (stored?.frameId !== sender.frameId) return { state: null };
      return { state: await currentOverlayState(sender.tabId) };
    },
    async 'desktop/set-overlay-collapsed'({ conversationId, collapsed }, sender) {
      await setOverlayCollapsed(sender.tabId, conversationId, collapsed);
      return { conversationId, collapsed };
    },
  };
}

/** What inserting needs from the worker; also used by the insert-top-suggestion command. */
export function insertDeps(services: Services): InsertDeps {
  return { readView, readContext, tellContent, recordEvent: services.recordEvent };
}

/** Every desktop tab's view depends on sign-in and settings: recompute them all. */
export async function refreshAllTabs(services: Services): Promise<void> {
  const tabs = await listDesktopTabs();
  await Promise.all(tabs.map((tabId) => services.pipeline.refresh(tabId).catch(logFailure)));
}

function logFailure(error: unknown): void {
  // The pipeline publishes its own error states; what lands here is a bug worth seeing in the console.
  console.error('[agent-assist] refresh failed', error);
  if (SIMULATOR_BUILD) console.error(error instanceof Error ? error.stack : error);
}
