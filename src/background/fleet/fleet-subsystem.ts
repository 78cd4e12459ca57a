import type { Subsystem } from '../lifecycle/subsystem';
import { START_ORDER } from '../lifecycle/start-order';
import { FLEET_ALARM, FLEET_SETTING_KEYS, type FleetService } from './fleet-service';

/**
 * The fleet sender (ClickHouse) in the worker's life: drained at every worker start and by its
 * alarm (audit commits drain it too, see lifecycle/worker-subsystems.ts), and at once when its
 * setup changes: fleet settings, or the endpoint's host permission granted.
 */
export function fleetSubsystem(fleet: Pick<FleetService, 'drain' | 'resume'>): Subsystem {
  return {
    name: 'fleet',
    startOrder: START_ORDER.fleet,
    events: {
      listener(event) {
        if (event.type === 'settings-changed' && event.keys.some((key) => FLEET_SETTING_KEYS.has(key.replace(/^policy:/, '')))) void fleet.resume();
      },
    },
    alarms: [{ name: FLEET_ALARM, handle: () => fleet.drain() }],
    onPermissionsAdded: () => fleet.resume(),
    async start() {
      void fleet.drain();
    },
  };
}
