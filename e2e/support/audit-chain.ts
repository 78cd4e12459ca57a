import { createHash } from 'node:crypto';

/**
 * An independent implementation of the README's "Audit log" algorithm, in Node, sharing no code
 * with the extension: what a third party would write to check an NDJSON export. Tests use it to
 * prove exports verify outside the extension, and to seed old entries for retention.
 */
export const GENESIS = '0'.repeat(64);

export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`;
}

export function entryHash(entry: Record<string, unknown>): string {
  const { prevHash, hash: _hash, ...fields } = entry;
  return createHash('sha256')
    .update(String(prevHash) + canonical(fields), 'utf8')
    .digest('hex');
}

/** First problem found in NDJSON text, or null: each hash, and links between consecutive seqs. */
export function verifyNdjson(text: string): { count: number; problem: string | null } {
  let previous: { seq: number; hash: string } | null = null;
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line) as Record<string, unknown> & { seq: number; prevHash: string; hash: string };
    count += 1;
    if (entryHash(entry) !== entry.hash) return { count, problem: `hash of seq ${entry.seq}` };
    if (previous && entry.seq === previous.seq + 1 && entry.prevHash !== previous.hash) return { count, problem: `link at seq ${entry.seq}` };
    if (!previous && entry.seq === 1 && entry.prevHash !== GENESIS) return { count, problem: 'genesis' };
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return { count, problem: null };
}

/** Seals bodies into a chain from seq 1 (for seeding a log in tests). */
export function sealChain(bodies: readonly Record<string, unknown>[]): (Record<string, unknown> & { seq: number; hash: string })[] {
  let prevHash = GENESIS;
  return bodies.map((body, index) => {
    const fields = { seq: index + 1, ...body };
    const hash = entryHash({ ...fields, prevHash });
    const entry = { ...fields, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}
