import { Envelope } from '../../shared/messages';
import { verifySender, type SenderPolicy, type SenderRecord } from '../messaging/sender';
import { openPanelForTab } from '../platform';

/**
 * "Open panel" from the inline overlay. `chrome.sidePanel.open()` only works while the browser
 * still counts the agent's click as a user gesture: since Chrome 116 a content script's click
 * carries over to the worker's `runtime.onMessage` listener, but only until the listener's first
 * `await` (https://developer.chrome.com/docs/extensions/reference/api/sidePanel#user-interaction).
 * The router awaits (start-up, validation), so the message listener calls `beginOpenPanel`
 * synchronously first; the router's handler then collects the outcome with `takePanelOpening`.
 */
const openings = new Map<number, Promise<boolean>>();

export function beginOpenPanel(message: unknown, record: SenderRecord, policy: SenderPolicy, open: (tabId: number) => Promise<void> = openPanelForTab): void {
  const envelope = Envelope.safeParse(message);
  if (!envelope.success || envelope.data.type !== 'desktop/open-panel') return;
  const check = verifySender(record, policy);
  if (!check.ok || check.sender.kind !== 'content-script') return; // the router refuses it with the reason
  const { tabId } = check.sender;
  let opening: Promise<boolean>;
  try {
    opening = open(tabId).then(
      () => true,
      (error: unknown) => {
        console.warn('[agent-assist] could not open the side panel', error);
        return false;
      },
    );
  } catch {
    opening = Promise.resolve(false);
  }
  openings.set(tabId, opening);
}

/** Whether the panel opened for this tab's latest request (false when none was begun). */
export async function takePanelOpening(tabId: number): Promise<boolean> {
  const opening = openings.get(tabId);
  openings.delete(tabId);
  return opening ?? false;
}
