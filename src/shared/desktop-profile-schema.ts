import * as z from 'zod/mini';
import { Channel } from './conversation';

/**
 * How to read an agent desktop, as data (docs/desktop-profile.md). The schema lives
 * apart from the built-in profiles so the content script can use those without zod.
 *
 * Selectors are CSS selectors run in the frame's own document; ` >>> ` steps into the open shadow
 * root of the element matched so far (`app-view-stack[name="conversation"] >>> .app-instance`),
 * since the desktop renders parts of itself in shadow DOM. Every frame of the desktop runs the
 * content script with the same profile and reads what its own document holds.
 */
export const DesktopProfile = z.object({
  id: z.string(),
  /** Regex over the page URL that picks this built-in profile. */
  urlPattern: z.string(),
  /** Regex over the page URL with one capture group: the conversation id. */
  conversationIdPattern: z.optional(z.string()),
  /**
   * DOM fallback for the conversation id: the element, and the attribute holding the id. Without
   * an attribute (or when the element found lacks it) the element's text is read, and taken only
   * when it is a UUID.
   */
  conversationIdSelector: z.optional(z.string()),
  conversationIdAttribute: z.optional(z.string()),
  /** The container to observe; messages are read inside it. */
  transcriptSelector: z.string(),
  messageSelector: z.string(),
  /** Inside a message. */
  messageTextSelector: z.string(),
  /** Matches the messages the customer wrote (tested on the message element). */
  customerMessageSelector: z.string(),
  /** Lines that are not conversation turns (system notices), tested on the message element. */
  excludeMessageSelector: z.optional(z.string()),
  channelSelector: z.optional(z.string()),
  channelAttribute: z.optional(z.string()),
  /** Page channel values (attribute values, icon names) → our channels; a value that is already one of our channel names maps to itself. */
  channelMap: z.optional(z.record(z.string(), Channel)),
  composerSelector: z.optional(z.string()),
  /**
   * The iframe that shows the selected conversation's transcript when it lives in another frame
   * (the messaging gadget). The worker joins that frame's transcript to this frame's selection.
   */
  conversationFrameSelector: z.optional(z.string()),
  /** The customer's name as shown for the selected conversation (to match the API's when no id is shown). */
  participantNameSelector: z.optional(z.string()),
  /** The selected conversation's subject, shown in the panel's header beside the customer's name. */
  subjectSelector: z.optional(z.string()),
  /** When the selected conversation started: the element, and the attribute with an ISO 8601 time. */
  startTimeSelector: z.optional(z.string()),
  startTimeAttribute: z.optional(z.string()),
});
export type DesktopProfile = z.infer<typeof DesktopProfile>;

/** The keys an admin may override (not the id or the URL that selects the profile). */
export const DesktopProfileOverrides = z.partial(z.omit(DesktopProfile, { id: true, urlPattern: true }));
export type DesktopProfileOverrides = z.infer<typeof DesktopProfileOverrides>;

