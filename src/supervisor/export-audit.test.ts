import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditBody, AuditEntry } from '../shared/audit/audit-entry';
import { sealEntries } from '../shared/audit/hash-chain';
import { EMPTY_FILTER, exportFileName, matchesFilter, startOfLocalDay, endOfLocalDay } from './audit-filter';
import { exportAudit } from './export-audit';
import { CSV_COLUMNS } from './export-format';
import { verifyExportFile } from './verify-export-file';

const T0 = new Date(2026, 2, 3, 10, 0).getTime();

function bodies(): AuditBody[] {
  const item = { id: 'billing-double-charge', title: 'Double charge, "refund", steps\nline two', sourceId: 'kb-billing', score: 0.91, publishedDate: '2026-03-01T00:00:00Z' };
  return [
    { kind: 'sign-in', time: T0, agentId: 'agent-1', conversationId: null, provider: null, data: { userName: 'Alex Agent' } },
    {
      kind: 'delivery',
      time: T0 + 1000,
      agentId: 'agent-1',
      conversationId: 'conv-1',
      provider: 'recommendations-query',
      data: {
        channel: 'chat',
        source: 'provider',
        stale: false,
        latencyMs: 420,
        providerMs: 300,
        shownCount: 1,
        hiddenCount: 1,
        hiddenReasons: { 'low-score': 1, 'too-old': 0 },
        invalidCount: 0,
        thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 },
        shown: [item],
        hidden: [{ ...item, id: 'x', score: 0.5, reason: 'low-score' }],
      },
    },
    { kind: 'feedback', time: T0 + 2000, agentId: 'agent-1', conversationId: 'conv-1', provider: 'recommendations-query', data: { eventId: 'e1', action: 'not_helpful', recommendationId: 'billing-double-charge', sourceId: 'kb-billing', reason: '=cmd|" /C calc"!A0, ünï 😀' } },
    { kind: 'click', time: T0 + 86_400_000 * 2, agentId: 'agent-2', conversationId: 'conv-2', provider: 'recommendations-query', data: { eventId: 'e2', action: 'open', recommendationId: 'r', sourceId: 'kb-devices' } },
  ];
}

async function* chunksOf(entries: AuditEntry[], size: number): AsyncGenerator<AuditEntry[]> {
  for (let i = 0; i < entries.length; i += size) yield entries.slice(i, i + size);
}

