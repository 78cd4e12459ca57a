import { SIMULATOR_BUILD } from '../../shared/build-flags';
import { auditLogSubsystem } from '../audit/audit-subsystem';
import { liveSuggestionsSubsystem } from '../copilot/live-subsystem';
import { createOverlayRelay } from '../desktop/overlay-relay';
import { fleetSubsystem } from '../fleet/fleet-subsystem';
import { metricsSubsystem } from '../metrics/metrics-subsystem';
import { outboxSubsystem } from '../outbox/outbox-subsystem';
import { pipelineSubsystem } from '../pipeline/pipeline-subsystem';
import { refreshAllTabs } from '../pipeline/refresh-tabs';
import { rememberRecentEvent } from '../recent-events';
import type { Services } from '../services';
import { settingsSubsystem } from '../settings-subsystem';
import { emitWorkerEvent } from '../worker-events';
import type { Subsystem } from './subsystem';
import { START_ORDER } from './start-order';

/** Every subsystem of the worker, built from the services; the lifecycle sorts them by start order. */
export function workerSubsystems(services: Services): Subsystem[] {
  const { listDesktopTabs, readView } = services.tabs;
  return [
    // The fleet sender reads the audit log: each commit may complete or start a batch.
    auditLogSubsystem({ startOrder: START_ORDER.audit, db: services.auditDb, session: services.storage.session, tabs: services.tabs, onCommitted: () => void services.fleet.drain() }),
    pipelineSubsystem({ refresh: (tabId) => services.pipeline.refresh(tabId), listDesktopTabs, readView }),
    outboxSubsystem(services.outbox),
    fleetSubsystem(services.fleet),
    liveSuggestionsSubsystem(services.copilot),
    settingsSubsystem({ emit: emitWorkerEvent, refreshAllTabs: () => refreshAllTabs({ listDesktopTabs, refresh: (tabId) => services.pipeline.refresh(tabId) }) }),
    metricsSubsystem(services.metrics),
    // The inline overlay shows each finished view's count and top card.
    { name: 'overlay', startOrder: START_ORDER.overlay, events: { listener: createOverlayRelay(services.tabs).relayOverlayState } },
    ...(SIMULATOR_BUILD ? [{ name: 'recent-events', startOrder: START_ORDER.recentEvents, events: { listener: rememberRecentEvent } }] : []),
  ];
}
