import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { INITIAL_LINES, type SeedConversation } from '../simulator/conversations';

/**
 * Helpers that act as the agent and the admin would, against the extension and the simulator.
 * Settings go through the documented `settings` contract in storage.local (docs/architecture.md), exactly as
 * an admin's policy or the options page would write them.
 */
export const SIM_CLIENT_ID = 'agent-assist-sim';

export async function writeSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

export function simulatorSettings(origin: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { region: 'custom', loginBaseUrl: origin, apiBaseUrl: origin, clientId: SIM_CLIENT_ID, ...extra };
}

/** The browser's id for a page's tab, as the worker sees it. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (target) => {
    const matches = (await chrome.tabs.query({})).filter((tab) => tab.url === target);
    return matches.length === 1 ? (matches[0]?.id ?? null) : -matches.length;
  }, url);
  if (id === null || id <= 0) throw new Error(id === 0 ? `No tab found for ${url}` : `Several tabs show ${url}; give each a unique URL`);
  return id;
}

/** Opens the side panel page bound to a desktop tab (headless Chromium renders no real side panel). */
export async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html?tabId=${tabId}`);
  return panel;
}

/** Signs in from the panel through the simulator's login page (the PKCE flow, interactive). */
export async function signInFromPanel(context: BrowserContext, panel: Page, buttonName = 'Sign in'): Promise<void> {
  const loginPage = context.waitForEvent('page', { predicate: (page) => page.url().includes('/oauth/authorize'), timeout: 15_000 });
  await panel.getByRole('button', { name: buttonName, exact: true }).first().click();
  const login = await loginPage;
  await login.locator('#sign-in').click();
}

/** Opens the simulated desktop with the conversation selected; `timeline=off` lets the test drive messages. */
let desktopTabs = 0;

export async function openDesktop(context: BrowserContext, origin: string, conversationId?: string): Promise<Page> {
  const page = await context.newPage();
  const hash = conversationId ? `#/conversations/${conversationId}` : '';
  // A unique query per tab, so tests can tell two tabs on the same conversation apart.
  await page.goto(`${origin}/desktop/?timeline=off&tab=${++desktopTabs}${hash}`);
  return page;
}

export async function addCustomerMessage(desktop: Page, conversationId: string, text: string): Promise<void> {
  await desktop.evaluate(([id, message]) => {
    const sim = (window as unknown as { __simDesktop: { addMessage(id: string, author: string, text: string): void } }).__simDesktop;
    sim.addMessage(id, 'customer', message);
  }, [conversationId, text] as const);
}

/** Plays the rest of a seeded conversation's script at once (the desktop shows its first lines). */
export async function playScript(desktop: Page, conversation: SeedConversation): Promise<void> {
  for (const line of conversation.timeline.slice(INITIAL_LINES)) {
    await desktop.evaluate(([id, author, text]) => {
      const sim = (window as unknown as { __simDesktop: { addMessage(id: string, author: string, text: string): void } }).__simDesktop;
      sim.addMessage(id, author, text);
    }, [conversation.id, line.author, line.text] as const);
  }
}

/** The `data-id` of each card (or other item) a locator finds, in page order or sorted. */
export async function dataIds(items: Locator, options: { sorted?: boolean } = {}): Promise<(string | null)[]> {
  const ids = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
  return options.sorted ? ids.sort() : ids;
}

/**
 * Waits until the worker has answered the conversation as it now stands and the panel shows that
 * answer: the context the worker holds for the tab ends with `lastText`, the view was computed for
 * that very context (`contextReceivedAt` matches its arrival), and the panel lists exactly the
 * view's cards. The observed condition a test reads "final" results after, instead of a sleep.
 */
export async function untilPanelShowsLatest(worker: Worker, panel: Page, tabId: number, lastText: string): Promise<void> {
  let cards: string[] = [];
  await expect
    .poll(
      async () => {
        const answer = await worker.evaluate(
          async ([tab, text]) => {
            const stored = await chrome.storage.session.get([`context:${tab}`, `view:${tab}`]);
            const context = stored[`context:${tab}`] as { receivedAt: number; context: { transcript: { text: string }[] } } | undefined;
            const view = stored[`view:${tab}`] as { status: string; contextReceivedAt?: number; recommendations: { id: string }[] } | undefined;
            const turns = context?.context.transcript ?? [];
            const current = turns.length > 0 && turns[turns.length - 1]!.text.includes(text);
            return current && view?.status === 'ready' && view.contextReceivedAt === context?.receivedAt ? view.recommendations.map((item) => item.id) : null;
          },
          [tabId, lastText] as const,
        );
        if (answer) cards = answer;
        return answer !== null;
      },
      { timeout: 20_000, message: `the worker's answer to the conversation ending "${lastText}"` },
    )
    .toBe(true);
  await expect.poll(() => dataIds(panel.getByTestId('recommendation')), { message: 'the panel showing that answer' }).toEqual(cards);
}

/** The last line of a seeded conversation's script: what the worker's final context ends with. */
export function lastLine(conversation: SeedConversation): string {
  const line = conversation.timeline[conversation.timeline.length - 1];
  if (!line) throw new Error(`${conversation.id} has no script`);
  return line.text;
}
