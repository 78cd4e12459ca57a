import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parseNamedQueries, placeholders, renderQuery } from '../../src/shared/fleet/sql-params';
import { agentBodies, agentRows, insertBatch, seededRandom } from '../bench/fleet-load';
import { openDesktop, playScript, simulatorSettings, tabIdOf, writeSettings } from '../support/agent-desktop';
import { FLEET_TABLE, INSERT_USER, READ_USER, startClickHouse, type ClickHouse } from '../support/clickhouse';
import { recordEvent, type EventInput } from '../support/feedback';
import { expect, test as base } from '../support/fixtures';
import { openSupervisor, sendFromPage, signInAgentFrom, signInThroughLoginPage, storedEntries } from '../support/supervisor-page';
import { killServiceWorker } from '../support/worker-control';
import { findSeedConversation, SEED_CONVERSATIONS } from '../simulator/conversations';
import { AGENT } from '../simulator/users';

/**
 * The fleet path against a real ClickHouse server (e2e/support/clickhouse.ts): its own data
 * directory and ports, the schema from the shipped file, stopped and started by its pid.
 */
const test = base.extend<{ clickhouse: ClickHouse }>({
  // Playwright fixtures need the destructuring pattern even when they use no other fixture.
  clickhouse: async ({}, use) => {
    const clickhouse = await startClickHouse();
    await use(clickhouse);
    await clickhouse.close();
  },
});

const QUERIES = parseNamedQueries(readFileSync(resolve(import.meta.dirname, '../../src/shared/fleet/sql/queries.sql'), 'utf8'));

interface FleetStatusReply {
  problem: string | null;
  pending: number;
  failures: number;
  delivered: number;
  parkedCount: number;
  lastError: { kind: string; message: string } | null;
  installId: string;
}

const fleetStatus = (page: Page) => sendFromPage<FleetStatusReply>(page, 'page/get-fleet-status', {});

function fleetSettings(clickhouse: ClickHouse, extra: Record<string, unknown> = {}) {
  return { fleetClickHouseUrl: clickhouse.url, fleetInsertUser: INSERT_USER.user, ...extra };
}

/** Five events per group: an impression clicked in two groups of three, one never clicked, a rating and a dismissal. */
function scriptedEvent(index: number): EventInput {
  const group = Math.floor(index / 5);
  const conversationId = `conv-${group % 10}`;
  const first = { conversationId, recommendationId: `rec-${group}`, sourceId: `kb-${group % 3}` };
  const second = { conversationId, recommendationId: `rec-${group}-b`, sourceId: `kb-${(group + 1) % 3}` };
  switch (index % 5) {
    case 0:
      return { ...first, action: 'impression' };
    case 1:
      return { ...first, action: group % 3 === 0 ? 'helpful' : 'open' };
    case 2:
      return { ...second, action: 'impression' };
    case 3:
      return { ...first, action: 'not_helpful', reason: `reason-${group % 2}` };
    default:
      return { ...second, action: 'dismissed' };
  }
}

/** CTR by source as the definition says: impressions (conversation + recommendation) with at least one click. */
function expectedCtr(events: readonly EventInput[]): Record<string, { impressions: number; clicked: number }> {
  const clicked = new Set(events.filter((event) => ['open', 'copy', 'insert'].includes(event.action)).map((event) => `${event.conversationId}/${event.recommendationId}`));
  const result: Record<string, { impressions: number; clicked: number }> = {};
  for (const event of events.filter((item) => item.action === 'impression')) {
    const into = (result[event.sourceId] ??= { impressions: 0, clicked: 0 });
    into.impressions += 1;
    if (clicked.has(`${event.conversationId}/${event.recommendationId}`)) into.clicked += 1;
  }
  return result;
}

async function runFleetQuery(clickhouse: ClickHouse, name: string, params: Record<string, string | number>) {
  const sql = QUERIES.get(name)!;
  const wanted = placeholders(sql);
  const values = Object.fromEntries(Object.entries({ table: FLEET_TABLE, ...params }).filter(([key]) => wanted.has(key)));
  return clickhouse.json<Record<string, unknown>>(renderQuery(sql, values));
}

