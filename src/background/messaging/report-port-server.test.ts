import { describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../shared/messages';
import { REPORT_PORT, type PortReply } from '../../shared/report-port';
import { serveReportPort, type ReportPort } from './report-port-server';
import type { SenderRecord } from './sender';

function port(name: string, sender: SenderRecord | undefined) {
  const listeners: ((message: unknown) => void)[] = [];
  const posted: PortReply[] = [];
  const value = {
    name,
    ...(sender && { sender }),
    onMessage: { addListener: (listener: (message: unknown) => void) => void listeners.push(listener) },
    postMessage: (message: PortReply) => void posted.push(message),
    disconnect: vi.fn<() => void>(),
  };
  return { value: value as ReportPort & { disconnect: typeof value.disconnect }, posted, receive: (message: unknown) => listeners.forEach((listener) => listener(message)) };
}

const sender: SenderRecord = { id: 'ext', url: 'https://apps.mypurecloud.com/directory/', tab: { id: 4 }, frameId: 2 };

describe('report port server', () => {
  it('routes each request with the port\'s own sender and answers with its number', async () => {
    const route = vi.fn(async (): Promise<Reply<unknown>> => ({ ok: true, data: { accepted: true } }));
    const p = port(REPORT_PORT, sender);
    serveReportPort(p.value, route);
    p.receive({ seq: 3, message: { type: 'desktop/context-changed', data: {} } });
    await vi.waitFor(() => expect(p.posted).toEqual([{ seq: 3, reply: { ok: true, data: { accepted: true } } }]));
    expect(route).toHaveBeenCalledWith({ type: 'desktop/context-changed', data: {} }, sender);
  });

  it('closes ports that are not ours and requests that are not framed', () => {
    const route = vi.fn();
    const other = port('something-else', sender);
    serveReportPort(other.value, route);
    expect(other.value.disconnect).toHaveBeenCalled();
    const anonymous = port(REPORT_PORT, undefined);
    serveReportPort(anonymous.value, route);
    expect(anonymous.value.disconnect).toHaveBeenCalled();
    const p = port(REPORT_PORT, sender);
    serveReportPort(p.value, route);
    p.receive({ type: 'desktop/context-changed', data: {} });
    expect(p.value.disconnect).toHaveBeenCalled();
    expect(route).not.toHaveBeenCalled();
  });

  it('drops the answer quietly when the frame went away', async () => {
    const route = vi.fn(async (): Promise<Reply<unknown>> => ({ ok: true, data: { accepted: true } }));
    const p = port(REPORT_PORT, sender);
    p.value.postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    serveReportPort(p.value, route);
    p.receive({ seq: 0, message: {} });
    await vi.waitFor(() => expect(route).toHaveBeenCalled());
  });
});
