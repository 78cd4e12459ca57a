import type { AuditEntry } from '../shared/audit/audit-entry';
import { createAggregator, type Aggregates } from './audit-aggregates';
import { matchesFilter, type AuditFilter } from './audit-filter';

export interface AgentFacet {
  id: string;
  /** From the agent's latest sign-in entry, when the log still has one. */
  name: string | null;
}

export interface AuditQueryResult {
  /** Sequence numbers of the matching entries, oldest first (the table pages through these). */
  seqs: number[];
  aggregates: Aggregates;
  /** Every agent and provider in the log, for the filter menus. */
  agents: AgentFacet[];
  providers: string[];
  scanned: number;
  first: number | null;
  last: number | null;
}

/**
 * One pass over the log: which entries match, the chart figures over them, and the filter menus.
 * Only sequence numbers are kept per entry, so the table can page through 100,000 matches
 * without holding them; rows are read back by seq when shown.
 */
export async function queryAudit(chunks: AsyncIterable<AuditEntry[]>, filter: AuditFilter, options: { signal?: AbortSignal; onProgress?(scanned: number): void } = {}): Promise<AuditQueryResult> {
  const seqs: number[] = [];
  const aggregator = createAggregator({ from: filter.from, to: filter.to });
  const agents = new Map<string, string | null>();
  const providers = new Set<string>();
  let scanned = 0;
  let first: number | null = null;
  let last: number | null = null;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    for (const entry of chunk) {
      if (entry.agentId) {
        if (entry.kind === 'sign-in' && entry.data.userName) agents.set(entry.agentId, entry.data.userName);
        else if (!agents.has(entry.agentId)) agents.set(entry.agentId, null);
      }
      if (entry.provider) providers.add(entry.provider);
      if (!matchesFilter(entry, filter)) continue;
      seqs.push(entry.seq);
      aggregator.add(entry);
      first = first === null ? entry.time : Math.min(first, entry.time);
      last = last === null ? entry.time : Math.max(last, entry.time);
    }
    scanned += chunk.length;
    options.onProgress?.(scanned);
  }
  return {
    seqs,
    aggregates: aggregator.result(),
    agents: [...agents].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)),
    providers: [...providers].sort(),
    scanned,
    first,
    last,
  };
}
