import { SIMULATOR_BUILD } from './build-flags';
import type { DesktopProfile, DesktopProfileOverrides } from './desktop-profile-schema';

export type { DesktopProfile, DesktopProfileOverrides };

/**
 * Built-in desktop profiles and how an admin's overrides apply to them. Built-ins cover the known
 * layouts; an admin can override any key through `settings.desktopProfile` without a new release.
 * The schema is in desktop-profile-schema.ts.
 */
/**
 * The Genesys Cloud agent desktop, from the best public evidence (docs/desktop-profile.md); none of it
 * is verified on a live tenant, which is why it is data an admin can override.
 */
export const GENESYS_DESKTOP_PROFILE: DesktopProfile = {
  id: 'genesys-cloud',
  urlPattern: '^https://apps\\.[a-z0-9.-]+/',
  conversationIdPattern: '#/(?:analytics/interactions|engage/admin/interactions)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})',
  // The selected card's id attribute where the roster has one, else the interaction id it shows as
  // text (an element without the attribute is read by its text, which must be a UUID).
  conversationIdSelector:
    '.interaction-group.is-selected [data-conversation-id], .interaction-group.is-selected[data-conversation-id], [data-qa-id="interaction-group-list-item"].is-selected span[data-qa-id="interaction-id"]',
  conversationIdAttribute: 'data-conversation-id',
  transcriptSelector: '[data-automation-id="message-history"], .chat-messages-container',
  messageSelector: '[data-automation-id="messaging-gadget-message-textbody"]',
  messageTextSelector: ':scope',
  customerMessageSelector: '.remote, .remote *',
  excludeMessageSelector: '[data-automation-id="message-history-system-message"]',
  channelSelector: '.interaction-group.is-selected gux-icon[icon-name], [data-qa-id="interaction-group-list-item"].is-selected gux-icon[icon-name]',
  channelAttribute: 'icon-name',
  channelMap: { phone: 'voice', comments: 'message', chat: 'chat', envelope: 'email', callback: 'callback' },
  composerSelector: '[data-automation-id="editor-content"] [contenteditable="true"], div[role="textbox"][contenteditable="true"]',
  // The messaging gadget of the conversation on screen: one iframe per conversation, inside the
  // conversation area's shadow root; the others are aria-hidden.
  conversationFrameSelector: 'app-view-stack[name="conversation"] >>> .app-instance:not([aria-hidden="true"]) iframe',
  participantNameSelector: '#interaction-header-participant-name',
  startTimeSelector: '.interaction-group.is-selected time[datetime], [data-qa-id="interaction-group-list-item"].is-selected time[datetime]',
  startTimeAttribute: 'datetime',
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
  participantNameSelector: 'section.conversation .conversation-header .customer-name',
  subjectSelector: 'section.conversation .conversation-subject',
};

/**
 * The simulator's realistic desktop (e2e/simulator/public/directory and messaging-gadget): the
 * Genesys profile itself, on the simulator's URLs, so the tests exercise the built-in selectors on
 * frames, shadow roots and the contenteditable composer. Only in simulator builds.
 */
export const REALISTIC_SIMULATOR_PROFILE: DesktopProfile = {
  ...GENESYS_DESKTOP_PROFILE,
  id: 'simulator-genesys',
  urlPattern: '^http://127\\.0\\.0\\.1(?::\\d+)?/(?:directory|messaging-gadget)/',
};

export const BUILT_IN_PROFILES: readonly DesktopProfile[] = SIMULATOR_BUILD
  ? [SIMULATOR_DESKTOP_PROFILE, REALISTIC_SIMULATOR_PROFILE, GENESYS_DESKTOP_PROFILE]
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
