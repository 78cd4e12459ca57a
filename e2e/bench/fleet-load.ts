/**
 * Fleet load (docs/fleet.md, docs/performance.md F2/F3): plays N agents' event streams into a
 * ClickHouse server through the same HTTP contract the extension uses (gzip JSONEachRow INSERTs of
 * the same rows, built by the extension's own row mapping from properly hash-chained audit
 * entries). Loopback only.
 *
 *   npx tsx e2e/bench/fleet-load.ts --url http://127.0.0.1:8123 --agents 2000 --entries 50 \
 *     [--user fleet_insert --password …] [--table agent_assist.events] [--concurrency 8]
 */
import { gzipSync } from 'node:zlib';
import type { AuditBody, AuditEntry } from '../../src/shared/audit/audit-entry';
import { toFleetRow, type FleetRow } from '../../src/background/fleet/fleet-rows';
import { sealChain } from '../support/audit-chain';

export interface Agent {
  agentId: string;
  installId: string;
  orgId: string;
}

const PROVIDERS = ['recommendations-query', 'conversation-suggestions'];
const SOURCES = ['kb-billing', 'kb-shipping', 'kb-returns', 'kb-accounts', 'kb-devices', 'kb-general'];
const REASONS = ['out of date', 'wrong topic', 'too long', ''];

/** A small deterministic generator (mulberry32), so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One agent's audit bodies: per conversation turn a delivery (latency, cache hit or miss, scored
 * items), impressions of what was shown, sometimes clicks, ratings and dismissals.
 */
export function agentBodies(agent: Agent, count: number, startMs: number, spanMs: number, random: () => number): AuditBody[] {
  const bodies: AuditBody[] = [];
  const provider = PROVIDERS[Math.floor(random() * PROVIDERS.length)]!;
  let conversation = 0;
  const step = spanMs / Math.max(1, count);
  while (bodies.length < count) {
    conversation += 1;
    const conversationId = `${agent.agentId}-c${conversation}`;
    const time = () => Math.floor(startMs + bodies.length * step);
    const items = Array.from({ length: 5 }, (_, index) => ({
      id: `rec-${Math.floor(random() * 200)}`,
      title: `Article ${index}`,
      sourceId: SOURCES[Math.floor(random() * SOURCES.length)]!,
      score: Math.round(random() * 1000) / 1000,
      publishedDate: random() < 0.8 ? new Date(startMs - random() * 30 * 86_400_000).toISOString() : null,
    }));
    const shown = items.filter((item) => item.score >= 0.5);
    const hidden = items.filter((item) => item.score < 0.5).map((item) => ({ ...item, reason: 'low-score' as const }));
    const cached = random() < 0.3;
    bodies.push({
      kind: 'delivery',
      time: time(),
      agentId: agent.agentId,
      conversationId,
      provider,
      data: {
        channel: 'chat',
        source: cached ? 'cache' : 'provider',
        stale: false,
        latencyMs: cached ? Math.floor(5 + random() * 20) : Math.floor(80 + random() * 900),
        providerMs: cached ? null : Math.floor(60 + random() * 800),
        shownCount: shown.length,
        hiddenCount: hidden.length,
        hiddenReasons: { 'low-score': hidden.length, 'too-old': 0 },
        invalidCount: 0,
        thresholds: { minRelevanceScore: 0.5, maxContentAgeDays: 30 },
        shown,
        hidden,
      },
    });
    for (const item of shown) {
      if (bodies.length >= count) break;
      const action = (name: string, kind: 'impression' | 'click' | 'feedback', reason?: string) => {
        if (bodies.length >= count) return;
        bodies.push({
          kind,
          time: time(),
          agentId: agent.agentId,
          conversationId,
          provider,
          data: { eventId: `${agent.installId}-${bodies.length}`, action: name, recommendationId: item.id, sourceId: item.sourceId, ...(reason !== undefined && { reason }) },
        });
      };
      action('impression', 'impression');
      const roll = random();
      if (roll < 0.25) action(['open', 'copy', 'insert'][Math.floor(random() * 3)]!, 'click');
      if (roll < 0.1) action('helpful', 'feedback');
      else if (roll > 0.93) action('not_helpful', 'feedback', REASONS[Math.floor(random() * REASONS.length)]);
      else if (roll > 0.88) action('dismissed', 'feedback');
    }
  }
  return bodies.slice(0, count);
}

