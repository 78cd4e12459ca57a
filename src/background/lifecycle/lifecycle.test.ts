import { describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../worker-events';
import { createLifecycle } from './lifecycle';
import { deferred } from '../../shared/testing/deferred';

const quiet = { subscribe: () => undefined, log: () => undefined };

describe('createLifecycle', () => {
  it('starts subsystems by start order, each after the previous one finished starting', async () => {
    const log: string[] = [];
    const gate = deferred();
    const lifecycle = createLifecycle(
      [
        { name: 'late', startOrder: 30, start: async () => void log.push('late') },
        {
          name: 'first',
          startOrder: 10,
          start: async () => {
            log.push('first begins');
            await gate.promise;
            log.push('first started');
          },
        },
        { name: 'middle', startOrder: 20, start: async () => void log.push('middle') },
        { name: 'nothing to start', startOrder: 15 },
      ],
      quiet,
    );
    const started = lifecycle.start();
    await Promise.resolve();
    expect(log).toEqual(['first begins']);
    gate.resolve();
    await started;
    expect(log).toEqual(['first begins', 'first started', 'middle', 'late']);
  });

  it('goes on starting the others when one fails, and says which', async () => {
    const failures: string[] = [];
    const started: string[] = [];
    const lifecycle = createLifecycle(
      [
        { name: 'broken', startOrder: 1, start: () => Promise.reject(new Error('no database')) },
        { name: 'fine', startOrder: 2, start: async () => void started.push('fine') },
      ],
      { subscribe: () => undefined, log: (message) => failures.push(message) },
    );
    await lifecycle.start();
    expect(started).toEqual(['fine']);
    expect(failures).toEqual(['broken did not start']);
  });

  it('hands an alarm to the subsystem that owns its name or its family, and to no other', async () => {
    const handled: string[] = [];
    const lifecycle = createLifecycle(
      [
        { name: 'outbox', startOrder: 1, alarms: [{ name: 'outbox:drain', handle: (name) => void handled.push(`outbox ${name}`) }] },
        { name: 'pipeline', startOrder: 2, alarms: [{ name: 'refresh:', family: true, handle: (name) => void handled.push(`pipeline ${name}`) }] },
      ],
      quiet,
    );
    await lifecycle.alarm('refresh:12');
    await lifecycle.alarm('outbox:drain');
    await lifecycle.alarm('outbox:drain:old');
    await lifecycle.alarm('someone-else');
    expect(handled).toEqual(['pipeline refresh:12', 'outbox outbox:drain']);
  });

  it('refuses two owners of one alarm, a family that swallows another alarm, and two subsystems of one name', () => {
    const handle = () => undefined;
    expect(() =>
      createLifecycle(
        [
          { name: 'a', startOrder: 1, alarms: [{ name: 'x', handle }] },
          { name: 'b', startOrder: 2, alarms: [{ name: 'x', handle }] },
        ],
        quiet,
      ),
    ).toThrow('Alarm x is claimed by a and b');
    expect(() =>
      createLifecycle(
        [
          { name: 'a', startOrder: 1, alarms: [{ name: 'refresh:7', handle }] },
          { name: 'b', startOrder: 2, alarms: [{ name: 'refresh:', family: true, handle }] },
        ],
        quiet,
      ),
    ).toThrow('claimed by a and b');
    expect(() =>
      createLifecycle(
        [
          { name: 'a', startOrder: 1 },
          { name: 'a', startOrder: 2 },
        ],
        quiet,
      ),
    ).toThrow('Two subsystems are named a');
  });

  it('calls every storage handler synchronously, in start order, and isolates a failing one', async () => {
    const calls: string[] = [];
    const failures: string[] = [];
    const lifecycle = createLifecycle(
      [
        { name: 'second', startOrder: 2, onStorageChanged: (_changes, area) => void calls.push(`second ${area}`) },
        {
          name: 'first',
          startOrder: 1,
          onStorageChanged: () => {
            calls.push('first');
            throw new Error('bad');
          },
        },
      ],
      { subscribe: () => undefined, log: (message) => failures.push(message) },
    );
    const dispatched = lifecycle.storageChanged({ settings: { newValue: {} } }, 'local');
    // Before the returned promise settles: the handlers already ran, in order.
    expect(calls).toEqual(['first', 'second local']);
    await dispatched;
    expect(failures).toEqual(['first: storage change failed']);
  });

  it('subscribes worker-event listeners at once, in start order, with their options', () => {
    const subscribe = vi.fn();
    const audit = async (_event: WorkerEvent) => undefined;
    const outbox = async (_event: WorkerEvent) => undefined;
    createLifecycle(
      [
        { name: 'outbox', startOrder: 2, events: { listener: outbox, options: { critical: true } } },
        { name: 'audit', startOrder: 1, events: { listener: audit } },
      ],
      { subscribe },
    );
    expect(subscribe.mock.calls).toEqual([
      [audit, undefined],
      [outbox, { critical: true }],
    ]);
  });

  it('tells browser start and new permissions to those that asked', async () => {
    const calls: string[] = [];
    const lifecycle = createLifecycle(
      [
        { name: 'outbox', startOrder: 1, onBrowserStartup: () => void calls.push('outbox startup') },
        { name: 'fleet', startOrder: 2, onPermissionsAdded: () => void calls.push('fleet permissions') },
      ],
      quiet,
    );
    await lifecycle.browserStarted();
    await lifecycle.permissionsAdded();
    expect(calls).toEqual(['outbox startup', 'fleet permissions']);
  });
});
