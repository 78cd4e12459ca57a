import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { startSimulator } from '../simulator/server';
import { type Desk, type DeskOptions, openDesk, withOrigin } from './desk';
import { extensionIdFromManifest, launchExtension } from './launch-extension';

export { ANOTHER_DESK, SIMULATOR_ORIGIN } from './desk';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** Where Chromium on Linux reads managed (enterprise) policy at start-up. */
export const MANAGED_POLICY_FILE = '/etc/chromium/policies/managed/agent-assist-e2e.json';

export interface ExtensionFixtures {
  /**
   * Settings an admin pushes through managed policy, written before Chromium starts; null for none.
   * String values starting with SIMULATOR_ORIGIN have it replaced by this test's simulator origin.
   */
  managedPolicy: Record<string, unknown> | null;
  /** The browser's language (e.g. `de-DE`); null for Chromium's default (en-US here). */
  browserLanguage: string | null;
  simulator: Simulator;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** How `desk` is set up (e2e/support/desk.ts): `test.use({ deskOptions: {...} })`, merged over the defaults. */
  deskOptions: Partial<DeskOptions>;
  /** A desktop with its side panel open and, unless deskOptions say otherwise, the agent signed in. */
  desk: Desk;
  /**
   * Opens a desk when the test says, shaped by the options given (over the defaults, not
   * deskOptions): for tests that prepare the simulator first or need a second desk (ANOTHER_DESK).
   */
  newDesk: (options?: Partial<DeskOptions>) => Promise<Desk>;
}

/**
 * Each test gets its own simulator on an ephemeral loopback port and its own Chromium profile
 * with the simulator build of the extension loaded, so no state leaks between tests.
 */
export const test = base.extend<ExtensionFixtures & { launched: Awaited<ReturnType<typeof launchExtension>> }>({
  // Playwright fixtures need the destructuring pattern even when they use no other fixture.
  simulator: async ({}, use) => {
    const simulator = await startSimulator({ port: 0, latencyMs: 50 });
    await use(simulator);
    await simulator.close();
  },
  managedPolicy: [null, { option: true }],
  browserLanguage: [null, { option: true }],
  launched: async ({ managedPolicy, browserLanguage, simulator }, use) => {
    if (managedPolicy) {
      const values = withOrigin(managedPolicy, simulator.origin);
      mkdirSync(dirname(MANAGED_POLICY_FILE), { recursive: true });
      writeFileSync(MANAGED_POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionIdFromManifest()]: values } } }));
    }
    try {
      const launched = await launchExtension({ headless: true, ...(browserLanguage ? { language: browserLanguage } : {}) });
      await use(launched);
      await launched.context.close();
    } finally {
      if (managedPolicy) rmSync(MANAGED_POLICY_FILE, { force: true });
    }
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
  deskOptions: [{}, { option: true }],
  desk: async ({ context, serviceWorker, extensionId, simulator, deskOptions }, use) => {
    await use(await openDesk(context, serviceWorker, extensionId, simulator.origin, deskOptions));
  },
  newDesk: async ({ context, serviceWorker, extensionId, simulator }, use) => {
    await use((options) => openDesk(context, serviceWorker, extensionId, simulator.origin, options));
  },
});

export { expect } from '@playwright/test';