export function agentRows(agent: Agent, bodies: readonly AuditBody[]): FleetRow[] {
  const entries = sealChain(bodies) as unknown as AuditEntry[];
  return entries.map((entry) => toFleetRow(entry, { installId: agent.installId, orgId: agent.orgId }));
}

export interface Target {
  url: string;
  user: string;
  password: string;
  table: string;
}

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`The fleet load script talks to loopback only, not ${host}`);
}

/** A batch's request body as the extension builds it: gzip JSONEachRow. */
export function encodeBatch(rows: readonly object[]): ReturnType<typeof gzipSync> {
  return gzipSync(rows.map((row) => JSON.stringify(row)).join('\n'));
}

/** One INSERT of an encoded batch. */
export async function sendBatch(target: Target, body: ReturnType<typeof gzipSync>): Promise<void> {
  const query = `INSERT INTO ${target.table} FORMAT JSONEachRow`;
  const send = () =>
    fetch(`${target.url}/?input_format_skip_unknown_fields=1&query=${encodeURIComponent(query)}`, {
      method: 'POST',
      headers: { 'Content-Encoding': 'gzip', 'X-ClickHouse-User': target.user, 'X-ClickHouse-Key': target.password },
      body,
    });
  // The server closes idle keep-alive connections after a few seconds; a request that raced that
  // close is sent again, as the extension's sender would (the copy collapses like any retry).
  const response = await send().catch(send);
  if (!response.ok) throw new Error(`ClickHouse ${response.status}: ${(await response.text()).trim()}`);
}

/** One INSERT of rows, gzip JSONEachRow, as the extension sends it. */
export function insertBatch(target: Target, rows: readonly object[]): Promise<void> {
  return sendBatch(target, encodeBatch(rows));
}

export interface LoadResult {
  rows: number;
  batches: number;
  ms: number;
  rowsPerSecond: number;
}

/**
 * Every agent sends its stream in batches of `batch` rows; `concurrency` requests are in flight
 * at once across agents (each agent keeps one in flight, as the extension does). The bodies are
 * built before the clock starts: on a real floor each agent's browser builds its own, on its own
 * machine, so only sending and ingesting share this one.
 */
export async function playAgents(target: Target, streams: readonly FleetRow[][], options: { batch: number; concurrency: number }): Promise<LoadResult> {
  assertLoopback(target.url);
  const batches: FleetRow[][] = [];
  for (const rows of streams) for (let index = 0; index < rows.length; index += options.batch) batches.push(rows.slice(index, index + options.batch));
  // Round-robin over agents, so the server sees many agents' batches interleaved.
  const order = batches.map((rows, index) => ({ rows, index })).sort((a, b) => (a.rows[0]?.seq ?? 0) - (b.rows[0]?.seq ?? 0) || a.index - b.index);
  const bodies = order.map(({ rows }) => encodeBatch(rows));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < bodies.length) await sendBatch(target, bodies[next++]!);
    }),
  );
  const ms = performance.now() - started;
  const rows = streams.reduce((sum, stream) => sum + stream.length, 0);
  return { rows, batches: batches.length, ms, rowsPerSecond: rows / (ms / 1000) };
}

export function makeAgents(count: number, orgId = 'org-load'): Agent[] {
  return Array.from({ length: count }, (_, index) => ({ agentId: `agent-${String(index + 1).padStart(4, '0')}`, installId: `install-${String(index + 1).padStart(4, '0')}`, orgId }));
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<void> {
  const target: Target = {
    url: argument('url', 'http://127.0.0.1:8123'),
    user: argument('user', 'default'),
    password: argument('password', ''),
    table: argument('table', 'agent_assist.events'),
  };
  const agents = makeAgents(Number(argument('agents', '100')));
  const entries = Number(argument('entries', '50'));
  const random = seededRandom(7);
  const now = Date.now();
  const streams = agents.map((agent) => agentRows(agent, agentBodies(agent, entries, now - 86_400_000, 86_400_000, random)));
  const result = await playAgents(target, streams, { batch: Number(argument('batch', '50')), concurrency: Number(argument('concurrency', '8')) });
  console.log(`${result.rows} rows from ${agents.length} agents in ${result.batches} batches: ${Math.round(result.rowsPerSecond)} rows/s`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
