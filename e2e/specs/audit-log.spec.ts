import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { addCustomerMessage, openDesktop, playScript, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from '../support/agent-desktop';
import { sealChain, verifyNdjson } from '../support/audit-chain';
import type { Desk } from '../support/desk';
import { expect, test } from '../support/fixtures';
import { clearFaults, recordedRequests, setFaults } from '../support/simulator-control';
import { editEntries, exportFile, openSupervisor, sendFromPage, signInAgentFrom, signInThroughLoginPage, storedEntries, type StoredEntry } from '../support/supervisor-page';
import { currentWorker, killServiceWorker, workerErrors } from '../support/worker-control';
import { seedConversations } from '../simulator/conversations';
import { AGENT, SUPERVISOR } from '../simulator/users';

/**
 * The audit log end to end (issue 7, docs/performance.md R5): what an agent's session records, exports a
 * real CSV parser reads back, tamper detection on the stored log and on an exported file,
 * retention that keeps the chain valid, supervisor-only exports, and recovery of a delivery a
 * killed worker had not written.
 */
const [billing] = seedConversations;
const NASTY = '=HYPERLINK("http://evil.example","x"), "quoted", comma,\nnew line ünïcødé 😀 中文';

test.afterEach(async ({ context }) => {
  expect(await workerErrors(await currentWorker(context))).toEqual([]);
});

function excerptOf(entry: StoredEntry): string {
  return typeof entry.data.transcriptExcerpt === 'string' ? entry.data.transcriptExcerpt : '';
}

async function kindsIn(page: Page): Promise<Set<string>> {
  return new Set((await storedEntries(page)).map((entry) => entry.kind));
}

async function recordActions(page: Page, conversationId: string, recommendationId: string): Promise<void> {
  for (const action of ['impression', 'open', 'copy', 'helpful'] as const) {
    await sendFromPage(page, 'page/record-event', { conversationId, recommendationId, sourceId: 'kb-billing', action });
  }
  await sendFromPage(page, 'page/record-event', { conversationId, recommendationId, sourceId: 'kb-billing', action: 'not_helpful', reason: NASTY });
}

async function verifyStoredFromPage(page: Page) {
  await page.getByTestId('verify-stored').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return { ok: await result.getAttribute('data-ok'), seq: await result.getAttribute('data-break-seq'), reason: await result.getAttribute('data-break-reason'), result };
}

async function verifyFileFromPage(page: Page, name: string, text: string) {
  await page.getByTestId('verify-file').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8') });
  const result = page.getByTestId('verify-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return { ok: await result.getAttribute('data-ok'), seq: await result.getAttribute('data-break-seq'), reason: await result.getAttribute('data-break-reason') };
}

test.use({ deskOptions: { conversationId: billing!.id } });

/** The agent on the billing conversation, played to its end unless `play` is false, a card showing. */
async function agentSession(desk: Desk, play = true): Promise<Desk> {
  if (play) await playScript(desk.desktop, billing!);
  await expect(desk.panel.locator(`[data-testid="recommendation"][data-id="${billing!.expected.visible[0]}"]`)).toBeVisible({ timeout: 15_000 });
  return desk;
}

test('a scripted session records every kind of event; an agent sees the log but cannot export', async ({ context, extensionId, serviceWorker, simulator, desk }) => {
  const { desktop, panel, tabId } = await agentSession(desk);
  const supervisor = await openSupervisor(context, extensionId);

  // A provider error (400: not retried) with its correlation id.
  await setFaults(simulator.origin, [{ route: 'query', kind: 'status', status: 400, times: 1 }]);
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { addMessage(id: string, a: string, t: string): void } }).__simDesktop.addMessage(id, 'customer', 'Also, can I change my billing date?'), billing!.id);
  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
  await clearFaults(simulator.origin);

  await recordActions(supervisor, billing!.id, billing!.expected.visible[0]!);
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, { minRelevanceScore: 0.7 }));
  await panel.getByRole('button', { name: 'Sign out' }).click();

  // The desk's own settings write left a settings-changed entry already, and this change reaches the
  // log from a storage event (src/background/settings-subsystem.ts), not behind the sign-out: wait
  // for its entry itself.
  const lastSettingsKeys = async () => (await storedEntries(supervisor)).filter((entry) => entry.kind === 'settings-changed').at(-1)?.data.keys;
  await expect
    .poll(async () => [[...(await kindsIn(supervisor))].sort(), await lastSettingsKeys()], { timeout: 15_000 })
    .toEqual([['click', 'delivery', 'feedback', 'impression', 'provider-error', 'settings-changed', 'sign-in', 'sign-out'], ['minRelevanceScore']]);
  const entries = await storedEntries(supervisor);
  const delivery = entries.find((entry) => entry.kind === 'delivery' && (entry.data.shownCount as number) > 0)!;
  expect(delivery).toMatchObject({ agentId: AGENT.id, conversationId: billing!.id, provider: 'recommendations-query', data: { hiddenReasons: expect.any(Object), latencyMs: expect.any(Number) } });
  expect((delivery.data.shown as { id: string; title: string; sourceId: string; score: number }[])[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), sourceId: 'kb-billing', score: expect.any(Number) });
  expect(JSON.stringify(delivery)).not.toContain('Customer:'); // no transcript by default
  const error = entries.find((entry) => entry.kind === 'provider-error')!;
  expect(error.data).toMatchObject({ status: 400, code: expect.any(String), correlationId: expect.stringMatching(/.+/) });
  expect(entries.find((entry) => entry.kind === 'sign-in')).toMatchObject({ agentId: AGENT.id, data: { userName: AGENT.name } });
  expect(entries.filter((entry) => entry.kind === 'settings-changed').at(-1)?.data).toMatchObject({ keys: ['minRelevanceScore'], values: { minRelevanceScore: 0.7 } });
  expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));

  // The page lists them, filters by kind, and verifies the chain; an agent gets no export.
  await supervisor.reload();
  await expect(supervisor.getByTestId('match-count')).toHaveAttribute('data-count', String(entries.length));
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'signed-out');
  await expect(supervisor.getByTestId('export')).toHaveCount(0);
  await supervisor.locator('select[name="kind"]').selectOption('feedback');
  await supervisor.getByTestId('apply-filters').click();
  await expect(supervisor.getByTestId('match-count')).toHaveAttribute('data-count', '2');
  await expect(supervisor.getByTestId('entry-row').first()).toHaveAttribute('data-kind', 'feedback');
  // What the agent did, by the article's title and the knowledge base's name: no ids, no action codes.
  const summaries = await supervisor.getByTestId('entry-row').locator('[role="cell"]:last-child').allInnerTexts();
  expect(summaries).toContain('Rated “Refund a duplicate (double) charge” helpful · Billing & Payments');
  expect(summaries.some((summary) => summary.startsWith('Rated “Refund a duplicate (double) charge” not helpful · Billing & Payments · '))).toBe(true);
  expect(summaries.join('\n')).not.toMatch(/kb-billing|not_helpful|billing-double-charge/);
  await expect(supervisor.getByTestId('charts-empty')).toBeVisible(); // feedback alone has no CTR or latency
  expect((await verifyStoredFromPage(supervisor)).ok).toBe('true');

  // Signed out, the conversation's context waits 20 s (moved back rather than waited for), then the
  // agent signs in again: a login page (prompt=login), and the delivery's latency is the request's
  // own, never the time spent signed out.
  await serviceWorker.evaluate(async (key) => {
    const stored = (await chrome.storage.session.get(key))[key] as { receivedAt: number };
    await chrome.storage.session.set({ [key]: { ...stored, receivedAt: stored.receivedAt - 20_000 } });
  }, `context:${tabId}`);
  const deliveriesBefore = (await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery').length;
  await signInFromPanel(context, panel);
  await expect.poll(async () => (await recordedRequests(simulator.origin, 'authorize')).at(-1)?.path, { timeout: 15_000 }).toContain('prompt=login');
  await expect(panel.getByTestId('user-name')).toHaveText(AGENT.name);
  await expect.poll(async () => (await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery').length, { timeout: 15_000 }).toBeGreaterThan(deliveriesBefore);
  const late = (await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery').at(-1)!;
  const view = await serviceWorker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { updatedAt: number; contextReceivedAt: number }, `view:${tabId}`);
  expect(view.updatedAt - view.contextReceivedAt).toBeGreaterThanOrEqual(20_000);
  expect(late.data.latencyMs as number).toBeLessThan(10_000);

  // "Sign in as a supervisor" on the agent's browser: a login page (never the agent's login session
  // answering silently), here signed in as the agent, who lacks the permission: no exports. The
  // panel keeps its own session.
  await signInThroughLoginPage(context, () => supervisor.getByTestId('access-sign-in').click(), 'agent');
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'missing-permission');
  await expect(supervisor.getByTestId('access')).toContainText('analytics:conversationDetail:view');
  await expect(supervisor.getByTestId('export')).toHaveCount(0);
  await expect(panel.getByTestId('user-name')).toHaveText(AGENT.name);
});

