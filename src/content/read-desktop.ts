import type { Channel, Turn } from '../shared/conversation';
import { MAX_TURN_CHARS, MAX_TURNS } from '../shared/conversation-limits';
import type { DesktopProfile } from '../shared/desktop-profile';
import type { DesktopContext } from '../shared/messages';

/**
 * Reads the conversation on screen through a desktop profile (selectors as data). Parsed messages
 * are remembered per element, so each transcript message is read once however often we look:
 * the content script is a guest on the agent's desktop and must stay cheap (TARGETS.md P4).
 *
 * Checked against: the simulator desktop (e2e/simulator/public, `SIMULATOR_DESKTOP_PROFILE`).
 * The Genesys profile's selectors come from GENESYS-DESKTOP.md and are unverified on a live tenant.
 */
const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface DesktopReader {
  read(): DesktopContext;
  /** The conversation on screen, without reading the transcript. */
  conversationId(): string | null;
  /** The element to watch for new messages, when one is on screen. */
  transcriptContainer(): Element | null;
}

export function createDesktopReader(profile: DesktopProfile, doc: Document, location: () => string): DesktopReader {
  const parsedTurns = new WeakMap<Element, Turn | null>();
  const idPattern = profile.conversationIdPattern ? safeRegExp(profile.conversationIdPattern) : null;

  function conversationId(): string | null {
    const fromUrl = idPattern?.exec(location())?.[1];
    if (fromUrl && CONVERSATION_ID.test(fromUrl)) return fromUrl;
    if (!profile.conversationIdSelector || !profile.conversationIdAttribute) return null;
    const value = safeQuery(doc, profile.conversationIdSelector)?.getAttribute(profile.conversationIdAttribute)?.trim();
    return value && CONVERSATION_ID.test(value) ? value : null;
  }

  function channel(): Channel | null {
    if (!profile.channelSelector) return null;
    const element = safeQuery(doc, profile.channelSelector);
    if (!element) return null;
    const raw = (profile.channelAttribute ? element.getAttribute(profile.channelAttribute) : element.textContent)?.trim().toLowerCase();
    if (!raw) return 'unknown';
    return profile.channelMap?.[raw] ?? 'unknown';
  }

  function readTurn(message: Element): Turn | null {
    if (parsedTurns.has(message)) return parsedTurns.get(message) ?? null;
    let turn: Turn | null = null;
    if (!(profile.excludeMessageSelector && safeMatches(message, profile.excludeMessageSelector))) {
      const textElement = profile.messageTextSelector === ':scope' ? message : safeQuery(message, profile.messageTextSelector);
      const text = (textElement?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TURN_CHARS);
      if (text) turn = { role: safeMatches(message, profile.customerMessageSelector) ? 'customer' : 'agent', text };
    }
    // Only cache a message once it has text: the desktop may fill it in after inserting it.
    if (turn) parsedTurns.set(message, turn);
    return turn;
  }

  function transcriptContainer(): Element | null {
    return safeQuery(doc, profile.transcriptSelector);
  }

  function transcript(): Turn[] {
    const container = transcriptContainer();
    if (!container) return [];
    const turns: Turn[] = [];
    for (const message of safeQueryAll(container, profile.messageSelector)) {
      const turn = readTurn(message);
      if (turn) turns.push(turn);
    }
    return turns.slice(-MAX_TURNS);
  }

  return {
    read() {
      const id = conversationId();
      return { conversationId: id, channel: id ? channel() : null, transcript: id ? transcript() : [], profileId: profile.id.slice(0, 64) };
    },
    conversationId,
    transcriptContainer,
  };
}

// Selectors come from admin overrides: a typo must not throw inside the host page.
function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector) || element.closest(selector) !== null;
  } catch {
    return false;
  }
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}
