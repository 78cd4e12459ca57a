import { openDesktop, simulatorSettings, writeSettings } from '../support/agent-desktop';
import { evaluateInContentScript, postToPageAndDrain } from '../support/content-script-world';
import { expect, test } from '../support/fixtures';
import { seedConversations } from '../simulator/conversations';

const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });
const forgedContext = JSON.stringify({
  type: 'desktop/context-changed',
  data: { conversationId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', channel: 'chat', transcript: [{ role: 'customer', text: 'forged' }], profileId: 'simulator' },
});

test('a page that is not the agent desktop cannot feed the worker, and a web page cannot reach it at all', async ({ context, serviceWorker, simulator, desk }) => {
  const { desktop, panel } = desk;
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  const viewBefore = await serviceWorker.evaluate(() => chrome.storage.session.get(null));

  // Our content script also runs on other loopback pages (here the login server's error page);
  // what it sends from there is refused.
  const other = await context.newPage();
  await other.goto(`${simulator.origin}/oauth/authorize?client_id=not-a-client`);
  const reply = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }>(other, `chrome.runtime.sendMessage(${forgedContext})`);
  expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });

  // A content script may not use messages meant for extension pages.
  const signOut = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }>(desktop, `chrome.runtime.sendMessage({ type: 'page/sign-out', data: {} })`);
  expect(signOut).toMatchObject({ ok: false, error: { code: 'bad-sender' } });

  // The page's own scripts have no channel to the extension at all.
  expect(await desktop.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  await postToPageAndDrain(desktop, [JSON.parse(forgedContext)]);
  const viewAfter = await serviceWorker.evaluate(() => chrome.storage.session.get(null));
  const tabKeys = (all: Record<string, unknown>) => Object.keys(all).filter((key) => key.startsWith('context:') || key.startsWith('view:'));
  expect(tabKeys(viewAfter)).toEqual(tabKeys(viewBefore));
  expect(JSON.stringify(viewAfter)).not.toContain('forged');
  await expect(panel.getByTestId('user-name')).toHaveText('Alex Agent');
});

test('a malformed context from the desktop is refused with a clear error', async ({ context, serviceWorker, simulator }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const desktop = await openDesktop(context, simulator.origin, billing!.id);
  const reply = await evaluateInContentScript<{ ok: boolean; error?: { code: string; message: string } }>(
    desktop,
    `chrome.runtime.sendMessage({ type: 'desktop/context-changed', data: { conversationId: '<script>', channel: 'chat', transcript: [], profileId: 'x' } })`,
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(reply.error?.message).toContain('conversationId');
});
