import type { Reply } from './messages';

/**
 * The long-lived port a desktop frame's content script sends its transcript additions on (one per
 * new message), rather than opening a message channel for every one with `runtime.sendMessage`
 * (docs/performance.md P4); a port is opened once per frame and per worker. Zod-free, so the
 * content script can use it (its requests are validated by the worker against PortRequest in
 * messages.ts).
 */
export const REPORT_PORT = 'desktop-reports';

/** The worker's answer to request `seq` on the port: the same reply a runtime message gets. */
export interface PortReply {
  seq: number;
  reply: Reply<unknown>;
}
