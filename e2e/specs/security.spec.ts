import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { MESSAGES, isMessageType } from '../../src/shared/messages';
import { evaluateInContentScript, postToPageAndDrain } from '../support/content-script-world';
import { expect, test } from '../support/fixtures';
import { recordedRequests } from '../support/simulator-control';
import { workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';

/**
 * docs/performance.md R3 and the token-reachability half of R6. Fuzzed messages come from where an
 * attacker could stand: our content script on a page that is not the desktop, our content script
 * on the desktop sending what it must never send, and the web page itself.
 */
const [billing] = seedConversations;

test.use({ deskOptions: { conversationId: billing!.id } });
type Reply = { ok: boolean; error?: { code: string } };

const CONTENT_TYPES = Object.keys(MESSAGES).filter((type) => isMessageType(type) && MESSAGES[type].from === 'content-script');
const PAGE_TYPES = Object.keys(MESSAGES).filter((type) => isMessageType(type) && MESSAGES[type].from === 'extension-page');

/** Anything at all: garbage, envelopes with unknown or known types, and near-valid contexts. */
const anyMessage = fc.oneof(
  fc.jsonValue(),
  fc.record({ type: fc.string(), data: fc.jsonValue() }),
  fc.record({ type: fc.constantFrom(...CONTENT_TYPES, ...PAGE_TYPES), data: fc.jsonValue() }),
  fc.record({
    type: fc.constant('desktop/context-changed'),
    data: fc.record({
      conversationId: fc.oneof(fc.uuid(), fc.string()),
      channel: fc.oneof(fc.constantFrom('chat', 'voice', 'fax'), fc.string()),
      transcript: fc.array(fc.record({ role: fc.constantFrom('customer', 'agent', 'system'), text: fc.string() }), { maxLength: 3 }),
      profileId: fc.string(),
    }),
  }),
);

/** From the desktop's own content script only what it may never send: page messages, or invalid requests. */
const forbiddenFromDesktop = anyMessage.filter((message) => {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return true;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !isMessageType(type)) return true;
  if (MESSAGES[type].from !== 'content-script') return true;
  return !MESSAGES[type].request.safeParse(data).success;
});

async function sendAll(page: Page, messages: unknown[]): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let start = 0; start < messages.length; start += 500) {
    const batch = JSON.stringify(messages.slice(start, start + 500));
    replies.push(
      ...(await evaluateInContentScript<Reply[]>(
        page,
        `Promise.all(${batch}.map((message) => chrome.runtime.sendMessage(message).then((reply) => reply ?? { ok: false, error: { code: 'no-reply' } }, (error) => ({ ok: false, error: { code: 'threw:' + error.message } }))))`,
        30_000,
      )),
    );
  }
  return replies;
}

/** The same on the desktop frame's report port (src/shared/report-port.ts): framed requests, each answered by number. */
async function sendAllOnPort(page: Page, messages: unknown[]): Promise<Reply[]> {
  return evaluateInContentScript<Reply[]>(
    page,
    `new Promise((resolve) => {
      const messages = ${JSON.stringify(messages)};
      const replies = new Array(messages.length).fill(null);
      let answered = 0;
      const port = chrome.runtime.connect({ name: 'desktop-reports' });
      const done = () => resolve(replies.map((reply) => reply ?? { ok: false, error: { code: 'no-reply' } }));
      port.onMessage.addListener((answer) => {
        replies[answer.seq] = answer.reply;
        if (++answered === messages.length) { port.disconnect(); done(); }
      });
      port.onDisconnect.addListener(done);
      messages.forEach((message, seq) => port.postMessage({ seq, message }));
    })`,
    30_000,
  );
}

/** Whether the worker closes the report port on a request that is not framed as one. */
async function portClosesOn(page: Page, request: unknown): Promise<boolean> {
  return evaluateInContentScript<boolean>(
    page,
    `new Promise((resolve) => {
      const port = chrome.runtime.connect({ name: 'desktop-reports' });
      port.onDisconnect.addListener(() => resolve(true));
      port.onMessage.addListener(() => resolve(false));
      port.postMessage(${JSON.stringify(request)});
    })`,
    15_000,
  );
}

async function tabState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return JSON.stringify(Object.entries(all).filter(([key]) => !key.startsWith('diagnostics:')).sort(([a], [b]) => a.localeCompare(b)));
  });
}

