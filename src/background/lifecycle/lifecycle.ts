import type { WorkerEvent, ListenerOptions } from '../worker-events';
import type { OwnedAlarm, StorageChanges, Subsystem } from './subsystem';

/**
 * The one registry of the worker's subsystems (subsystem.ts): starts them in order and routes each
 * browser event to those that declared it. A subsystem that fails is logged and never stops the
 * others from starting or hearing their events.
 */
export interface Lifecycle {
  /** Starts every subsystem, in `startOrder`, one after the other. */
  start(): Promise<void>;
  alarm(name: string): Promise<void>;
  storageChanged(changes: StorageChanges, area: string): Promise<void>;
  browserStarted(): Promise<void>;
  permissionsAdded(): Promise<void>;
}

export interface LifecycleDeps {
  /** Where subsystems' worker-event listeners go (worker-events.ts `onWorkerEvent`). */
  subscribe(listener: (event: WorkerEvent) => void | Promise<void>, options?: ListenerOptions): void;
  log?(message: string, error?: unknown): void;
}

function overlaps(a: OwnedAlarm, b: OwnedAlarm): boolean {
  const covers = (family: OwnedAlarm, other: OwnedAlarm) => family.family === true && other.name.startsWith(family.name);
  return a.name === b.name || covers(a, b) || covers(b, a);
}

function owns(alarm: OwnedAlarm, name: string): boolean {
  return alarm.family ? name.startsWith(alarm.name) : alarm.name === name;
}

export function createLifecycle(subsystems: readonly Subsystem[], deps: LifecycleDeps): Lifecycle {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(`[agent-assist] ${message}`, error));
  // A stable sort: subsystems of equal order start in the order they were listed.
  const ordered = [...subsystems].sort((a, b) => a.startOrder - b.startOrder);

  const names = new Set<string>();
  for (const subsystem of ordered) {
    if (names.has(subsystem.name)) throw new Error(`Two subsystems are named ${subsystem.name}`);
    names.add(subsystem.name);
  }
  const alarms = ordered.flatMap((subsystem) => (subsystem.alarms ?? []).map((alarm) => ({ subsystem, alarm })));
  for (const [index, a] of alarms.entries()) {
    for (const b of alarms.slice(index + 1)) {
      if (overlaps(a.alarm, b.alarm)) throw new Error(`Alarm ${a.alarm.name} is claimed by ${a.subsystem.name} and ${b.subsystem.name}`);
    }
  }

  // Registered now, synchronously, in start order: an event emitted while the worker starts reaches every subsystem.
  for (const subsystem of ordered) if (subsystem.events) deps.subscribe(subsystem.events.listener, subsystem.events.options);

  /** Calls `each` for every subsystem that has it, all at once; resolves when all have settled. */
  async function dispatch(what: string, each: (subsystem: Subsystem) => void | Promise<void> | undefined): Promise<void> {
    await Promise.all(
      ordered.map(async (subsystem) => {
        try {
          // Called before the first await: handlers run in the order the browser delivered the events.
          await each(subsystem);
        } catch (error) {
          log(`${subsystem.name}: ${what} failed`, error);
        }
      }),
    );
  }

  return {
    async start() {
      for (const subsystem of ordered) {
        if (!subsystem.start) continue;
        try {
          await subsystem.start();
        } catch (error) {
          log(`${subsystem.name} did not start`, error);
        }
      }
    },
    async alarm(name) {
      const owner = alarms.find(({ alarm }) => owns(alarm, name));
      // An alarm left by an older version of the extension, which nobody owns any more.
      if (!owner) return;
      try {
        await owner.alarm.handle(name);
      } catch (error) {
        log(`${owner.subsystem.name}: alarm ${name} failed`, error);
      }
    },
    storageChanged: (changes, area) => dispatch('storage change', (subsystem) => subsystem.onStorageChanged?.(changes, area)),
    browserStarted: () => dispatch('browser start', (subsystem) => subsystem.onBrowserStartup?.()),
    permissionsAdded: () => dispatch('permissions added', (subsystem) => subsystem.onPermissionsAdded?.()),
  };
}
