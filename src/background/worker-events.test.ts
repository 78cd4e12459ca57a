import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitWorkerEvent, onWorkerEvent, type WorkerEvent } from './worker-events';

const event: WorkerEvent = { type: 'settings-changed', keys: ['provider'] };
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('worker events', () => {
  it('resolves after every listener finished, and a failing ordinary listener only gets logged', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const done: string[] = [];
    stops.push(onWorkerEvent(async () => Promise.reject(new Error('metrics broke'))));
    stops.push(
      onWorkerEvent(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push('slow');
      }),
    );
    await expect(emitWorkerEvent(event)).resolves.toBeUndefined();
    expect(done).toEqual(['slow']);
  });

  it('rejects when a critical listener failed, after the others ran', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const other = vi.fn();
    stops.push(onWorkerEvent(() => Promise.reject(new Error('outbox write failed')), { critical: true }));
    stops.push(onWorkerEvent(other));
    await expect(emitWorkerEvent(event)).rejects.toThrow('outbox write failed');
    expect(other).toHaveBeenCalledWith(event);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const listener = vi.fn();
    onWorkerEvent(listener)();
    await emitWorkerEvent(event);
    expect(listener).not.toHaveBeenCalled();
  });
});
