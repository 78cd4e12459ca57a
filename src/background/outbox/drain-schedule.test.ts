import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDrainSchedule, MIN_ALARM_DELAY_MS, OUTBOX_ALARM } from './drain-schedule';

const alarms = vi.hoisted(() => ({ create: vi.fn(async () => undefined), clear: vi.fn(async () => true) }));
vi.mock('../../shared/browser', () => ({ browser: { alarms } }));

describe('drain schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drains by timer at the given time while the worker lives, with an alarm (≥ 30 s) for after it died', async () => {
    const drain = vi.fn();
    const schedule = createDrainSchedule(drain, () => 1_000);
    await schedule.wakeAt(1_000 + 2_000);
    expect(alarms.create).toHaveBeenLastCalledWith(OUTBOX_ALARM, { when: 1_000 + MIN_ALARM_DELAY_MS });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(drain).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(drain).toHaveBeenCalledOnce();
    await schedule.wakeAt(1_000 + 90_000);
    expect(alarms.create).toHaveBeenLastCalledWith(OUTBOX_ALARM, { when: 91_000 });
  });

  it('cancels both when there is nothing to wake for', async () => {
    const drain = vi.fn();
    const schedule = createDrainSchedule(drain, () => 0);
    await schedule.wakeAt(500);
    await schedule.wakeAt(null);
    expect(alarms.clear).toHaveBeenCalledWith(OUTBOX_ALARM);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(drain).not.toHaveBeenCalled();
  });
});
