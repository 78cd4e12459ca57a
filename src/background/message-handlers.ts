import { createDesktopIntake } from './desktop-intake';
import { tellContent } from './desktop/content-channel';
import type { InsertDeps } from './desktop/insert-recommendation';
import { createOverlayRelay } from './desktop/overlay-relay';
import { takePanelOpening } from './desktop/panel-opener';
import { desktopHandlers } from './handlers/desktop-handlers';
import { fleetHandlers } from './handlers/fleet-handlers';
import { knowledgeHandlers } from './handlers/knowledge-handlers';
import { recommendationHandlers } from './handlers/recommendation-handlers';
import { reportHandlers } from './handlers/report-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { supervisorHandlers } from './handlers/supervisor-handlers';
import type { Handlers } from './messaging/router';
import { logRefreshFailure, refreshAllTabs } from './pipeline/refresh-tabs';
import { enablePanelForTab } from './platform';
import type { Services } from './services';
import { emitWorkerEvent } from './worker-events';

/**
 * What each message does, grouped by feature under src/background/handlers/; each group gets only
 * what it uses. The router has already checked the sender and the request.
 */
export function createHandlers(services: Services, now: () => number = Date.now): Handlers {
  const { readContext, readFrames, writeFrames, readDesktopDiagnostics, writeDesktopDiagnostics, setOverlayCollapsed, listDesktopDiagnostics } = services.tabs;
  const overlay = createOverlayRelay(services.tabs);
  const refresh = (tabId: number) => void services.pipeline.refresh(tabId).catch(logRefreshFailure);
  const desktop = createDesktopIntake({
    readFrames,
    writeFrames,
    readContext,
    readDiagnostics: readDesktopDiagnostics,
    writeDiagnostics: writeDesktopDiagnostics,
    firstReport: enablePanelForTab,
    // The reply does not wait for the provider: the panel hears about results through storage.
    changed: refresh,
    now,
  });
  return {
    ...desktopHandlers({
      intake: (sender, report, revision) => desktop.intake(sender, report, revision),
      append: (sender, change) => desktop.append(sender, change),
      settings: services.settings,
      readContext,
      overlayState: (tabId) => overlay.currentOverlayState(tabId),
      setOverlayCollapsed,
      takePanelOpening,
      listDiagnostics: listDesktopDiagnostics,
    }),
    ...recommendationHandlers({ readContext, refresh, recordEvent: services.recordEvent, insert: insertDeps(services) }),
    ...sessionHandlers({
      auth: services.auth,
      clearCache: () => services.cache.clear(),
      emit: emitWorkerEvent,
      refreshAllTabs: () => refreshTabs(services),
      settings: services.settings,
      redirectUri: services.redirectUri,
    }),
    ...settingsHandlers({ settings: services.settings }),
    ...supervisorHandlers({ agentAuth: services.auth, agentApi: services.api, supervisorAuth: services.supervisorAuth, supervisorApi: services.supervisorApi }),
    ...knowledgeHandlers({ search: services.searchKnowledge, available: services.knowledgeAvailable }),
    ...reportHandlers({ metrics: services.metrics, outbox: services.outbox }),
    ...fleetHandlers(services.fleet),
  };
}

/** What inserting needs from the worker; also used by the insert-top-suggestion command. */
export function insertDeps(services: Pick<Services, 'recordEvent' | 'tabs'>): InsertDeps {
  return { readView: services.tabs.readView, readContext: services.tabs.readContext, tellContent, recordEvent: services.recordEvent };
}

/** Every desktop tab, recomputed (after sign-in and sign-out). */
function refreshTabs(services: Pick<Services, 'pipeline' | 'tabs'>): Promise<void> {
  return refreshAllTabs({ listDesktopTabs: services.tabs.listDesktopTabs, refresh: (tabId) => services.pipeline.refresh(tabId) });
}
