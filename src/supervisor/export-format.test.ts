import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../shared/audit/audit-entry';
import { BlobWriter } from './blob-writer';
import { CSV_COLUMNS, writeCsvLine } from './export-format';

/**
 * The CSV record as the export first wrote it: every column as a cell, each cell through the
 * regular-expression escaping, joined with commas. writeCsvLine writes the record directly and
 * must give exactly these bytes.
 */
type Cell = string | number | boolean | null | undefined;

function referenceField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function referenceLine(entry: AuditEntry): string {
  const time = Number.isNaN(new Date(entry.time).getTime()) ? String(entry.time) : new Date(entry.time).toISOString();
  const cells: Record<(typeof CSV_COLUMNS)[number], Cell> = {
    seq: entry.seq, time, kind: entry.kind, agent_id: entry.agentId, conversation_id: entry.conversationId, provider: entry.provider,
    action: null, recommendation_id: null, source_id: null, shown: null, hidden: null, hidden_low_score: null, hidden_too_old: null,
    latency_ms: null, served_from: null, error_status: null, error_code: null, correlation_id: null, shown_titles: null, reason: null,
    data: JSON.stringify(entry.data), prev_hash: entry.prevHash, hash: entry.hash,
  };
  switch (entry.kind) {
    case 'delivery':
      Object.assign(cells, {
        shown: entry.data.shownCount, hidden: entry.data.hiddenCount, hidden_low_score: entry.data.hiddenReasons['low-score'], hidden_too_old: entry.data.hiddenReasons['too-old'],
        latency_ms: entry.data.latencyMs, served_from: entry.data.source, shown_titles: entry.data.shown.map((item) => item.title).join('\n'),
      });
      break;
    case 'provider-error':
      Object.assign(cells, { error_status: entry.data.status, error_code: entry.data.code, correlation_id: entry.data.correlationId, reason: entry.data.message });
      break;
    case 'impression':
    case 'click':
    case 'feedback':
      Object.assign(cells, { action: entry.data.action, recommendation_id: entry.data.recommendationId, source_id: entry.data.sourceId, reason: entry.data.reason ?? null });
      break;
    default:
      break;
  }
  return `${CSV_COLUMNS.map((column) => referenceField(cells[column])).join(',')}\r\n`;
}

const chain = { prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
const item = (title: string) => ({ id: 'i', title, sourceId: 'kb', score: 0.9, publishedDate: null });
const ENTRIES: AuditEntry[] = [
  { seq: 1, time: Date.UTC(2026, 0, 2), kind: 'sign-in', agentId: '=agent', conversationId: null, provider: null, data: { userName: 'A, "B"' }, ...chain },
  { seq: 2, time: Number.NaN, kind: 'sign-out', agentId: null, conversationId: null, provider: null, data: { userName: null }, ...chain },
  {
    seq: 3, time: 1, kind: 'delivery', agentId: 'a', conversationId: '-c', provider: '@p',
    data: {
      channel: null, source: null, stale: true, latencyMs: null, providerMs: null, shownCount: 2, hiddenCount: 0, hiddenReasons: { 'low-score': 0, 'too-old': 0 }, invalidCount: 0,
      thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 }, shown: [item('+one, "two"'), item('three\r\nfour')], hidden: [],
    },
    ...chain,
  },
  {
    seq: 4, time: 2, kind: 'delivery', agentId: 'a', conversationId: 'c', provider: 'p',
    data: {
      channel: 'chat', source: 'cache', stale: false, latencyMs: 40, providerMs: 30, shownCount: 0, hiddenCount: 1, hiddenReasons: { 'low-score': 1, 'too-old': 0 }, invalidCount: 0,
      thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 }, shown: [], hidden: [{ ...item('h'), reason: 'low-score' }],
    },
    ...chain,
  },
  { seq: 5, time: 3, kind: 'provider-error', agentId: 'a', conversationId: 'c', provider: 'p', data: { errorKind: 'http', message: '\tbad "gateway"\n', status: 502, code: null, correlationId: 'x,y', stale: false }, ...chain },
  { seq: 6, time: 4, kind: 'impression', agentId: 'a', conversationId: 'c', provider: 'p', data: { eventId: 'e', action: 'impression', recommendationId: 'r', sourceId: 's' }, ...chain },
  { seq: 7, time: 5, kind: 'click', agentId: 'a', conversationId: 'c', provider: 'p', data: { eventId: 'e', action: 'open', recommendationId: '=r', sourceId: 's', reason: '' }, ...chain },
  { seq: 8, time: 6, kind: 'feedback', agentId: 'a', conversationId: 'c', provider: 'p', data: { eventId: 'e', action: 'not_helpful', recommendationId: 'r', sourceId: 's', reason: '=cmd|" /C calc"!A0, ünï 😀 \uD800' }, ...chain },
  { seq: 9, time: 7, kind: 'settings-changed', agentId: null, conversationId: null, provider: null, data: { keys: ['a'], values: { a: '=1' } }, ...chain },
  {
    seq: 10, time: 8, kind: 'retention', agentId: null, conversationId: null, provider: null,
    data: { retentionDays: 30, cutoff: '2026-01-01T00:00:00.000Z', removedFromSeq: 1, removedThroughSeq: 2, removedCount: 2, anchorHash: 'b'.repeat(64) },
    ...chain,
  },
];

/** The bytes writeCsvLine gives for these entries through a BlobWriter of `capacity` bytes. */
async function csvBytes(entries: readonly AuditEntry[], capacity?: number): Promise<Uint8Array> {
  const writer = new BlobWriter(capacity);
  for (const entry of entries) writeCsvLine(entry, writer);
  return new Uint8Array(await writer.finish('text/csv').arrayBuffer());
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('writeCsvLine', () => {
  it.each(ENTRIES.map((entry) => [`${entry.seq} ${entry.kind}`, entry] as const))('writes %s exactly as the cell-by-cell record', async (_name, entry) => {
    expect(await csvBytes([entry])).toEqual(utf8(referenceLine(entry)));
  });

  it('gives the same bytes when the buffer refills mid-record and the data cell is longer than all of it', async () => {
    // 64 bytes: every delivery's data is longer than the buffer, most other pieces refill it.
    expect(await csvBytes(ENTRIES, 64)).toEqual(utf8(ENTRIES.map(referenceLine).join('')));
  });

  it('writes one cell per column', async () => {
    // Unquoted commas only: an entry none of whose cells needs quotes.
    const line = new TextDecoder().decode(await csvBytes([{ ...ENTRIES[5]!, data: {} as never }]));
    expect(line.slice(0, -2).split(',')).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes an entry without data with an empty data cell', async () => {
    const entry = { ...ENTRIES[1]!, data: undefined as never };
    expect(await csvBytes([entry])).toEqual(utf8(referenceLine(entry)));
  });
});
