import { lastLine, playScript, untilPanelShowsLatest } from '../support/agent-desktop';
import { composerValue } from '../support/desktop-page';
import { expect, test } from '../support/fixtures';
import { overlay } from '../support/inline-overlay';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

async function hostileHits(origin: string): Promise<string[]> {
  return ((await (await fetch(new URL('/__sim/hostile-hits', origin))).json()) as { hits: string[] }).hits;
}

test('hostile article content executes nothing in the side panel or the inline overlay (docs/performance.md R4)', async ({ serviceWorker, simulator, newDesk }) => {
  await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hostileContent: true }) });
  // The control works: a payload that runs reaches the beacon (and is forgotten again).
  expect((await fetch(new URL('/__sim/hostile-executed?id=control', simulator.origin))).status).toBe(204);
  expect(await hostileHits(simulator.origin)).toEqual(['control']);
  await fetch(new URL('/__sim/reset', simulator.origin), { method: 'POST' });
  await fetch(new URL('/__sim/config', simulator.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hostileContent: true }) });

  const { desktop, panel, tabId } = await newDesk({ conversationId: billing!.id, settings: { minRelevanceScore: 0.5 } });
  await playScript(desktop, billing!);
  await untilPanelShowsLatest(serviceWorker, panel, tabId, lastLine(billing!));
  const hostileCards = panel.locator('[data-testid="recommendation"][data-id^="hostile-"]');
  expect(await hostileCards.count()).toBeGreaterThanOrEqual(7);

  // Everything a card can show: full text, hidden items, the reason form; hover over every text.
  for (const toggle of await panel.getByTestId('content-toggle').all()) await toggle.click();
  if (await panel.getByTestId('hidden-toggle').count()) await panel.getByTestId('hidden-toggle').click();
  for (const card of await hostileCards.all()) {
    await card.getByTestId('content').hover();
    await card.getByTestId('title').hover();
  }
  // Not one element from the payloads made it into the panel (the panel's own icons are svg.icon).
  expect(await panel.locator('main script, main img, main iframe, main svg:not(.icon), main details[ontoggle], main [onerror], main [onload], main [onmouseover], main a[href^="javascript:"]').count()).toBe(0);
  await expect(hostileCards.first().getByTestId('title')).not.toBeEmpty();

  // Structure survives, through an allowlist: paragraphs, lists, emphasis and https links opened
  // in a new tab; every other element is unwrapped and every other attribute is gone.
  const contentElements = await panel.getByTestId('content').evaluateAll((contents) =>
    contents.flatMap((content) => [...content.querySelectorAll('*')].map((node) => ({ tag: node.localName, attributes: node.getAttributeNames().sort() }))),
  );
  expect(contentElements.length).toBeGreaterThan(0);
  for (const { tag, attributes } of contentElements) {
    expect(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote']).toContain(tag);
    expect(attributes).toEqual(tag === 'a' ? ['class', 'href', 'rel', 'target'] : []);
  }
  const structured = panel.locator('[data-testid="recommendation"][data-id="hostile-structure"] [data-testid="content"]');
  await expect(structured.locator('p').first()).toHaveText('Check both payments, then refund one.');
  await expect(structured.locator('strong')).toHaveText('both');
  await expect(structured.locator('ol > li')).toHaveText(['Refund guide', 'plain http link', 'data link']);
  const links = structured.locator('a');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://help.example.com/refunds');
  await expect(links).toHaveAttribute('target', '_blank');
  await expect(links).toHaveAttribute('rel', /(^| )noopener( |$)/);
  // A genuine article keeps its list and emphasis too.
  const genuine = panel.locator('[data-testid="recommendation"][data-id="billing-double-charge"] [data-testid="content"]');
  await expect(genuine.locator('ul > li')).toHaveCount(2);
  await expect(genuine.locator('strong').first()).toHaveText('same amount taken twice');

  // The panel's Insert takes text only.
  const hostileScript = panel.locator('[data-testid="recommendation"][data-id="hostile-script-tag"]');
  await hostileScript.getByTestId('insert').click();
  await expect(hostileScript.getByTestId('ack')).toHaveText(/Inserted/);
  expect(await composerValue(desktop)).toContain('Refunds for duplicate charges.');
  expect(await composerValue(desktop)).not.toMatch(/<script|fetch\(/);

  // The overlay with the payload-carrying article on top, sent the way the worker pushes overlay
  // state (the ranking puts the genuine articles first, so the test sends it itself).
  const shown = await serviceWorker.evaluate(
    async ({ tab, key, conversationId }) => {
      const view = (await chrome.storage.session.get(key))[key] as { recommendations: { id: string; title: string; sourceId: string; content: string }[] };
      const top = view.recommendations.find((item) => item.id === 'hostile-script-tag')!;
      const state = { conversationId, count: view.recommendations.length, top: { id: top.id, title: top.title, sourceId: top.sourceId, content: top.content }, collapsed: false };
      return (await chrome.tabs.sendMessage(tab, { type: 'worker/overlay-state', data: { state } }, { frameId: 0 })) as unknown;
    },
    { tab: tabId, key: `view:${tabId}`, conversationId: billing!.id },
  );
  expect(shown).toEqual({ ok: true, data: { shown: true } });
  await desktop.locator('textarea.reply-box').fill('');
  const box = overlay(desktop);
  await expect(box.locator('.title')).toHaveText(/^Refund a double charge <script>fetch\(/);
  expect(await box.evaluate((host) => host.shadowRoot?.querySelectorAll('script, img, iframe, svg, [onerror], [onload]').length)).toBe(0);
  await box.locator('.title').hover();
  await box.getByRole('button', { name: /^Insert into reply: / }).click();
  await expect(box.locator('.status')).toHaveText(/Inserted/);
  expect(await composerValue(desktop)).toBe('Refunds for duplicate charges.');

  // Nothing phoned home. Shown by a later event: a beacon sent now from the panel and the desktop
  // arrives, and nothing arrived before it.
  await panel.evaluate((beacon) => fetch(beacon, { mode: 'no-cors' }).catch(() => undefined), new URL('/__sim/hostile-executed?id=late-panel', simulator.origin).href);
  await desktop.evaluate((beacon) => fetch(beacon, { mode: 'no-cors' }).catch(() => undefined), new URL('/__sim/hostile-executed?id=late-desktop', simulator.origin).href);
  await expect.poll(() => hostileHits(simulator.origin)).toContain('late-desktop');
  expect((await hostileHits(simulator.origin)).filter((hit) => !hit.startsWith('late-'))).toEqual([]);
});
