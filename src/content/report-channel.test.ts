import { describe, expect, it } from 'vitest';
import { REPORT_PORT } from '../shared/report-port';
import { createReportChannel } from './report-channel';
import { WorkerUnavailableError, type PortLike, type RuntimeLike } from './worker-channel';

/** A runtime whose ports are answered by `answer`, or left waiting; ports can be dropped. */
function fakeRuntime(answer: ((message: { seq: number; message: { type: string; data: unknown } }) => unknown) | null) {
  const ports: { name: string; posted: unknown[]; drop(): void; reply(message: unknown): void; closed: boolean }[] = [];
  const runtime: RuntimeLike = {
    id: 'ext',
    sendMessage: async () => undefined,
    connect({ name }) {
      const messageListeners: ((message: unknown) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const record = {
        name,
        posted: [] as unknown[],
        closed: false,
        drop() {
          record.closed = true;
          for (const listener of disconnectListeners) listener();
        },
        reply(message: unknown) {
          for (const listener of messageListeners) listener(message);
        },
      };
      ports.push(record);
      const port: PortLike = {
        onMessage: { addListener: (listener) => void messageListeners.push(listener) },
        onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
        postMessage(message) {
          if (record.closed) throw new Error('Attempting to use a disconnected port object');
          record.posted.push(message);
          const reply = answer?.(message as never);
          if (reply !== undefined) queueMicrotask(() => record.reply(reply));
        },
        disconnect: () => record.drop(),
      };
      return port;
    },
  };
  return { runtime, ports };
}

const change = { frameToken: 'a'.repeat(32), after: 1, revision: 2, turns: [{ role: 'customer' as const, text: 'hi' }] };

describe('report channel', () => {
  it('sends every report on one port and resolves each with its own answer', async () => {
    const fake = fakeRuntime(({ seq }) => ({ seq, reply: { ok: true, data: { applied: seq === 1 } } }));
    const channel = createReportChannel(() => fake.runtime);
    await expect(channel.send('desktop/transcript-appended', change)).resolves.toEqual({ applied: false });
    await expect(channel.send('desktop/transcript-appended', change)).resolves.toEqual({ applied: true });
    expect(fake.ports.map((port) => port.name)).toEqual([REPORT_PORT]);
    expect(fake.ports[0]!.posted[1]).toEqual({ seq: 1, message: { type: 'desktop/transcript-appended', data: change } });
  });

  it('turns a refusal into an error with the worker\'s words', async () => {
    const fake = fakeRuntime(({ seq }) => ({ seq, reply: { ok: false, error: { code: 'bad-request', message: 'Invalid desktop/transcript-appended request' } } }));
    const channel = createReportChannel(() => fake.runtime);
    await expect(channel.send('desktop/transcript-appended', change)).rejects.toThrow('Invalid desktop/transcript-appended request');
  });

  it('fails what waits when the port closes, and opens a new one for the next report', async () => {
    const fake = fakeRuntime(null);
    const channel = createReportChannel(() => fake.runtime);
    const waiting = channel.send('desktop/transcript-appended', change);
    fake.ports[0]!.drop();
    await expect(waiting).rejects.toBeInstanceOf(WorkerUnavailableError);
    const next = channel.send('desktop/transcript-appended', change);
    expect(fake.ports).toHaveLength(2);
    fake.ports[1]!.reply({ seq: 1, reply: { ok: true, data: { applied: true } } });
    await expect(next).resolves.toEqual({ applied: true });
  });

  it('ignores answers it did not ask for', async () => {
    const fake = fakeRuntime(null);
    const channel = createReportChannel(() => fake.runtime);
    const waiting = channel.send('desktop/transcript-appended', change);
    fake.ports[0]!.reply({ seq: 99, reply: { ok: true, data: { applied: false } } });
    fake.ports[0]!.reply('nonsense');
    fake.ports[0]!.reply({ seq: 0, reply: { ok: true, data: { applied: true } } });
    await expect(waiting).resolves.toEqual({ applied: true });
  });

  it('fails as orphaned once the extension is gone', async () => {
    const fake = fakeRuntime(null);
    const runtime = { ...fake.runtime, id: undefined };
    const channel = createReportChannel(() => runtime);
    await expect(channel.send('desktop/transcript-appended', change)).rejects.toMatchObject({ orphaned: true });
    expect(fake.ports).toHaveLength(0);
  });
});
