import { browser } from '../../shared/browser';
import { ReplyEnvelope, WORKER_TO_CONTENT, type ContentMessageType, type ContentRequestOf, type ContentResponseOf } from '../../shared/messages';

/**
 * The worker's line to a desktop tab's content script: one frame (the one that holds the
 * conversation, context-intake.ts `conversationFrameOf`), one message from WORKER_TO_CONTENT,
 * validated on the way out and the answer validated on the way back (the page around the content
 * script is not ours).
 */
export class ContentUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentUnavailableError';
  }
}

export type TellContent = <T extends ContentMessageType>(tabId: number, frameId: number, type: T, data: ContentRequestOf<T>) => Promise<ContentResponseOf<T>>;

export const tellContent: TellContent = async (tabId, frameId, type, data) => {
  const spec = WORKER_TO_CONTENT[type];
  const request = spec.request.safeParse(data);
  if (!request.success) throw new Error(`Refusing to send an invalid ${type}`);
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, { type, data: request.data }, { frameId });
  } catch (error) {
    // The tab navigated, the frame is gone, or the content script is from an older version.
    throw new ContentUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const reply = ReplyEnvelope.safeParse(raw);
  if (!reply.success) throw new ContentUnavailableError(`No valid reply to ${type}`);
  if (!reply.data.ok) throw new ContentUnavailableError(reply.data.error.message);
  const response = spec.response.safeParse(reply.data.data);
  if (!response.success) throw new ContentUnavailableError(`The reply to ${type} does not match its schema`);
  return response.data as ContentResponseOf<typeof type>;
};
