import { PortRequest, type Reply } from '../../shared/messages';
import { REPORT_PORT, type PortReply } from '../../shared/report-port';
import type { SenderRecord } from './sender';

/** The part of a runtime.Port this uses (Chrome's and Firefox's agree on it). */
export interface ReportPort {
  name: string;
  sender?: SenderRecord;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  postMessage(message: PortReply): void;
  disconnect(): void;
}

/**
 * Serves a desktop frame's report port: every request goes through the same router as a runtime
 * message, with the sender record the browser attached to the port when the frame opened it, so
 * the port is no way around the router's sender and request checks. A port of another name, or
 * a request that is not framed as PortRequest, is not one of ours: the port is closed.
 */
export function serveReportPort(port: ReportPort, route: (message: unknown, sender: SenderRecord) => Promise<Reply<unknown>>): void {
  const sender = port.sender;
  if (port.name !== REPORT_PORT || !sender) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((raw) => {
    const request = PortRequest.safeParse(raw);
    if (!request.success) {
      port.disconnect();
      return;
    }
    const { seq, message } = request.data;
    void route(message, sender).then((reply) => {
      try {
        port.postMessage({ seq, reply });
      } catch {
        // The frame went away (navigated, closed) before the answer: nobody is waiting for it.
      }
    });
  });
}
