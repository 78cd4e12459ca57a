import type { Page } from '@playwright/test';

/**
 * The inline overlay on the desktop page. Its shadow root is open, so Playwright's locators reach
 * into it like a user's eyes would.
 */
export function overlay(desktop: Page) {
  return desktop.locator('agent-assist-overlay');
}

export function overlayPart(desktop: Page, selector: string) {
  return overlay(desktop).locator(selector);
}
