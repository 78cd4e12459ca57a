import { randomUUID } from 'node:crypto';
import { conversationBody } from './copilot-api';
import { suggestionsAfter } from './copilot';
import { conversationState, copilotStateOf, type SimMessage } from './copilot-state';
import { findSeedConversation } from './conversations';
import { type Exchange, readBodyText, sendGenesysError, sendJson } from './http-helpers';
import { publishConversation, publishSuggestion } from './notifications';
import type { SimulatorState } from './state';
import { AGENT } from './users';

/**
 * The desktop page tells the simulator each line it shows (`POST
 * /desktop/api/conversations/<id>/messages {id, author, text}`), as the real platform would know
 * every message of its own conversations. That feeds the messaging API, the conversations topic,
 * and Copilot, which makes suggestions for customer lines a moment later.
 */
const MESSAGE_PATH = /^\/desktop\/api\/conversations\/([0-9a-f-]{36})\/messages$/;
const MAX_TEXT = 4000;
const MAX_MESSAGES = 500;

export function isDesktopMessagePath(pathname: string): boolean {
  return MESSAGE_PATH.test(pathname);
}

export interface DesktopMessageOptions {
  origin: string;
}

/** Records one line; returns the suggestions that will be made for it (after the configured delay). */
export function recordDesktopMessage(state: SimulatorState, conversationId: string, input: { id?: string; author: 'customer' | 'agent'; text: string }, options: DesktopMessageOptions): SimMessage | null {
  const seed = findSeedConversation(conversationId);
  if (!seed) return null;
  const copilot = copilotStateOf(state);
  const conversation = conversationState(copilot, seed.id);
  const id = input.id && /^[A-Za-z0-9-]{1,64}$/.test(input.id) ? input.id : randomUUID();
  const known = conversation.messages.find((message) => message.id === id);
  if (known) return known; // a retried post
  const message: SimMessage = { id, author: input.author, text: input.text.slice(0, MAX_TEXT), timestamp: new Date(state.now()).toISOString() };
  conversation.messages.push(message);
  if (conversation.messages.length > MAX_MESSAGES) conversation.messages.splice(0, conversation.messages.length - MAX_MESSAGES);
  publishConversation(state, AGENT.id, conversationBody(seed, conversation, state.now()));
  if (message.author === 'customer') {
    const timer = setTimeout(() => {
      copilot.pending.delete(timer);
      // The state may have been reset meanwhile: only a conversation still known gets suggestions.
      if (copilotStateOf(state) !== copilot) return;
      const made = suggestionsAfter(copilot, seed.id, message, { now: state.now(), origin: options.origin, hostileContent: state.config.hostileContent });
      for (const entry of made) {
        conversation.suggestions.push(entry);
        publishSuggestion(state, seed.id, entry);
      }
    }, copilot.config.suggestionDelayMs);
    copilot.pending.add(timer);
  }
  return message;
}

export async function handleDesktopMessage(exchange: Exchange, state: SimulatorState, origin: string): Promise<void> {
  if (exchange.req.method !== 'POST') return sendGenesysError(exchange, 405, 'method.not.allowed', 'Use POST', { Allow: 'POST' });
  const conversationId = MESSAGE_PATH.exec(exchange.url.pathname)?.[1] ?? '';
  let body: unknown;
  try {
    body = JSON.parse(await readBodyText(exchange.req));
  } catch {
    return sendGenesysError(exchange, 400, 'bad.request', 'The body must be JSON {id, author, text}');
  }
  const value = body as { id?: unknown; author?: unknown; text?: unknown } | null;
  if (typeof value !== 'object' || value === null || (value.author !== 'customer' && value.author !== 'agent') || typeof value.text !== 'string') {
    return sendGenesysError(exchange, 400, 'bad.request', 'author must be customer or agent, and text a string');
  }
  const message = recordDesktopMessage(state, conversationId, { ...(typeof value.id === 'string' && { id: value.id }), author: value.author, text: value.text }, { origin });
  if (!message) return sendGenesysError(exchange, 404, 'not.found', `Unknown conversation ${conversationId}`);
  sendJson(exchange, 201, message);
}
