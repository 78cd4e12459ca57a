import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { startSimulator } from '../simulator/server';
import { launchExtension } from './launch-extension';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface ExtensionFixtures {
  simulator: Simulator;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
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
  launched: async ({}, use) => {
    const launched = await launchExtension({ headless: true });
    await use(launched);
    await launched.context.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
});

export { expect } from '@playwright/test';
