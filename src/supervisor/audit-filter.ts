import type { AuditEntry, AuditKind } from '../shared/audit/audit-entry';

/** The supervisor's filters. Empty strings and nulls mean "any". `to` is exclusive. */
export interface AuditFilter {
  from: number | null;
  to: number | null;
  agentId: string;
  conversationId: string;
  kind: AuditKind | '';
  provider: string;
}

export const EMPTY_FILTER: AuditFilter = { from: null, to: null, agentId: '', conversationId: '', kind: '', provider: '' };

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.from !== null && entry.time < filter.from) return false;
  if (filter.to !== null && entry.time >= filter.to) return false;
  if (filter.agentId && entry.agentId !== filter.agentId) return false;
  if (filter.conversationId && entry.conversationId !== filter.conversationId.trim()) return false;
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.provider && entry.provider !== filter.provider) return false;
  return true;
}

/** `YYYY-MM-DD` (a date input's value) → local midnight, epoch ms; null when empty or invalid. */
export function startOfLocalDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(time) ? null : time;
}

/** The exclusive end of the day a date input names. */
export function endOfLocalDay(value: string): number | null {
  const start = startOfLocalDay(value);
  if (start === null) return null;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}

export function localDate(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `agent-assist-audit_<from>_<to>_<agent>.<ext>`: the range (the filter's, else the first and
 * last matching entries' dates) and the agent (or `all-agents`), safe on every file system.
 */
export function exportFileName(filter: AuditFilter, span: { first: number | null; last: number | null }, format: 'csv' | 'ndjson'): string {
  const from = filter.from ?? span.first;
  const toInclusive = filter.to !== null ? filter.to - 1 : span.last;
  const range = from === null || toInclusive === null ? 'empty' : `${localDate(from)}_${localDate(toInclusive)}`;
  const agent = filter.agentId ? filter.agentId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 64) : 'all-agents';
  const parts = [`agent-assist-audit_${range}_${agent}`];
  if (filter.kind) parts.push(filter.kind);
  return `${parts.join('_')}.${format}`;
}
