import { GENESIS_HASH, type AuditBody, type AuditEntry, type ChainHead } from './audit-entry';
import { canonicalJson } from './canonical-json';

/**
 * The audit log's hash chain (README "Audit log"): each entry carries `seq`, `prevHash` (the
 * previous entry's hash; 64 zeros for seq 1) and
 *   hash = hex(SHA-256(UTF-8(prevHash + canonicalJson(entry without prevHash and hash))))
 * so editing, removing or reordering an entry breaks every link after it. Retention removes whole
 * entries from the start and appends a `retention` entry whose `anchorHash` is the `prevHash` the
 * first remaining entry links to, so the shortened chain still proves itself.
 *
 * Honest limit: the chain has no secret. Someone who rewrites an entry *and* recomputes every
 * later hash (and the stored head) is caught only by comparing the head hash with one noted
 * elsewhere (the supervisor page shows it for that purpose).
 */

const HEX = /^[0-9a-f]{64}$/;
const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The hashed part of an entry: everything but `prevHash` and `hash`. */
export function hashedFields(entry: Record<string, unknown>): Record<string, unknown> {
  const { prevHash: _prevHash, hash: _hash, ...rest } = entry;
  return rest;
}

export async function computeHash(prevHash: string, fields: Record<string, unknown>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(prevHash + canonicalJson(fields)));
  return toHex(digest);
}

/** Gives each body the next sequence number and links it to the chain's current head. */
export async function sealEntries(head: ChainHead | null, bodies: readonly AuditBody[]): Promise<AuditEntry[]> {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const sealed: AuditEntry[] = [];
  for (const body of bodies) {
    seq += 1;
    // seq first, so exported lines read naturally; key order does not matter to the hash.
    const fields = { seq, ...body } as Record<string, unknown>;
    const hash = await computeHash(prevHash, fields);
    sealed.push({ ...fields, prevHash, hash } as AuditEntry);
    prevHash = hash;
  }
  return sealed;
}

export type ChainBreakReason =
  | 'malformed' // not an entry: no seq, prevHash or hash of the right form
  | 'out-of-order' // seq not increasing
  | 'hash-mismatch' // the entry's content does not give its hash: edited
  | 'link-mismatch' // prevHash is not the previous entry's hash: an entry was replaced
  | 'missing-entries' // a gap in seq (a removal), or a start no retention entry accounts for
  | 'truncated-tail' // the stored head is later than the last entry
  | 'head-mismatch'; // the last entry is not the one the stored head names

export interface ChainBreak {
  /** The first sequence number concerned (null for an unreadable line). */
  seq: number | null;
  /** 1-based line of an imported file, when verifying one. */
  line?: number;
  reason: ChainBreakReason;
}

export interface SeqGap {
  from: number;
  to: number;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  /** The start is seq 1, or a retention entry in the chain anchors it. */
  anchoredStart: boolean;
  /** Ranges of seq not present (an export of filtered entries has them; the stored log must not). */
  gaps: SeqGap[];
  gapCount: number;
  firstBreak: ChainBreak | null;
}

export interface VerifierOptions {
  /** The stored log: true (any gap or unanchored start is a break). An export file: false (gaps are listed). */
  gapsAreBreaks: boolean;
}

const MAX_LISTED_GAPS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks entries one at a time, in order, without keeping them: a 100,000-line export or the
 * whole stored log goes through in constant memory.
 */
export function createChainVerifier(options: VerifierOptions) {
  let checked = 0;
  let firstSeq: number | null = null;
  let firstPrevHash: string | null = null;
  let last: { seq: number; hash: string } | null = null;
  let anchoredStart = false;
  let firstBreak: ChainBreak | null = null;
  const gaps: SeqGap[] = [];
  let gapCount = 0;

  function breakAt(found: ChainBreak): void {
    if (firstBreak === null || (found.seq ?? Infinity) < (firstBreak.seq ?? Infinity)) firstBreak = found;
  }

  async function push(raw: unknown, line?: number): Promise<void> {
    const at = line === undefined ? {} : { line };
    checked += 1;
    if (!isRecord(raw) || !Number.isSafeInteger(raw.seq) || (raw.seq as number) < 1 || typeof raw.prevHash !== 'string' || !HEX.test(raw.prevHash) || typeof raw.hash !== 'string' || !HEX.test(raw.hash)) {
      breakAt({ seq: isRecord(raw) && Number.isSafeInteger(raw.seq) ? (raw.seq as number) : null, reason: 'malformed', ...at });
      return;
    }
    const seq = raw.seq as number;
    const prevHash = raw.prevHash;
    if (last === null) {
      firstSeq = seq;
      firstPrevHash = prevHash;
      if (seq === 1) {
        anchoredStart = prevHash === GENESIS_HASH;
        if (!anchoredStart) breakAt({ seq, reason: 'link-mismatch', ...at });
      }
    } else if (seq <= last.seq) {
      breakAt({ seq, reason: 'out-of-order', ...at });
      return;
    } else if (seq === last.seq + 1) {
      if (prevHash !== last.hash) breakAt({ seq, reason: 'link-mismatch', ...at });
    } else {
      gapCount += 1;
      if (gaps.length < MAX_LISTED_GAPS) gaps.push({ from: last.seq + 1, to: seq - 1 });
      if (options.gapsAreBreaks) breakAt({ seq: last.seq + 1, reason: 'missing-entries', ...at });
    }
    const expected = await computeHash(prevHash, hashedFields(raw));
    if (expected !== raw.hash) breakAt({ seq, reason: 'hash-mismatch', ...at });
    if (raw.kind === 'retention' && isRecord(raw.data) && firstSeq !== null && raw.data.removedThroughSeq === firstSeq - 1 && raw.data.anchorHash === firstPrevHash) {
      anchoredStart = true;
    }
    last = { seq, hash: raw.hash };
  }

  /**
   * `head`: the stored log's recorded head, to catch entries cut from the end. `requireHead`: the
   * stored log always has one once it has entries, so a missing head means it was removed.
   */
  function finish(head: ChainHead | null = null, requireHead = false): ChainReport {
    if (firstSeq !== null && firstSeq > 1 && !anchoredStart) {
      gapCount += 1;
      gaps.unshift({ from: 1, to: firstSeq - 1 });
      if (options.gapsAreBreaks) breakAt({ seq: 1, reason: 'missing-entries' });
    }
    if (!head && requireHead && last !== null) breakAt({ seq: last.seq, reason: 'head-mismatch' });
    if (head) {
      if (last === null || last.seq < head.seq) breakAt({ seq: (last?.seq ?? 0) + 1, reason: 'truncated-tail' });
      else if (last.seq !== head.seq || last.hash !== head.hash) breakAt({ seq: Math.min(last.seq, head.seq), reason: 'head-mismatch' });
    }
    return {
      ok: firstBreak === null,
      checked,
      firstSeq,
      lastSeq: last?.seq ?? null,
      lastHash: last?.hash ?? null,
      anchoredStart,
      gaps,
      gapCount,
      firstBreak,
    };
  }

  return { push, finish };
}
