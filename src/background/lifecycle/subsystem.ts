import type { ListenerOptions, WorkerEvent } from '../worker-events';

/**
 * What one part of the worker (audit log, outbox, pipeline, live suggestions, …) declares to the
 * worker's lifecycle (lifecycle.ts): what it starts, in which order, and which browser events it
 * handles. The entry file registers one listener per browser event and the lifecycle dispatches,
 * so no subsystem registers a browser listener of its own.
 */
export interface Subsystem {
  readonly name: string;
  /**
   * Lower starts first. Each `start` is awaited before the next begins, so a subsystem may rely
   * on those started before it (the fleet sender reads what the audit log recovered).
   */
  readonly startOrder: number;
  /**
   * Runs once per worker life, after the worker is ready. Resolves once the next subsystem may
   * start: local maintenance is awaited, network work it begins (a drain, a socket) is not.
   */
  start?(): Promise<void>;
  /** The alarms it owns; no two subsystems may own the same name (the registry refuses it). */
  readonly alarms?: readonly OwnedAlarm[];
  /**
   * A storage change in any area. Called synchronously from the browser's listener, so work it
   * queues keeps the order the changes happened in.
   */
  onStorageChanged?(changes: StorageChanges, area: string): void | Promise<void>;
  /** The worker's own events (worker-events.ts), registered in start order. */
  readonly events?: { listener(event: WorkerEvent): void | Promise<void>; options?: ListenerOptions };
  /** The browser started (runtime.onStartup). */
  onBrowserStartup?(): void | Promise<void>;
  /** The user granted optional permissions (permissions.onAdded). */
  onPermissionsAdded?(): void | Promise<void>;
}

export interface OwnedAlarm {
  /** The alarm's name, or with `family` the prefix of a family of names (`refresh:` + a tab id). */
  readonly name: string;
  readonly family?: boolean;
  handle(alarmName: string): void | Promise<void>;
}

export type StorageChanges = Readonly<Record<string, { oldValue?: unknown; newValue?: unknown }>>;
