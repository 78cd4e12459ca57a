import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's findings on a page (WCAG 2.0–2.2 A and AA rules plus best practices), reduced to what
 * a failing assertion should show: rule, impact, and the offending elements.
 */
export async function accessibilityViolations(page: Page, include?: string): Promise<{ id: string; impact: string | null | undefined; targets: string[] }[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** True when the page scrolls sideways (it must not, even 320 px wide). */
export async function scrollsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);
}
