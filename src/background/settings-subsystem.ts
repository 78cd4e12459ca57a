import type { Subsystem } from './lifecycle/subsystem';
import { START_ORDER } from './lifecycle/start-order';
import { settingsChangeKeys } from './settings-changes';
import type { WorkerEvent } from './worker-events';

/**
 * A change of the settings or the policy: announced to the worker (the audit log writes it, the
 * outbox, the fleet sender and the live socket look at its keys), then every desktop tab is
 * recomputed. The announcement is emitted first, synchronously, so the audit log has it queued
 * before any view the recomputation publishes (audit-log.ts).
 */
export function settingsSubsystem(deps: { emit(event: WorkerEvent): Promise<void>; refreshAllTabs(): Promise<void> }): Subsystem {
  return {
    name: 'settings',
    startOrder: START_ORDER.settings,
    async onStorageChanged(changes, area) {
      const keys = settingsChangeKeys(changes, area);
      if (!keys) return;
      const announced = deps.emit({ type: 'settings-changed', keys });
      await Promise.all([announced, deps.refreshAllTabs()]);
    },
  };
}