test('an agent session lands in ClickHouse exactly once through 20 worker kills, 2 outages, a lost answer and a wrong password', async ({ context, extensionId, serviceWorker, newDesk, clickhouse }) => {
  test.setTimeout(300_000);
  const { panel } = await newDesk({ settings: fleetSettings(clickhouse) });

  // The admin types a wrong password on the options page: a clear status, nothing sent, nothing lost.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.getByTestId('fleet-insertPassword').fill('not-the-password');
  await options.getByTestId('fleet-save').click();
  await expect(options.getByTestId('fleet-insertPassword-source')).toContainText('Kept by the extension');
  await expect(options.getByTestId('fleet-error')).toContainText('Wrong password', { timeout: 20_000 });
  expect(Number(await options.getByTestId('fleet-status').getAttribute('data-pending'))).toBeGreaterThan(0);
  expect(await clickhouse.query(`SELECT count() FROM ${FLEET_TABLE}`)).toBe('0\n');
  // The password never reaches storage a content script can read.
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(JSON.stringify(stored)).not.toContain('not-the-password');
  await options.getByTestId('fleet-insertPassword').fill(INSERT_USER.password);
  await options.getByTestId('fleet-save').click();
  await expect(options.getByTestId('fleet-status')).toHaveAttribute('data-failures', '0', { timeout: 20_000 });

  const sent: EventInput[] = [];
  const started = Date.now();
  const phase = (name: string) => console.log(`fleet exactly-once: ${name} at ${Math.round((Date.now() - started) / 1000)} s`);
  for (let index = 0; index < 500; index++) {
    if (index === 150 || index === 350) await clickhouse.stop();
    // An outage counts once the sender has met it.
    if (index === 160 || index === 360) {
      await expect.poll(async () => (await fleetStatus(panel)).failures, { timeout: 30_000 }).toBeGreaterThan(0);
      phase(`outage met at event ${index}`);
      await clickhouse.start();
    }
    const input = scriptedEvent(index);
    await recordEvent(panel, input);
    sent.push(input);
    if (index % 25 === 24) await killServiceWorker(context, panel);
  }

  phase('500 events recorded');
  const local = async () => (await storedEntries(options)).length;
  const delivered = async () => Number((await clickhouse.query(`SELECT count() FROM ${FLEET_TABLE} FINAL`)).trim());
  await expect.poll(async () => (await delivered()) === (await local()) && (await fleetStatus(panel)).pending === 0, { timeout: 120_000, intervals: [1000] }).toBe(true);

  phase('all delivered');
  // The answer to every batch was lost: the cursor forgotten, everything is sent again.
  const before = await fleetStatus(panel);
  // Keep the copies: with merges stopped, only the queries can collapse them.
  await clickhouse.query(`SYSTEM STOP MERGES ${FLEET_TABLE}`);
  await options.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('agent-assist-fleet');
        request.onsuccess = () => {
          const transaction = request.result.transaction('meta', 'readwrite');
          transaction.objectStore('meta').delete('cursor');
          transaction.oncomplete = () => done();
          transaction.onerror = () => fail(new Error(String(transaction.error)));
        };
      }),
  );
  await sendFromPage(options, 'page/set-fleet-secrets', {});
  // The server took every entry a second time.
  const resent = (await storedEntries(options)).length;
  await expect.poll(async () => (await fleetStatus(panel)).delivered, { timeout: 60_000 }).toBeGreaterThanOrEqual(before.delivered + resent);

  phase('all sent again');
  // Exactly once as the reader sees it: every local entry once, every recorded event once.
  const entries = await storedEntries(options);
  const [counts] = await clickhouse.json<{ unique: string; final: string; raw: string }>(
    `SELECT uniqExact(event_id) AS unique, (SELECT count() FROM ${FLEET_TABLE} FINAL) AS final, count() AS raw FROM ${FLEET_TABLE}`,
  );
  expect(Number(counts!.unique)).toBe(entries.length);
  expect(Number(counts!.final)).toBe(entries.length);
  expect(Number(counts!.raw)).toBeGreaterThanOrEqual(2 * entries.length);
  const seqs = await clickhouse.json<{ seq: string }>(`SELECT DISTINCT seq FROM ${FLEET_TABLE} ORDER BY seq`);
  expect(seqs.map((row) => Number(row.seq))).toEqual(entries.map((entry) => entry.seq));
  const [actions] = await clickhouse.json<{ events: string }>(`SELECT uniqExact(recommendation_id, conversation_id, action) AS events FROM ${FLEET_TABLE} WHERE action != ''`);
  expect(Number(actions!.events)).toBe(new Set(sent.map((event) => `${event.recommendationId}/${event.conversationId}/${event.action}`)).size);

  // The fleet queries count each impression once despite the copies.
  const to = Math.ceil(Date.now() / 1000) + 60;
  const rows = await runFleetQuery(clickhouse, 'ctr_by_source', { from: to - 86_400, to, bucket: 86_400 });
  const measured: Record<string, { impressions: number; clicked: number }> = {};
  for (const row of rows) {
    const into = (measured[String(row.source_id)] ??= { impressions: 0, clicked: 0 });
    into.impressions += Number(row.impressions);
    into.clicked += Number(row.clicked);
  }
  expect(measured).toEqual(expectedCtr(sent));
  const installs = await runFleetQuery(clickhouse, 'chain_installs', { from: 0, to });
  expect(installs).toHaveLength(1);
  const install = String(installs[0]!.install_id);
  const chain = await runFleetQuery(clickhouse, 'chain_check', { from: 0, to, first_install: install, last_install: install });
  expect(chain).toHaveLength(1);
  expect(chain[0]).toMatchObject({ gaps_before: [], broken_links: [], edited: [], conflicting: [] });
});

