import { SIMULATOR_BUILD } from '../shared/build-flags';
import { resolveEndpoints } from '../shared/settings';
import { checkSupervisorAccess } from './audit/supervisor-access';
import { AuthError } from './auth/authorization-code';
import type { Handlers } from './messaging/router';
import { createDesktopIntake } from './desktop-intake';
import type { Services } from './services';
import { enablePanelForTab } from './platform';
import { conversationFrameOf } from './context-intake';
import { listDesktopDiagnostics, listDesktopTabs, readContext, readDesktopDiagnostics, readFrames, readView, setOverlayCollapsed, writeContext, writeDesktopDiagnostics, writeFrames } from './tab-state';
import { emitWorkerEvent } from './worker-events';
import { tellContent } from './desktop/content-channel';
import { insertRecommendation, type InsertDeps } from './desktop/insert-recommendation';
import { currentOverlayState } from './desktop/overlay-relay';
import { takePanelOpening } from './desktop/panel-opener';

/** What each message does. The router has already checked the sender and the request. */
export function createHandlers(services: Services, now: () => number = Date.now): Handlers {
  const { recordEvent } = services;
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
      return { eventId: (await recordEvent(input)).eventId };
    },
    async 'desktop/record-event'(input) {
      return { eventId: (await recordEvent(input)).eventId };
    },
    async 'page/sign-in'() {
      let state;
      try {
        state = await services.auth.signIn();
      } catch (error) {
        if (error instanceof AuthError && error.kind === 'page-failed') return { signedIn: false, user: null, failure: await signInFailure(services, error) };
        throw error;
      }
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
    async 'page/knowledge-available'() {
      return { available: await services.knowledgeAvailable() };
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
    async 'page/get-fleet-status'() {
      return services.fleet.status();
    },
    async 'page/set-fleet-secrets'(request) {
      return services.fleet.setSecrets(request);
    },
    async 'page/fleet-query'(request) {
      return services.fleet.query(request);
    },
    async 'page/get-desktop-diagnostics'() {
      return { tabs: await listDesktopDiagnostics() };
    },
    async 'page/supervisor-access'() {
      return supervisorAccess(services);
    },
    async 'page/supervisor-sign-in'() {
      await services.supervisorAuth.signIn();
      return supervisorAccess(services);
    },
    async 'page/supervisor-sign-out'() {
      await services.supervisorAuth.signOut();
      return supervisorAccess(services);
    },
    async 'page/insert-into-reply'({ tabId, recommendationId }) {
      return insertRecommendation(insertDeps(services), tabId, recommendationId);
    },
    async 'desktop/open-panel'(_request, sender) {
      return { opened: await takePanelOpening(sender.tabId) };
    },
    async 'desktop/get-overlay-state'(_request, sender) {
      const stored = await readContext(sender.tabId);
      // Only the frame that holds the conversation (its transcript, or the whole of it) shows the overlay.
      if (!stored || conversationFrameOf(stored) !== sender.frameId) return { state: null };
      return { state: await currentOverlayState(sender.tabId) };
    },
    async 'desktop/set-overlay-collapsed'({ conversationId, collapsed }, sender) {
      await setOverlayCollapsed(sender.tabId, conversationId, collapsed);
      return { conversationId, collapsed };
    },
  };
}

/** The supervisor page's own session when it has one, else the agent's (docs/architecture.md "Sessions"). */
async function supervisorAccess(services: Services) {
  const own = await services.supervisorAuth.state();
  if (own.signedIn) return { ...(await checkSupervisorAccess(own, services.supervisorApi)), session: 'supervisor' as const };
  return { ...(await checkSupervisorAccess(await services.auth.state(), services.api)), session: 'agent' as const };
}

/** What the admin must check when the login host refused to show its page. */
async function signInFailure(services: Services, error: AuthError) {
  const settings = await services.settings();
  const endpoints = resolveEndpoints(settings);
  return {
    reason: 'page-failed' as const,
    detail: error.message,
    loginHost: endpoints ? new URL(endpoints.loginBaseUrl).host : '',
    clientId: settings.clientId,
    redirectUri: services.redirectUri(),
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
