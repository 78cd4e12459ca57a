import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real Chromium (/usr/bin/chromium) with the simulator build of the
 * extension (dist-sim/) against the simulator on loopback. Playwright never downloads a browser.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores here: two browsers at once is the most that stays stable.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : 'list',
  use: {
    // Recording a trace costs about a fifth of the suite's CPU on a 2-core machine, for every test,
    // passed or not: off unless asked for (E2E_TRACE=1 keeps the trace of each failure).
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'extension', testIgnore: /managed-policy/ },
    // A managed-policy file applies to every Chromium started while it exists: run it last, alone.
    { name: 'managed-policy', testMatch: /managed-policy/, dependencies: ['extension'], fullyParallel: false },
  ],
});
