import { SIMULATOR_BUILD } from '../shared/build-flags';
import type { Handlers } from './messaging/router';
import { createDesktopIntake } from './desktop-intake';
import type { Services } from './services';
import { enablePanelForTab } from './platform';
import { listDesktopDiagnostics, listDesktopTabs, readContext, readDesktopDiagnostics, readFrames, writeContext, writeDesktopDiagnostics, writeFrames } from './tab-state';
import { emitWorkerEvent } from './worker-events';

/** What each message does. The router has already checked the sender and the request. */
export function createHandlers(services: Services, now: () => number = Date.now): Handlers {
  const desktop = createDesktopIntake({
    readFrames,
    writeFrames,
    readContext,
    writeContext,
    readDiagnostics: readDesktopDiagnostics,
    writeDiagnostics: writeDesktopDiagnostics,
    firstReport: enablePanelForTab,
    // The reply does not wait for the provider: the panel hears about results through storage.
    changed: (tabId) => void services.pipeline.refresh(tabId).catch(logFailure),
    now,
  });
  return {
    async 'desktop/context-changed'(report, sender) {
      return desktop.intake(sender, report);
    },
    async 'desktop/get-profile-overrides'() {
      return { overrides: (await services.settings()).desktopProfile ?? null };
    },
    async 'page/record-event'(input) {
      return { eventId: (await services.recordEvent(input)).eventId };
    },
    async 'desktop/record-event'(input) {
      return { eventId: (await services.recordEvent(input)).eventId };
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
    async 'page/get-desktop-diagnostics'() {
      return { tabs: await listDesktopDiagnostics() };
    },
  };
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