test('a supervisor exports CSV and NDJSON that real parsers read and a third party can verify', async ({ context, extensionId, serviceWorker, simulator }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const supervisor = await openSupervisor(context, extensionId);
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'signed-out');
  await signInAgentFrom(context, supervisor);
  await supervisor.reload();
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'missing-permission');
  // The supervisor signs in on the agent's browser: the page gets its own session; the agent's stays.
  await signInThroughLoginPage(context, () => supervisor.getByTestId('access-sign-in').click(), 'supervisor');
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'supervisor');
  await expect(supervisor.getByTestId('access')).toContainText(SUPERVISOR.name);
  expect(await sendFromPage(supervisor, 'page/supervisor-access', {})).toMatchObject({ session: 'supervisor', user: { id: SUPERVISOR.id } });
  expect(await serviceWorker.evaluate(async () => (await chrome.storage.session.get('auth:user'))['auth:user'])).toEqual({ id: AGENT.id, name: AGENT.name });

  const desktop = await openDesktop(context, simulator.origin, billing!.id);
  const tabId = await tabIdOf(serviceWorker, desktop);
  await playScript(desktop, billing!);
  // The published view, not a side panel: the panel records an impression of every card it shows,
  // and this test counts exactly one (the inline overlay's, of the top card, is the same one).
  const shownIds = () =>
    serviceWorker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as { recommendations?: { id: string }[] } | undefined)?.recommendations?.map((item) => item.id) ?? [], `view:${tabId}`);
  await expect.poll(shownIds, { timeout: 15_000 }).toContain(billing!.expected.visible[0]);
  await recordActions(supervisor, billing!.id, billing!.expected.visible[0]!);

  // The agent being signed in, deliveries for the script's later lines may still be arriving.
  let stored: StoredEntry[] = [];
  await expect(async () => {
    await supervisor.reload();
    stored = await storedEntries(supervisor);
    await expect(supervisor.getByTestId('match-count')).toHaveAttribute('data-count', String(stored.length), { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(supervisor.getByTestId('total-clicks')).toHaveText('2'); // opened and copied: two raw clicks…
  await expect(supervisor.getByTestId('total-ctr')).toHaveText('100%'); // …of one impression, which got at least one
  await expect(supervisor.getByTestId('chart-latency').locator('[data-series="p95"] .chart__point').first()).toBeAttached();

  const csv = await exportFile(supervisor, 'csv');
  await expect(supervisor.getByTestId('export-status')).toHaveAttribute('data-state', 'done');
  // Deliveries may still arrive while the page works: compare with the log as it is now.
  const after = await storedEntries(supervisor);
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  expect(csv.name).toBe(`agent-assist-audit_${day}_${day}_all-agents.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: Record<string, string>[] = parse(csv.bytes, { bom: true, columns: true });
  expect(rows.length).toBeGreaterThanOrEqual(stored.length);
  expect(rows.map((row) => Number(row.seq))).toEqual(after.slice(0, rows.length).map((entry) => entry.seq));
  const nasty = rows.find((row) => row.kind === 'feedback' && row.reason !== '');
  expect(nasty?.reason).toBe(`'${NASTY}`); // formula neutralised, everything else intact
  const delivery = rows.find((row) => row.kind === 'delivery' && row.shown !== '0')!;
  expect(JSON.parse(delivery.data!)).toEqual(after.find((entry) => entry.seq === Number(delivery.seq))!.data);
  for (const row of rows) expect(row.hash).toBe(after.find((entry) => entry.seq === Number(row.seq))!.hash);

  // Filtered by agent: the file name carries the agent. Everything is the agent's: the supervisor's
  // sign-in on this page took nothing over.
  await supervisor.locator('select[name="agentId"]').selectOption(AGENT.id);
  await supervisor.getByTestId('apply-filters').click();
  const ndjson = await exportFile(supervisor, 'ndjson');
  expect(ndjson.name).toBe(`agent-assist-audit_${day}_${day}_${AGENT.id}.ndjson`);
  const lines = ndjson.text.split('\n').filter((line) => line !== '');
  const parsed = lines.map((line) => JSON.parse(line) as StoredEntry);
  expect(parsed.length).toBeGreaterThan(5);
  expect(parsed.every((entry) => entry.agentId === AGENT.id)).toBe(true);
  expect(parsed.find((entry) => entry.data.reason === NASTY)).toBeTruthy();
  // The README algorithm, implemented independently of the extension, accepts the file.
  expect(verifyNdjson(ndjson.text)).toEqual({ count: parsed.length, problem: null });
  expect((await verifyFileFromPage(supervisor, ndjson.name, ndjson.text)).ok).toBe('true');

  // Signing out of the page ends only the supervisor's session.
  await supervisor.getByTestId('access-sign-out').click();
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'missing-permission');
  await expect(supervisor.getByTestId('access')).toContainText(AGENT.name);
});

test('editing, deleting or cutting entries outside the extension is detected (R5)', async ({ context, extensionId, serviceWorker, simulator }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const supervisor = await openSupervisor(context, extensionId);
  await signInAgentFrom(context, supervisor);
  await signInThroughLoginPage(context, () => supervisor.getByTestId('access-sign-in').click(), 'supervisor');
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'supervisor');
  await recordActions(supervisor, billing!.id, 'billing-double-charge');
  const original = await storedEntries(supervisor);
  expect(original.length).toBeGreaterThanOrEqual(7);
  const target = original[3]!;

  // 1. An edited entry: the stored log and an export of it both name it.
  await editEntries(supervisor, { put: [{ ...target, data: { ...target.data, action: 'helpful' } }] });
  await supervisor.reload();
  expect(await verifyStoredFromPage(supervisor)).toMatchObject({ ok: 'false', seq: String(target.seq), reason: 'hash-mismatch' });
  const tampered = await exportFile(supervisor, 'ndjson');
  expect(await verifyFileFromPage(supervisor, tampered.name, tampered.text)).toMatchObject({ ok: 'false', seq: String(target.seq), reason: 'hash-mismatch' });
  expect(verifyNdjson(tampered.text).problem).toBe(`hash of seq ${target.seq}`);

  // 2. A deleted entry.
  await editEntries(supervisor, { put: [target], remove: [target.seq] });
  await supervisor.reload();
  expect(await verifyStoredFromPage(supervisor)).toMatchObject({ ok: 'false', seq: String(target.seq), reason: 'missing-entries' });

  // 3. The last entries cut off (the stored head remembers them).
  const last = original.at(-1)!;
  await editEntries(supervisor, { put: [target], remove: [last.seq, last.seq - 1] });
  await supervisor.reload();
  expect(await verifyStoredFromPage(supervisor)).toMatchObject({ ok: 'false', seq: String(last.seq - 1), reason: 'truncated-tail' });

  // 4. Entries cut from the start with no retention record.
  await editEntries(supervisor, { put: original.slice(-2), remove: [1, 2] });
  await supervisor.reload();
  expect(await verifyStoredFromPage(supervisor)).toMatchObject({ ok: 'false', seq: '1', reason: 'missing-entries' });

  // Restored exactly: intact again.
  await editEntries(supervisor, { put: original });
  await supervisor.reload();
  const restored = await verifyStoredFromPage(supervisor);
  expect(restored.ok).toBe('true');
  await expect(supervisor.getByTestId('head-hash')).toHaveText(last.hash);
});

test('retention removes old entries from the start and the chain still verifies', async ({ context, extensionId, simulator }) => {
  // An existing log sealed by the README algorithm: 10 entries from 40 days ago, 30 from 20 days
  // ago, 5 from yesterday.
  const now = Date.now();
  const day = 86_400_000;
  const entry = (kind: string, time: number) => ({ kind, time, agentId: AGENT.id, conversationId: null, provider: null, data: { userName: AGENT.name } });
  const chain = sealChain([
    ...Array.from({ length: 10 }, (_, i) => entry('sign-in', now - 40 * day + i)),
    ...Array.from({ length: 30 }, (_, i) => entry('sign-in', now - 20 * day + i)),
    ...Array.from({ length: 5 }, (_, i) => entry('sign-out', now - day + i)),
  ]);
  const supervisor = await openSupervisor(context, extensionId);
  const retentions = async () => (await storedEntries(supervisor)).filter((stored) => stored.kind === 'retention');

  // Seeded while no worker runs: the next worker's start-up maintenance applies the default
  // retention (30 days) to it, and that retention entry is the sign that start-up maintenance is
  // over, so nothing of it can interleave with the settings change below.
  await killServiceWorker(context, supervisor);
  await editEntries(supervisor, { put: chain, head: { seq: 45, hash: chain[44]!.hash } });
  await supervisor.reload(); // wakes the worker (the page asks it for access)
  await expect.poll(async () => (await retentions()).map((stored) => stored.data), { timeout: 15_000 }).toEqual([
    expect.objectContaining({ retentionDays: 30, removedFromSeq: 1, removedThroughSeq: 10, removedCount: 10, anchorHash: chain[9]!.hash }),
  ]);
  // The periodic retention alarm is not the subject here: it must not run between the two.
  const worker = await currentWorker(context);
  await worker.evaluate(() => chrome.alarms.clear('audit:retention'));

  // Setting a shorter retention runs it at once, and the log says why before it says what.
  await writeSettings(worker, simulatorSettings(simulator.origin, { auditRetentionDays: 10 }));
  await expect.poll(async () => (await retentions()).length, { timeout: 15_000 }).toBe(2);
  const entries = await storedEntries(supervisor);
  expect(entries[0]!.seq).toBe(41);
  expect((await retentions())[1]!.data).toMatchObject({ retentionDays: 10, removedFromSeq: 11, removedThroughSeq: 40, removedCount: 30, anchorHash: chain[39]!.hash });
  expect(entries.filter((stored) => stored.seq > 45).map((stored) => stored.kind)).toEqual(['retention', 'settings-changed', 'retention']);

  await supervisor.reload();
  const verified = await verifyStoredFromPage(supervisor);
  expect(verified.ok).toBe('true');
  await expect(verified.result).toContainText('#41');
  await expect(supervisor.locator('[data-testid="entry-row"][data-kind="retention"]')).toHaveCount(2);
});

test('a delivery published by a worker killed before writing it is recorded when the worker starts again', async ({ context, extensionId, serviceWorker, desk }) => {
  // No scripted messages: the view stays as published while the test plays the killed worker.
  const { desktop, tabId } = await agentSession(desk, false);
  const supervisor = await openSupervisor(context, extensionId);
  await expect.poll(async () => (await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery').length).toBeGreaterThan(0);

  // The state a worker killed between publishing a view and writing its entry leaves behind.
  const updatedAt = await serviceWorker.evaluate(async (tab) => {
    const key = `view:${tab}`;
    const stored = (await chrome.storage.session.get(key))[key] as { updatedAt: number };
    const republished = { ...stored, updatedAt: stored.updatedAt + 1 };
    await chrome.storage.session.set({ [key]: republished });
    return republished.updatedAt;
  }, tabId);
  await killServiceWorker(context, desktop);
  await supervisor.reload(); // wakes the worker (the page asks it for access)
  await expect.poll(async () => (await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery' && entry.time === updatedAt).length, { timeout: 15_000 }).toBe(1);

  // And only once, however often the worker starts.
  await killServiceWorker(context, desktop);
  await supervisor.reload();
  await expect(supervisor.getByTestId('access')).not.toHaveAttribute('data-access', 'checking');
  expect((await storedEntries(supervisor)).filter((entry) => entry.kind === 'delivery' && entry.time === updatedAt)).toHaveLength(1);
  expect((await verifyStoredFromPage(supervisor)).ok).toBe('true');
});

test.describe(() => {
  test.use({ deskOptions: { conversationId: billing!.id, settings: { auditTranscriptExcerpts: true } } });

  test('with transcript excerpts turned on, deliveries carry a redacted excerpt', async ({ context, extensionId, desk }) => {
    const { desktop, panel } = desk;
    await expect(panel.getByTestId('recommendation').first()).toBeVisible({ timeout: 15_000 });
    await addCustomerMessage(desktop, billing!.id, 'The refund should go to card 4111 1111 1111 1111, mail me at jordan.lee@example.com or call +44 20 7946 0958.');
    const supervisor = await openSupervisor(context, extensionId);
    await expect
      .poll(async () => (await storedEntries(supervisor)).some((entry) => excerptOf(entry).includes('[card]')), { timeout: 15_000 })
      .toBe(true);
    const excerpts = (await storedEntries(supervisor)).map((entry) => excerptOf(entry)).join('\n');
    expect(excerpts).toContain('mail me at [email] or call [phone]');
    expect(excerpts).not.toMatch(/4111|jordan\.lee@|7946/);
  });
});

test('the options page and the side panel link to the supervisor page', async ({ context, extensionId, serviceWorker, simulator, newDesk }) => {
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const fromOptions = context.waitForEvent('page');
  await options.getByTestId('supervisor-link').click();
  const opened = await fromOptions;
  await expect(opened.getByTestId('supervisor')).toBeVisible();
  expect(opened.url()).toBe(`chrome-extension://${extensionId}/src/supervisor/index.html`);

  const { panel } = await newDesk({ conversationId: billing!.id, settings: null, signedIn: false });
  const fromPanel = context.waitForEvent('page');
  await panel.getByTestId('supervisor-link').focus();
  await panel.keyboard.press('Enter');
  await expect((await fromPanel).getByTestId('supervisor')).toBeVisible();
});

test.describe('in German', () => {
  test.use({ browserLanguage: 'de-DE', deskOptions: { conversationId: billing!.id, signInLabel: 'Anmelden' } });

  test('Dismiss and hidden-by-threshold have their own words, percentages and dates are written the German way on the panel and the supervisor page', async ({ context, extensionId, desk }) => {
    const { panel } = await agentSession(desk);
    const card = panel.getByTestId('recommendation').first();
    await expect(card.getByTestId('dismiss')).toHaveAccessibleName('Verwerfen');
    await expect(panel.getByTestId('hidden-toggle')).toContainText('ausgefilterte');
    // One percent format everywhere: Intl's German one, "92 %" with a no-break space.
    const germanPercent = /^\d+(,\d+)?\u00a0%$/;
    await expect(card.getByTestId('score')).toHaveText(germanPercent);
    await panel.getByTestId('hidden-toggle').click();
    await expect(panel.locator('[data-testid="hidden-recommendation"][data-reason="low-score"] [data-testid="hidden-reason"]').first()).toHaveText(/^Bewertung \d+\u00a0% unter 80\u00a0%$/);

    const supervisor = await openSupervisor(context, extensionId);
    await recordActions(supervisor, billing!.id, billing!.expected.visible[0]!);
    await supervisor.reload();
    await expect(supervisor.getByTestId('total-ctr')).toHaveText(germanPercent);
    await expect(supervisor.locator('[data-testid="chart-ctr"] [data-testid="y-tick"]').last()).toHaveText(germanPercent);
    await expect(supervisor.locator('[data-testid="chart-latency"] [data-testid="x-tick"]').first()).toHaveText(/^\d\d\.\d\d\.\d\d, \d\d:00$/);
    // The date filters read and write TT.MM.JJJJ, whatever format Chromium's own date input has.
    const from = supervisor.locator('input[name="from"]');
    await expect(from).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
    const matches = await supervisor.getByTestId('match-count').getAttribute('data-count');
    const today = new Date();
    await from.fill(`${String(today.getDate()).padStart(2, '0')}.${String(today.getMonth() + 1).padStart(2, '0')}.${today.getFullYear()}`);
    await expect(from).toHaveAttribute('aria-invalid', 'false');
    await supervisor.locator('input[name="to"]').fill(`${today.getDate() - 1 || 28}.${today.getMonth() + 1}.${today.getFullYear() - 1}`);
    await supervisor.getByTestId('apply-filters').click();
    await expect(supervisor.getByTestId('match-count')).toHaveAttribute('data-count', '0'); // "to" before "from"
    await supervisor.locator('input[name="to"]').fill('');
    await supervisor.getByTestId('apply-filters').click();
    await expect(supervisor.getByTestId('match-count')).not.toHaveAttribute('data-count', '0');
    expect(Number(await supervisor.getByTestId('match-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(Number(matches));
  });
});
