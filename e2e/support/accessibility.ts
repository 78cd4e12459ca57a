import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's findings on a page (WCAG 2.0–2.2 A and AA rules plus best practices), reduced to what
 * a failing assertion should show: rule, impact, and the offending elements.
 */
export async function accessibilityViolations(page: Page, include?: string): Promise<{ id: string; impact: string | null | undefined; targets: string[] }[]> {
  return (await accessibilityFindings(page, { include })).violations;
}

/**
 * Violations, plus the colour-contrast checks axe could not decide ("incomplete": text over an
 * image, a gradient, overlapping boxes, or clipped). Each of those is a real question a page
 * should answer: a test expects none, so a new one is looked at rather than passed unread.
 */
export async function accessibilityFindings(
  page: Page,
  options: { include?: string; rules?: string[] } = {},
): Promise<{ violations: { id: string; impact: string | null | undefined; targets: string[] }[]; undecidedContrast: { target: string; why: string }[] }> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (options.include) builder = builder.include(options.include);
  if (options.rules) builder = builder.withRules(options.rules);
  const results = await builder.analyze();
  const undecidedContrast = results.incomplete
    .filter((finding) => finding.id === 'color-contrast')
    .flatMap((finding) => finding.nodes.map((node) => ({ target: node.target.join(' '), why: node.any.map((check) => check.message).join('; ') })));
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  return { violations, undecidedContrast };
}

/** True when the page scrolls sideways (it must not, even 320 px wide). */
export async function scrollsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);
}
