import type { Subsystem } from '../lifecycle/subsystem';
import { START_ORDER } from '../lifecycle/start-order';
import { OUTBOX_ALARM } from './drain-schedule';
import { outboxListener } from './feedback-outbox';
import type { Outbox } from './outbox';

/**
 * The outbox in the worker's life. An agent's action is written to it before it is acknowledged
 * (a critical listener); it drains at every worker start, at every browser start (its alarm may
 * not survive a restart) and when its alarm fires.
 */
export function outboxSubsystem(outbox: Outbox): Subsystem {
  return {
    name: 'outbox',
    startOrder: START_ORDER.outbox,
    events: { listener: outboxListener(outbox), options: { critical: true } },
    alarms: [{ name: OUTBOX_ALARM, handle: () => outbox.drain() }],
    onBrowserStartup: () => outbox.drain(),
    async start() {
      void outbox.drain();
    },
  };
}
