import type { BrowserContext, Frame, Page } from '@playwright/test';
import type { SeedConversation } from '../simulator/conversations';
import { evaluateInContentScriptFrames } from './content-script-world';

/**
 * Helpers for the realistic simulated desktop (e2e/simulator/public/directory and
 * messaging-gadget): the Genesys Cloud desktop's structure, read by the built-in Genesys profile.
 * The agent picks an interaction in the roster; its transcript and composer live in a messaging
 * gadget iframe inside the conversation area's shadow root.
 */
export interface SimDirectory {
  ready: Promise<void>;
  select(id: string): void;
  addMessage(id: string, author: 'customer' | 'agent' | 'system', text: string): void;
  /** Many lines at once: the gadget renders its whole history again (benchmarks' long transcripts). */
  addMessages(id: string, lines: { author: 'customer' | 'agent' | 'system'; text: string }[]): void;
  closeConversation(id?: string): void;
  transfer(id?: string, queue?: string): void;
  rerenderTranscript(id?: string): void;
  rerenderConversationArea(): void;
  selected(): string | null;
  instanceCount(): number;
  editorText(id?: string): string;
}

let realisticTabs = 0;

export interface RealisticDesktopOptions {
  /** Selected once loaded (through the test hook; tests that prove selection click the card). */
  conversationId?: string;
  /** false: the roster's cards carry no conversation id (`?ids=off`); 'text': only as the shown interaction id (`?ids=text`). */
  ids?: boolean | 'text';
}

export async function openRealisticDesktop(context: BrowserContext, origin: string, options: RealisticDesktopOptions = {}): Promise<Page> {
  const page = await context.newPage();
  const query = `timeline=off&tab=${++realisticTabs}${options.ids === false ? '&ids=off' : options.ids === 'text' ? '&ids=text' : ''}`;
  await page.goto(`${origin}/directory/?${query}#/activity`);
  await page.evaluate(() => (window as unknown as SimWindow).__simDesktop.ready);
  if (options.conversationId) await page.evaluate((id) => (window as unknown as SimWindow).__simDesktop.select(id), options.conversationId);
  return page;
}

/** The top frame's window, for `page.evaluate((…) => (window as unknown as SimWindow).__simDesktop…)`. */
export interface SimWindow {
  __simDesktop: SimDirectory;
}

/** Clicks the conversation's card in the roster, as the agent does. */
export async function selectInteraction(page: Page, conversation: SeedConversation): Promise<void> {
  await page.locator('.interaction-group', { hasText: conversation.customerName }).click();
}

export async function addRealisticMessage(page: Page, conversationId: string, author: 'customer' | 'agent', text: string): Promise<void> {
  await page.evaluate(([id, who, line]) => (window as unknown as SimWindow).__simDesktop.addMessage(id, who, line), [conversationId, author, text] as const);
}

/** The messaging gadget frame that shows a conversation, once it has loaded it. */
export async function gadgetFrame(page: Page, conversationId: string, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/messaging-gadget/')) continue;
      const shown = await frame.evaluate(() => (window as unknown as { __simGadget?: { conversationId(): string | null } }).__simGadget?.conversationId() ?? null).catch(() => null);
      if (shown === conversationId) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No messaging gadget shows ${conversationId}`);
    await page.waitForTimeout(100);
  }
}

/** Live MutationObservers of our content script, per frame (the simulator build's debug hook). */
export async function contentScriptObservers(page: Page): Promise<{ url: string; value: number }[]> {
  return evaluateInContentScriptFrames<number>(page, 'globalThis.__agentAssistDebug ? globalThis.__agentAssistDebug.observers() : -1');
}
