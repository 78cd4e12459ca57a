import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { openDesktop, openPanel, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from './agent-desktop';

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
   * SIMULATOR_ORIGIN has it replaced by this test's simulator origin.
   */
  settings: Record<string, unknown>;
  /** The conversation the desktop opens on; null opens it with none selected. */
  conversationId: string | null;
  /** Whether the agent signs in from the panel. */
  signedIn: boolean;
  /** The panel's sign-in button, in the browser's language. */
  signInLabel: string;
}

export const DEFAULT_DESK: DeskOptions = { settings: {}, conversationId: null, signedIn: true, signInLabel: 'Sign in' };

/** Stands for the simulator's origin in options written before the simulator starts. */
export const SIMULATOR_ORIGIN = '$SIMULATOR_ORIGIN';

export function withOrigin(values: Record<string, unknown>, origin: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.startsWith(SIMULATOR_ORIGIN) ? origin + value.slice(SIMULATOR_ORIGIN.length) : value]));
}

export async function openDesk(context: BrowserContext, worker: Worker, extensionId: string, origin: string, options: DeskOptions): Promise<Desk> {
  await writeSettings(worker, simulatorSettings(origin, withOrigin(options.settings, origin)));
  const desktop = await openDesktop(context, origin, options.conversationId ?? undefined);
  const tabId = await tabIdOf(worker, desktop);
  const panel = await openPanel(context, extensionId, tabId);
  if (options.signedIn) {
    await signInFromPanel(context, panel, options.signInLabel);
    // Signed in with nothing selected is a state the panel shows: the tests start from it.
    if (options.conversationId === null) await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'no-conversation');
  }
  return { desktop, panel, tabId };
}