test('R3: 11,000 fuzzed messages from content scripts (runtime messages and the report port) and the page are all refused, with no crash and no state change', async ({ context, serviceWorker, simulator, desk }) => {
  test.setTimeout(180_000);
  const { desktop, panel } = desk;
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
  // The panel records its impression of the card after it renders: the baseline waits for it, or
  // that write would land during the fuzz and read as a state change.
  const shown = await panel.getByTestId('recommendation').first().getAttribute('data-id');
  await panel.bringToFront();
  await expect
    .poll(() =>
      panel.evaluate(async (key) => {
        const seen = (await chrome.storage.session.get('impressions:seen'))['impressions:seen'] as [string, ...unknown[]][] | undefined;
        return (seen ?? []).some(([entry]) => entry === key);
      }, `${billing!.id}\n${shown}`),
    )
    .toBe(true);
  const before = await tabState(panel);
  const queriesBefore = (await recordedRequests(simulator.origin, 'query')).length;

  const elsewhere = await context.newPage();
  await elsewhere.goto(`${simulator.origin}/oauth/authorize?client_id=not-a-client`);
  const fromElsewhere = fc.sample(anyMessage, { numRuns: 4000, seed: 42 });
  const fromDesktop = fc.sample(forbiddenFromDesktop, { numRuns: 4000, seed: 43 });
  const replies = [...(await sendAll(elsewhere, fromElsewhere)), ...(await sendAll(desktop, fromDesktop))];
  expect(replies).toHaveLength(8000);
  expect(replies.filter((reply) => reply.ok)).toEqual([]);
  // They reached the router and were refused by it (not merely lost on the way).
  const refusedByRouter = replies.filter((reply) => ['bad-sender', 'bad-request', 'unknown-type'].includes(reply.error?.code ?? ''));
  expect(refusedByRouter.length).toBeGreaterThan(7900);
  // The desktop frame's report port leads to the same router, with the same checks.
  const onPort = await sendAllOnPort(desktop, fc.sample(forbiddenFromDesktop, { numRuns: 1000, seed: 45 }));
  expect(onPort.filter((reply) => reply.ok)).toEqual([]);
  expect(onPort.filter((reply) => ['bad-sender', 'bad-request', 'unknown-type'].includes(reply.error?.code ?? '')).length).toBeGreaterThan(990);
  expect(await portClosesOn(desktop, { type: 'desktop/transcript-appended', data: {} })).toBe(true);

  // The page's own scripts: no extension API, and window messages are not listened to.
  const fromPage: unknown[] = fc.sample(fc.jsonValue(), { numRuns: 2000, seed: 44 });
  const pageReach = await desktop.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
  expect(pageReach).toBe('undefined');
  await postToPageAndDrain(desktop, fromPage);

  expect(await tabState(panel)).toBe(before);
  expect((await recordedRequests(simulator.origin, 'query')).length).toBe(queriesBefore);
  expect(await workerErrors(serviceWorker)).toEqual([]);
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();
});

test('no token, code verifier or authorization code is reachable from the content script, the page or storage.local', async ({ serviceWorker, simulator, desk }) => {
  const { desktop, panel } = desk;
  await expect(panel.getByTestId('recommendation').first()).toBeVisible();

  const [exchange] = await recordedRequests(simulator.origin, 'token');
  const { code, code_verifier: verifier } = exchange!.body as { code: string; code_verifier: string };
  const token = await serviceWorker.evaluate(async () => ((await chrome.storage.session.get('auth:token'))['auth:token'] as { accessToken: string }).accessToken);
  const secrets = { token, code, verifier };
  for (const value of Object.values(secrets)) expect(value.length).toBeGreaterThan(20);

  const fromContentScript = await evaluateInContentScript<string>(
    desktop,
    `Promise.all([
      chrome.storage.local.get(null).then((all) => JSON.stringify(all)),
      chrome.storage.session.get(null).then((all) => JSON.stringify(all), (error) => 'session refused: ' + error.message),
    ]).then((parts) => parts.join('\\n') + document.documentElement.outerHTML)`,
  );
  expect(fromContentScript).toContain('session refused');
  const fromPage = await desktop.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage, cookie: document.cookie, url: location.href }) + document.documentElement.outerHTML);
  const storageLocal = await serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  for (const [name, value] of Object.entries(secrets)) {
    expect(fromContentScript.includes(value), `${name} visible to the content script`).toBe(false);
    expect(fromPage.includes(value), `${name} visible to the page`).toBe(false);
    expect(storageLocal.includes(value), `${name} in storage.local`).toBe(false);
  }
});
