import type { AuditBody, AuditEntry, ChainHead, RetentionData } from '../../shared/audit/audit-entry';
import type { AuditHealth } from '../../shared/audit/audit-health';
import { commitEntries, commitRetention, countOlderThan, HeadMovedError, oldPrefix, readHead } from '../../shared/audit/audit-store';
import { sealEntries } from '../../shared/audit/hash-chain';
import { createSerialQueue } from '../serial-queue';

/**
 * The audit log's only writer. Appends are group-committed: whatever arrives while a write is in
 * flight goes into the next transaction, so a burst of events costs one IndexedDB transaction,
 * yet no entry waits on a timer. `append` resolves once its entries are durable, and the event
 * hub awaits it, so a worker killed after an event was acknowledged has already written it.
 * Everything that moves the head (appends, retention) runs one at a time.
 */


export interface AuditWriterDeps {
  db(): Promise<IDBDatabase>;
  /** Called when writing starts failing, and again when it recovers. */
  onHealth?(health: AuditHealth): void | Promise<void>;
  /** Called after entries are committed (the fleet sender reads them from the log). */
  onCommitted?(entries: readonly AuditEntry[]): void;
  now?: () => number;
}

export interface AppendRequest {
  bodies: AuditBody[];
  /** tabId → view `updatedAt` now audited (null forgets the tab). */
  views?: Record<string, number | null>;
}

export interface RetentionOutcome {
  removed: number;
  entry: AuditEntry | null;
}

interface Pending extends AppendRequest {
  resolve(written: boolean): void;
}

const DAY_MS = 86_400_000;

function describe(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function createAuditWriter(deps: AuditWriterDeps) {
  const now = deps.now ?? Date.now;
  let head: ChainHead | null | undefined; // undefined: not read yet in this worker's life
  let pending: Pending[] = [];
  let flushing = false;
  const chain = createSerialQueue();
  let health: AuditHealth = { ok: true, failedEntries: 0, lastError: null, since: null, at: 0 };

  async function currentHead(db: IDBDatabase): Promise<ChainHead | null> {
    if (head === undefined) head = await readHead(db);
    return head;
  }

  async function report(next: AuditHealth): Promise<void> {
    health = next;
    try {
      await deps.onHealth?.(next);
    } catch (error) {
      console.warn('[agent-assist] could not report audit health', error);
    }
  }

  /** Seals and commits; retries once on a moved head (the chain is re-read, never forked). */
  async function write(bodies: AuditBody[], views: Record<string, number | null>): Promise<void> {
    const db = await deps.db();
    for (let attempt = 1; ; attempt++) {
      const expected = await currentHead(db);
      const sealed = await sealEntries(expected, bodies);
      try {
        await commitEntries(db, sealed, expected, views);
        const last = sealed.at(-1);
        if (last) head = { seq: last.seq, hash: last.hash };
        deps.onCommitted?.(sealed);
        return;
      } catch (error) {
        head = undefined;
        if (!(error instanceof HeadMovedError) || attempt >= 3) throw error;
      }
    }
  }

  /** Runs `task` after everything queued before it: appends and retention both move the head. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    return chain.run('head', task);
  }

  async function flush(): Promise<void> {
    flushing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const bodies = batch.flatMap((item) => item.bodies);
      const views = Object.assign({}, ...batch.map((item) => item.views ?? {})) as Record<string, number | null>;
      let written = false;
      try {
        await exclusive(() => write(bodies, views));
        written = true;
        if (!health.ok) await report({ ok: true, failedEntries: 0, lastError: null, since: null, at: now() });
      } catch (error) {
        // Quota and other storage failures are reported, never thrown at the event's emitter:
        // the agent's work goes on, and the supervisor page says what the log is missing.
        console.error('[agent-assist] audit write failed', error);
        await report({
          ok: false,
          failedEntries: health.failedEntries + bodies.length,
          lastError: describe(error),
          since: health.since ?? now(),
          at: now(),
        });
      }
      for (const item of batch) item.resolve(written);
    }
    flushing = false;
  }

  /** Resolves true once the entries are committed, false when they could not be (reported via onHealth). */
  function append(request: AppendRequest): Promise<boolean> {
    if (request.bodies.length === 0 && !request.views) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      pending.push({ ...request, resolve });
      if (!flushing) void flush();
    });
  }

  /**
   * Removes the entries at the start of the chain older than `retentionDays` and appends the
   * `retention` entry anchoring what is left, in one transaction.
   */
  function applyRetention(retentionDays: number): Promise<RetentionOutcome> {
    return exclusive(async () => {
      const db = await deps.db();
      const at = now();
      const cutoff = at - retentionDays * DAY_MS;
      // The usual case, at every worker start: nothing is old. The time index says so cheaply.
      if ((await countOlderThan(db, cutoff)) === 0) return { removed: 0, entry: null };
      for (let attempt = 1; ; attempt++) {
        const expected = await currentHead(db);
        const prefix = await oldPrefix(db, cutoff);
        if (!prefix || !expected) return { removed: 0, entry: null };
        const data: RetentionData = {
          retentionDays,
          cutoff: new Date(cutoff).toISOString(),
          removedFromSeq: prefix.fromSeq,
          removedThroughSeq: prefix.last.seq,
          removedCount: prefix.count,
          anchorHash: prefix.last.hash,
        };
        const [entry] = await sealEntries(expected, [{ kind: 'retention', time: at, agentId: null, conversationId: null, provider: null, data }]);
        try {
          await commitRetention(db, prefix.fromSeq, prefix.last.seq, entry!, expected);
          head = { seq: entry!.seq, hash: entry!.hash };
          return { removed: prefix.count, entry: entry! };
        } catch (error) {
          head = undefined;
          if (!(error instanceof HeadMovedError) || attempt >= 3) throw error;
        }
      }
    });
  }

  return { append, applyRetention, health: () => health };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
export type { AuditHealth };
