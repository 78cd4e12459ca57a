import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { seedConversations } from '../simulator/conversations';
import { openDesktop, openPanel, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from './agent-desktop';
import { openRealisticDesktop, selectInteraction } from './realistic-desktop';

/**
 * "An agent at work": the settings written, the simulated desktop open (on a conversation or on
 * none), the side panel bound to its tab, and the agent signed in from the panel. What most specs
 * start from; e2e/support/fixtures.ts offers it as the `desk` fixture, shaped by the options below.
 */
export interface Desk {
  desktop: Page;
  panel: Page;
  tabId: number;
}

export interface DeskOptions {
  /**
   * Settings on top of the simulator's (`simulatorSettings`); a string starting with
   * SIMULATOR_ORIGIN has it replaced by this test's simulator origin. null writes none: the
   * extension before set-up, or a second desk in a browser already set up.
   */
  settings: Record<string, unknown> | null;
  /** false writes `settings` alone, for when managed policy supplies the simulator's connection. */
  simulatorConnection: boolean;
  /** The simple desktop page, or the realistic one with the Genesys Cloud structure (e2e/support/realistic-desktop.ts). */
  desktop: 'simple' | 'realistic';
  /** Realistic desktop: whether the roster's cards carry conversation ids (see RealisticDesktopOptions). */
  realisticIds: boolean | 'text';
  /** Realistic desktop: the conversation is selected by clicking its roster card, as the agent does, not through the test hook. */
  selectByClick: boolean;
  /** The conversation the desktop opens on; null opens it with none selected. */
  conversationId: string | null;
  /** Whether the agent signs in from the panel; false also for a second desk once the agent is signed in. */
  signedIn: boolean;
  /** The panel's sign-in button, in the browser's language. */
  signInLabel: string;
  /** The panel's size, set before sign-in so that what the panel first shows is seen at that size; null keeps the default. */
  panelViewport: { width: number; height: number } | null;
}

export const DEFAULT_DESK: DeskOptions = {
  settings: {},
  simulatorConnection: true,
  desktop: 'simple',
  realisticIds: true,
  selectByClick: false,
  conversationId: null,
  signedIn: true,
  signInLabel: 'Sign in',
  panelViewport: null,
};

/** Another desk in a browser where settings are written and the agent has signed in. */
export const ANOTHER_DESK: Partial<DeskOptions> = { settings: null, signedIn: false };

/** Stands for the simulator's origin in options written before the simulator starts. */
export const SIMULATOR_ORIGIN = '$SIMULATOR_ORIGIN';

export function withOrigin(values: Record<string, unknown>, origin: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.startsWith(SIMULATOR_ORIGIN) ? origin + value.slice(SIMULATOR_ORIGIN.length) : value]));
}

async function openDesktopPage(context: BrowserContext, origin: string, options: DeskOptions): Promise<Page> {
  const conversationId = options.conversationId ?? undefined;
  if (options.desktop === 'simple') return openDesktop(context, origin, conversationId);
  const desktop = await openRealisticDesktop(context, origin, { ids: options.realisticIds, ...(options.selectByClick ? {} : { conversationId }) });
  if (options.selectByClick && conversationId) {
    const conversation = seedConversations.find((seed) => seed.id === conversationId);
    if (!conversation) throw new Error(`selectByClick needs a seeded conversation, not ${conversationId}`);
    await selectInteraction(desktop, conversation);
  }
  return desktop;
}

export async function openDesk(context: BrowserContext, worker: Worker, extensionId: string, origin: string, partial: Partial<DeskOptions> = {}): Promise<Desk> {
  const options: DeskOptions = { ...DEFAULT_DESK, ...partial };
  if (options.settings) {
    const settings = withOrigin(options.settings, origin);
    await writeSettings(worker, options.simulatorConnection ? simulatorSettings(origin, settings) : settings);
  }
  const desktop = await openDesktopPage(context, origin, options);
  const tabId = await tabIdOf(worker, desktop);
  const panel = await openPanel(context, extensionId, tabId);
  if (options.panelViewport) await panel.setViewportSize(options.panelViewport);
  if (options.signedIn) {
    await signInFromPanel(context, panel, options.signInLabel);
    // Signed in with nothing selected is a state the panel shows: the tests start from it.
    if (options.conversationId === null) await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'no-conversation');
  }
  return { desktop, panel, tabId };
}