const billing = findSeedConversation(SEED_CONVERSATIONS[0]!.id)!;

test('the Fleet view shows two agents side by side, matches SQL run on the server, parks a refused row, and flags a broken chain', async ({ context, extensionId, serviceWorker, simulator, clickhouse }) => {
  test.setTimeout(180_000);
  // The server's table is older than the extension: it knows no "dismissed" action.
  await clickhouse.query(
    `ALTER TABLE ${FLEET_TABLE} MODIFY COLUMN action Enum8('' = 0, 'impression' = 1, 'open' = 2, 'copy' = 3, 'insert' = 4, 'helpful' = 5, 'not_helpful' = 6)`,
  );
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, fleetSettings(clickhouse, { fleetReadUser: READ_USER.user })));
  const supervisor = await openSupervisor(context, extensionId);
  await sendFromPage(supervisor, 'page/set-fleet-secrets', { insertPassword: INSERT_USER.password, readPassword: READ_USER.password });
  await signInThroughLoginPage(context, () => supervisor.getByTestId('access-sign-in').click(), 'supervisor');
  await expect(supervisor.getByTestId('access')).toHaveAttribute('data-access', 'supervisor');
  // The supervisor page's session is its own: the desktop's recommendations need the agent's.
  await signInAgentFrom(context, supervisor);

  // A scripted session: the desktop's conversation gets recommendations (deliveries with latency).
  const desktop = await openDesktop(context, simulator.origin, billing.id);
  const tabId = await tabIdOf(serviceWorker, desktop);
  await playScript(desktop, billing);
  const shownIds = () =>
    serviceWorker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as { recommendations?: { id: string }[] } | undefined)?.recommendations?.map((item) => item.id) ?? [], `view:${tabId}`);
  await expect.poll(shownIds, { timeout: 15_000 }).toContain(billing.expected.visible[0]);
  const top = billing.expected.visible[0]!;
  const event = (action: EventInput['action'], reason?: string): EventInput => ({ conversationId: billing.id, recommendationId: top, sourceId: 'kb', action, ...(reason !== undefined && { reason }) });
  // The second reason quotes the customer's card number: it leaves the browser masked.
  const quoted = 'customer read out 4111 1111 1111 1111';
  for (const input of [event('impression'), event('open'), event('not_helpful', 'out of date'), event('not_helpful', quoted), event('dismissed'), event('helpful')]) await recordEvent(supervisor, input);

  // Another agent's install, through the same HTTP contract, with a missing entry and an edited one.
  const other = { agentId: 'agent-b', installId: 'install-b', orgId: 'agent-assist-sim' };
  const otherRows = agentRows(other, agentBodies(other, 30, Date.now() - 3_600_000, 3_000_000, seededRandom(3)));
  const edited = otherRows.map((row) => (row.seq === 20 ? { ...row, entry: row.entry.replace('"agentId":"agent-b"', '"agentId":"agent-c"') } : row));
  await insertBatch({ url: clickhouse.url, user: INSERT_USER.user, password: INSERT_USER.password, table: FLEET_TABLE }, edited.filter((row) => row.seq !== 10));

  // The refused row is parked with the server's message; everything else arrived.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const parked = options.getByTestId('fleet-parked-row');
  await expect(parked).toHaveCount(1, { timeout: 30_000 });
  await expect(parked).toContainText("Unknown element 'dismissed'");
  const parkedSeq = Number(await parked.getAttribute('data-seq'));
  await expect(options.getByTestId('fleet-status')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  const reasons = await clickhouse.query(`SELECT reason FROM ${FLEET_TABLE} WHERE reason LIKE 'customer read out%' FORMAT TSV`);
  expect(reasons).toMatch(/^customer read out \S/);
  expect(reasons).not.toContain('4111');
  const { installId } = await fleetStatus(options);
  const later = (await storedEntries(options)).filter((entry) => entry.seq > parkedSeq).map((entry) => entry.seq);
  expect(later.length).toBeGreaterThan(0);
  const arrived = await clickhouse.json<{ seq: string }>(`SELECT seq FROM ${FLEET_TABLE} WHERE install_id = '${installId}' AND seq > ${parkedSeq} ORDER BY seq`);
  expect(arrived.map((row) => Number(row.seq))).toEqual(expect.arrayContaining(later));

  // The Fleet view, as the read-only user, beside SQL run directly on the server.
  await supervisor.reload();
  const loaded = supervisor.getByTestId('fleet-loaded');
  await expect(loaded).toBeVisible({ timeout: 30_000 });
  const params = { from: Number(await loaded.getAttribute('data-from')), to: Number(await loaded.getAttribute('data-to')), bucket: Number(await loaded.getAttribute('data-bucket')) };
  const agentRowsShown = supervisor.getByTestId('fleet-ctr-agent-row');
  await expect(agentRowsShown).toHaveCount(2);
  const byAgent = new Map<string, { impressions: number; clicked: number }>();
  for (const row of await runFleetQuery(clickhouse, 'ctr_by_agent', params)) {
    const into = byAgent.get(String(row.agent_id)) ?? { impressions: 0, clicked: 0 };
    byAgent.set(String(row.agent_id), { impressions: into.impressions + Number(row.impressions), clicked: into.clicked + Number(row.clicked) });
  }
  expect([...byAgent.keys()].sort()).toEqual(['agent-b', AGENT.id].sort());
  for (const [agent, expected] of byAgent) {
    const shown = supervisor.locator(`[data-testid="fleet-ctr-agent-row"][data-key="${agent}"]`);
    await expect(shown).toHaveAttribute('data-impressions', String(expected.impressions));
    await expect(shown).toHaveAttribute('data-clicked', String(expected.clicked));
  }
  const sources = await runFleetQuery(clickhouse, 'ctr_by_source', params);
  const sourceImpressions = new Map<string, number>();
  for (const row of sources) sourceImpressions.set(String(row.source_id), (sourceImpressions.get(String(row.source_id)) ?? 0) + Number(row.impressions));
  await expect(supervisor.getByTestId('fleet-ctr-source-row')).toHaveCount(sourceImpressions.size);
  for (const [source, impressions] of sourceImpressions) await expect(supervisor.locator(`[data-testid="fleet-ctr-source-row"][data-key="${source}"]`)).toHaveAttribute('data-impressions', String(impressions));
  for (const row of await runFleetQuery(clickhouse, 'latency_by_provider', params)) {
    const shown = supervisor.locator(`[data-testid="fleet-latency-row"][data-provider="${String(row.provider)}"]`);
    await expect(shown).toHaveAttribute('data-p50', String(row.p50));
    await expect(shown).toHaveAttribute('data-p95', String(row.p95));
  }
  await expect(supervisor.locator('[data-testid="fleet-reason-row"][data-reason="out of date"]')).toHaveAttribute('data-count', /^[1-9]/);
  const [whatIf] = await runFleetQuery(clickhouse, 'what_if', { ...params, min_score: 0.5, max_age: 30 }).then((rows) => rows.map((row) => ({ would: String(row.would), items: String(row.items) })));
  await supervisor.getByTestId('fleet-what-if-score').fill('0.5');
  await supervisor.getByTestId('fleet-what-if-age').fill('30');
  await expect(supervisor.getByTestId('fleet-what-if-result')).toHaveAttribute('data-would', whatIf!.would);
  await expect(supervisor.getByTestId('fleet-what-if-result')).toHaveAttribute('data-items', whatIf!.items);

  // The chain check lists the other install's missing and edited entries, and this install's parked one as a gap.
  await expect(supervisor.getByTestId('fleet-chain-summary')).toHaveAttribute('data-broken', '2');
  const otherChain = supervisor.locator('[data-testid="fleet-chain-row"][data-install="install-b"]');
  await expect(otherChain).toHaveAttribute('data-ok', 'false');
  await expect(otherChain).toHaveAttribute('data-gaps', '11');
  await expect(otherChain).toHaveAttribute('data-edited', '20');
  await expect(supervisor.locator(`[data-testid="fleet-chain-row"][data-install="${installId}"]`)).toHaveAttribute('data-gaps', String(parkedSeq + 1));
});
