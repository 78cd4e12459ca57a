import * as z from 'zod/mini';
import { SIMULATOR_BUILD } from './build-flags';
import { Channel } from './conversation';

/**
 * How to read an agent desktop, as data. Built-in profiles cover the known layouts; an admin can
 * override any key through `settings.desktopProfile` without a new release (DESIGN.md, "Reading
 * the agent desktop").
 */
export const DesktopProfile = z.object({
  id: z.string(),
  /** Regex over the page URL that picks this built-in profile. */
  urlPattern: z.string(),
  /** Regex over the page URL with one capture group: the conversation id. */
  conversationIdPattern: z.optional(z.string()),
  /** DOM fallback for the conversation id: the element, and the attribute holding the id. */
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
  /** Page channel values (attribute values, icon names) → our channels. */
  channelMap: z.optional(z.record(z.string(), Channel)),
  composerSelector: z.optional(z.string()),
});
export type DesktopProfile = z.infer<typeof DesktopProfile>;

/** The keys an admin may override (not the id or the URL that selects the profile). */
export const DesktopProfileOverrides = z.partial(z.omit(DesktopProfile, { id: true, urlPattern: true }));
export type DesktopProfileOverrides = z.infer<typeof DesktopProfileOverrides>;

/**
 * The Genesys Cloud agent desktop, from the best public evidence (GENESYS-DESKTOP.md); none of it
 * is verified on a live tenant, which is why it is data an admin can override.
 */
export const GENESYS_DESKTOP_PROFILE: DesktopProfile = {
  id: 'genesys-cloud',
  urlPattern: '^https://apps\\.[a-z0-9.-]+/',
  conversationIdPattern: '#/(?:analytics/interactions|engage/admin/interactions)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})',
  conversationIdSelector: '.interaction-group.is-selected [data-conversation-id], .interaction-group.is-selected[data-conversation-id]',
  conversationIdAttribute: 'data-conversation-id',
  transcriptSelector: '[data-automation-id="message-history"], .chat-messages-container',
  messageSelector: '[data-automation-id="messaging-gadget-message-textbody"]',
  messageTextSelector: ':scope',
  customerMessageSelector: '.remote, .remote *',
  excludeMessageSelector: '[data-automation-id="message-history-system-message"]',
  channelSelector: '.interaction-group.is-selected gux-icon[icon-name]',
  channelAttribute: 'icon-name',
  channelMap: { phone: 'voice', comments: 'message', chat: 'chat', envelope: 'email', callback: 'callback' },
  composerSelector: '[data-automation-id="editor-content"] [contenteditable="true"], div[role="textbox"][contenteditable="true"]',
};

/** The simulator's simple desktop (e2e/simulator/desktop). Only in simulator builds. */
export const SIMULATOR_DESKTOP_PROFILE: DesktopProfile = {
  id: 'simulator',
  urlPattern: '^http://127\\.0\\.0\\.1(?::\\d+)?/desktop/',
  conversationIdPattern: '#/conversations/([0-9a-f-]{36})',
  conversationIdSelector: 'section.conversation[data-conversation-id]',
  conversationIdAttribute: 'data-conversation-id',
  transcriptSelector: '.transcript',
  messageSelector: '.message',
  messageTextSelector: '.message-text',
  customerMessageSelector: '[data-author="customer"]',
  excludeMessageSelector: '[data-author="system"]',
  channelSelector: 'section.conversation[data-channel]',
  channelAttribute: 'data-channel',
  channelMap: { message: 'message', chat: 'chat', voice: 'voice', email: 'email' },
  composerSelector: 'textarea.reply-box',
};

export const BUILT_IN_PROFILES: readonly DesktopProfile[] = SIMULATOR_BUILD
  ? [SIMULATOR_DESKTOP_PROFILE, GENESYS_DESKTOP_PROFILE]
  : [GENESYS_DESKTOP_PROFILE];

/** The built-in profile for a page, with the admin's overrides applied key by key. */
export function resolveDesktopProfile(
  url: string,
  overrides: DesktopProfileOverrides | undefined,
  profiles: readonly DesktopProfile[] = BUILT_IN_PROFILES,
): DesktopProfile | null {
  const base = profiles.find((profile) => new RegExp(profile.urlPattern).test(url));
  if (!base) return null;
  const merged: DesktopProfile = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}