describe('exportAudit', () => {
  it('writes CSV a real parser reads back: header, one row per entry, data intact, formulas neutralised', async () => {
    const entries = await sealEntries(null, bodies());
    const progress: number[] = [];
    const { blob, written } = await exportAudit({ chunks: chunksOf(entries, 3), total: entries.length, filter: EMPTY_FILTER, format: 'csv', onProgress: (p) => progress.push(p.scanned) });
    expect(written).toBe(4);
    expect(progress).toEqual([3, 4]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM Excel needs
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFseq,time,kind,')).toBe(true);
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row.kind)).toEqual(['sign-in', 'delivery', 'feedback', 'click']);
    expect(rows[1]).toMatchObject({ shown: '1', hidden: '1', hidden_low_score: '1', latency_ms: '420', served_from: 'provider', shown_titles: 'Double charge, "refund", steps\nline two' });
    expect(JSON.parse(rows[1]!.data!)).toEqual(entries[1]!.data);
    expect(rows[2]!.reason).toBe(`'=cmd|" /C calc"!A0, ünï 😀`);
    expect(rows[3]).toMatchObject({ seq: '4', hash: entries[3]!.hash, prev_hash: entries[2]!.hash });
  });

  it('writes NDJSON whose lines are the stored entries, and the file verifies', async () => {
    const entries = await sealEntries(null, bodies());
    const { blob } = await exportAudit({ chunks: chunksOf(entries, 2), total: 4, filter: EMPTY_FILTER, format: 'ndjson' });
    const lines = (await blob.text()).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(entries);
    expect(await verifyExportFile(blob.stream())).toMatchObject({ ok: true, checked: 4, lines: 4, gapCount: 0 });
  });

  it('exports only matching entries; a filtered file lists its gaps but still verifies', async () => {
    const entries = await sealEntries(null, bodies());
    const filter = { ...EMPTY_FILTER, agentId: 'agent-1', kind: 'feedback' as const };
    const { blob, written } = await exportAudit({ chunks: chunksOf(entries, 10), total: 4, filter, format: 'ndjson' });
    expect(written).toBe(1);
    expect(await verifyExportFile(blob.stream())).toMatchObject({ ok: true, checked: 1, gaps: [{ from: 1, to: 2 }] });
  });

  it('fails, with the reading error, when a read fails part-way: no file of the entries before it', async () => {
    const entries = await sealEntries(null, bodies());
    async function* failing(): AsyncGenerator<AuditEntry[]> {
      yield entries.slice(0, 2);
      throw new DOMException('The read failed', 'UnknownError');
    }
    const run = exportAudit({ chunks: failing(), total: 4, filter: EMPTY_FILTER, format: 'csv' });
    await expect(run).rejects.toMatchObject({ name: 'UnknownError', message: 'The read failed' });
  });

  it('takes the total from a count still pending when the first read starts', async () => {
    const entries = await sealEntries(null, bodies());
    let count!: (total: number) => void;
    const counted = new Promise<number>((resolve) => (count = resolve));
    const totals: number[] = [];
    const run = exportAudit({ chunks: chunksOf(entries, 2), total: counted, filter: EMPTY_FILTER, format: 'ndjson', onProgress: (p) => totals.push(p.total) });
    count(4);
    expect((await run).written).toBe(4);
    expect(totals).toEqual([4, 4]);
  });

  it('fails when the count fails', async () => {
    const entries = await sealEntries(null, bodies());
    const run = exportAudit({ chunks: chunksOf(entries, 2), total: Promise.reject(new DOMException('The count failed', 'UnknownError')), filter: EMPTY_FILTER, format: 'csv' });
    await expect(run).rejects.toMatchObject({ message: 'The count failed' });
  });

  it('fails with the reading error when the first read fails and the count fails after it', async () => {
    async function* failing(): AsyncGenerator<AuditEntry[]> {
      await Promise.resolve();
      throw new DOMException('The read failed', 'UnknownError');
    }
    let fail!: (error: Error) => void;
    const counted = new Promise<number>((_resolve, reject) => (fail = reject));
    const run = exportAudit({ chunks: failing(), total: counted, filter: EMPTY_FILTER, format: 'csv' });
    await expect(run).rejects.toMatchObject({ message: 'The read failed' });
    // Rejected with no one waiting on it: the test run fails on an unhandled rejection if the export does not hold it.
    fail(new Error('The count failed'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('stops when cancelled', async () => {
    const entries = await sealEntries(null, bodies());
    const controller = new AbortController();
    const run = exportAudit({ chunks: chunksOf(entries, 1), total: 4, filter: EMPTY_FILTER, format: 'csv', signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('verifyExportFile', () => {
  async function file(entries: unknown[]): Promise<ReadableStream<Uint8Array>> {
    return new Blob(entries.map((entry) => `${typeof entry === 'string' ? entry : JSON.stringify(entry)}\n`)).stream();
  }

  it('names the line and seq of an edited entry', async () => {
    const entries = await sealEntries(null, bodies());
    const edited = structuredClone(entries);
    (edited[1]!.data as { shownCount: number }).shownCount = 0;
    expect((await verifyExportFile(await file(edited))).firstBreak).toEqual({ seq: 2, reason: 'hash-mismatch', line: 2 });
  });

  it('reports a line that is not JSON', async () => {
    const entries = await sealEntries(null, bodies());
    expect((await verifyExportFile(await file([entries[0], '{oops']))).firstBreak).toEqual({ seq: null, reason: 'malformed', line: 2 });
  });

  it('reads lines split across chunks and multi-byte characters split across bytes', async () => {
    const entries = await sealEntries(null, bodies());
    const bytes = new TextEncoder().encode(entries.map((entry) => JSON.stringify(entry)).join('\r\n'));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
    expect(await verifyExportFile(stream)).toMatchObject({ ok: true, checked: 4 });
  });
});

describe('filters and file names', () => {
  it('matches by range, agent, conversation, kind and provider', async () => {
    const [signIn, delivery] = await sealEntries(null, bodies());
    expect(matchesFilter(delivery!, { ...EMPTY_FILTER, conversationId: ' conv-1 ' })).toBe(true);
    expect(matchesFilter(signIn!, { ...EMPTY_FILTER, conversationId: 'conv-1' })).toBe(false);
    expect(matchesFilter(delivery!, { ...EMPTY_FILTER, from: T0 + 1000, to: T0 + 1001 })).toBe(true);
    expect(matchesFilter(delivery!, { ...EMPTY_FILTER, to: T0 + 1000 })).toBe(false);
    expect(matchesFilter(delivery!, { ...EMPTY_FILTER, provider: 'conversation-suggestions' })).toBe(false);
  });

  it('turns date inputs into local day bounds', () => {
    expect(startOfLocalDay('2026-03-03')).toBe(new Date(2026, 2, 3).getTime());
    expect(endOfLocalDay('2026-03-03')).toBe(new Date(2026, 2, 4).getTime());
    expect(startOfLocalDay('')).toBeNull();
    expect(startOfLocalDay('03/03/2026')).toBeNull();
  });

  it('names files after the range and the agent', () => {
    const span = { first: T0, last: T0 + 86_400_000 * 2 };
    expect(exportFileName(EMPTY_FILTER, span, 'csv')).toBe('agent-assist-audit_2026-03-03_2026-03-05_all-agents.csv');
    const filter = { ...EMPTY_FILTER, from: startOfLocalDay('2026-03-01'), to: endOfLocalDay('2026-03-31'), agentId: 'a/b c' };
    expect(exportFileName(filter, span, 'ndjson')).toBe('agent-assist-audit_2026-03-01_2026-03-31_a-b-c.ndjson');
    expect(exportFileName({ ...EMPTY_FILTER, kind: 'click' }, { first: null, last: null }, 'csv')).toBe('agent-assist-audit_empty_all-agents_click.csv');
  });
});
