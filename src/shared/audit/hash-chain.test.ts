import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditBody, type AuditEntry } from './audit-entry';
import { canonicalJson } from './canonical-json';
import { computeHash, createChainVerifier, hashedFields, sealEntries } from './hash-chain';

function body(i: number): AuditBody {
  return { kind: 'sign-in', time: 1_700_000_000_000 + i, agentId: `agent-${i}`, conversationId: null, provider: null, data: { userName: `User ${i}` } };
}

async function chain(n: number): Promise<AuditEntry[]> {
  return sealEntries(null, Array.from({ length: n }, (_, i) => body(i + 1)));
}

async function verify(entries: readonly unknown[], gapsAreBreaks = true, head: { seq: number; hash: string } | null = null) {
  const verifier = createChainVerifier({ gapsAreBreaks });
  for (const entry of entries) await verifier.push(entry);
  return verifier.finish(head);
}

describe('sealEntries', () => {
  it('numbers entries from 1 and hashes prevHash + canonical JSON of the rest (the README algorithm)', async () => {
    const [first, second] = await chain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    // Recomputed independently with Node's crypto, as a third party would.
    const expected = createHash('sha256').update(GENESIS_HASH + canonicalJson(hashedFields(first as unknown as Record<string, unknown>)), 'utf8').digest('hex');
    expect(first!.hash).toBe(expected);
    expect(await computeHash(first!.hash, hashedFields(second as unknown as Record<string, unknown>))).toBe(second!.hash);
  });

  it('continues from a head', async () => {
    const [first] = await chain(1);
    const [next] = await sealEntries({ seq: 1, hash: first!.hash }, [body(2)]);
    expect(next).toMatchObject({ seq: 2, prevHash: first!.hash });
  });
});

describe('createChainVerifier', () => {
  it('accepts an intact chain and names its head', async () => {
    const entries = await chain(5);
    const report = await verify(entries, true, { seq: 5, hash: entries[4]!.hash });
    expect(report).toMatchObject({ ok: true, checked: 5, firstSeq: 1, lastSeq: 5, lastHash: entries[4]!.hash, anchoredStart: true, firstBreak: null });
  });

  it('finds an edited entry (the first broken link)', async () => {
    const entries = await chain(5);
    const edited = structuredClone(entries);
    (edited[2] as { data: { userName: string } }).data.userName = 'Mallory';
    expect((await verify(edited)).firstBreak).toEqual({ seq: 3, reason: 'hash-mismatch' });
  });

  it('finds an edited entry whose hash was recomputed: the next link breaks', async () => {
    const entries = await chain(5);
    const edited = structuredClone(entries) as unknown as Record<string, unknown>[];
    (edited[2]!.data as { userName: string }).userName = 'Mallory';
    edited[2]!.hash = await computeHash(edited[2]!.prevHash as string, hashedFields(edited[2]!));
    expect((await verify(edited)).firstBreak).toEqual({ seq: 4, reason: 'link-mismatch' });
  });

  it('finds a removed entry in the stored log, and lists it as a gap in an export', async () => {
    const entries = await chain(5);
    const cut = entries.filter((entry) => entry.seq !== 3);
    expect((await verify(cut)).firstBreak).toEqual({ seq: 3, reason: 'missing-entries' });
    const asExport = await verify(cut, false);
    expect(asExport).toMatchObject({ ok: true, gaps: [{ from: 3, to: 3 }], gapCount: 1 });
  });

  it('finds entries cut from the start with no retention entry to account for them', async () => {
    const entries = await chain(5);
    const report = await verify(entries.slice(2));
    expect(report.firstBreak).toEqual({ seq: 1, reason: 'missing-entries' });
    expect(report.anchoredStart).toBe(false);
  });

  it('finds entries cut from the end through the stored head', async () => {
    const entries = await chain(5);
    const report = await verify(entries.slice(0, 3), true, { seq: 5, hash: entries[4]!.hash });
    expect(report.firstBreak).toEqual({ seq: 4, reason: 'truncated-tail' });
    expect((await verify([], true, { seq: 5, hash: entries[4]!.hash })).firstBreak).toEqual({ seq: 1, reason: 'truncated-tail' });
  });

  it('finds a stored log whose head record was removed', async () => {
    const entries = await chain(3);
    const verifier = createChainVerifier({ gapsAreBreaks: true });
    for (const entry of entries) await verifier.push(entry);
    expect(verifier.finish(null, true).firstBreak).toEqual({ seq: 3, reason: 'head-mismatch' });
  });

  it('accepts a start anchored by a retention entry later in the chain', async () => {
    const entries = await chain(5);
    const [retention] = await sealEntries({ seq: 5, hash: entries[4]!.hash }, [
      {
        kind: 'retention',
        time: 1,
        agentId: null,
        conversationId: null,
        provider: null,
        data: { retentionDays: 30, cutoff: '2024-01-01T00:00:00.000Z', removedFromSeq: 1, removedThroughSeq: 2, removedCount: 2, anchorHash: entries[1]!.hash },
      },
    ]);
    const kept = [...entries.slice(2), retention!];
    expect(await verify(kept, true, { seq: 6, hash: retention!.hash })).toMatchObject({ ok: true, anchoredStart: true, firstSeq: 3, lastSeq: 6 });
  });

  it('reports malformed, reordered and replaced entries', async () => {
    const entries = await chain(3);
    expect((await verify([entries[0], { seq: 2 }])).firstBreak).toEqual({ seq: 2, reason: 'malformed' });
    expect((await verify([entries[0], entries[2], entries[1]])).firstBreak?.reason).toBe('missing-entries');
    expect((await verify([entries[0], entries[1], entries[1]])).firstBreak).toEqual({ seq: 2, reason: 'out-of-order' });
    const other = await sealEntries({ seq: 1, hash: 'f'.repeat(64) }, [body(9)]);
    expect((await verify([entries[0], other[0]])).firstBreak).toEqual({ seq: 2, reason: 'link-mismatch' });
  });

  it('reports the line of an imported file', async () => {
    const verifier = createChainVerifier({ gapsAreBreaks: false });
    await verifier.push(null, 7);
    expect(verifier.finish().firstBreak).toEqual({ seq: null, reason: 'malformed', line: 7 });
  });
});
