import type { SenderKind } from '../../shared/messages';

/**
 * Who really sent a message, from the browser's own sender record — never from the payload
 * (docs/contributing.md, "Validate at the receiver"). A content script runs inside a page we do not control, so its tab, frame
 * and URL are taken from here, and only desktop pages count.
 */
export interface SenderRecord {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type VerifiedSender =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; tabId: number; frameId: number; url: string };

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` (or Firefox's `moz-extension://<uuid>/`). */
  extensionOrigin: string;
  /** Whether a page URL is an agent desktop we read (built-in desktop profiles). */
  isDesktopUrl(url: string): boolean;
}

export type SenderCheck = { ok: true; sender: VerifiedSender } | { ok: false; reason: string };

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The page a message came from. Chromium can name a frame `about:blank` in `sender.url` for as long
 * as it lives although the frame shows a real page (seen on a messaging-gadget iframe created inside a
 * shadow root); `sender.origin` is still right. Such a frame stands for its tab's page when it has
 * the tab's origin: same-origin, it could script that page anyway. Any other mismatch stays refused.
 */
function pageOf(record: SenderRecord): string {
  const url = record.url ?? '';
  if (!url.startsWith('about:')) return url;
  const tabUrl = record.tab?.url;
  if (tabUrl && record.origin && record.origin !== 'null' && originOf(tabUrl) === record.origin) return tabUrl;
  return url;
}

export function verifySender(record: SenderRecord, policy: SenderPolicy): SenderCheck {
  if (record.id !== policy.extensionId) return { ok: false, reason: 'not this extension' };
  const url = pageOf(record);
  // An extension page opened as a tab has a `tab` too, so the URL decides first.
  if (url.startsWith(policy.extensionOrigin)) return { ok: true, sender: { kind: 'extension-page', url } };
  const tabId = record.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, reason: 'no tab' };
  if (!policy.isDesktopUrl(url)) return { ok: false, reason: 'not an agent desktop page' };
  return { ok: true, sender: { kind: 'content-script', tabId, frameId: record.frameId ?? 0, url } };
}

export function senderMatches(sender: VerifiedSender, allowed: SenderKind): boolean {
  return sender.kind === allowed;
}
