import type { AuditEntry } from '../shared/audit/audit-entry';
import { csvRecord, type CsvCell } from './csv';

/**
 * How an entry is written to each export format. NDJSON lines are the stored entries exactly
 * (so the chain can be verified from the file, README "Audit log"); CSV flattens the fields a
 * spreadsheet reader needs into columns and keeps the whole entry's data as JSON in `data`.
 */
export const CSV_COLUMNS = [
  'seq',
  'time',
  'kind',
  'agent_id',
  'conversation_id',
  'provider',
  'action',
  'recommendation_id',
  'source_id',
  'shown',
  'hidden',
  'hidden_low_score',
  'hidden_too_old',
  'latency_ms',
  'served_from',
  'error_status',
  'error_code',
  'correlation_id',
  'shown_titles',
  'reason',
  'data',
  'prev_hash',
  'hash',
] as const;

export const CSV_HEADER = csvRecord(CSV_COLUMNS);

function isoTime(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

export function csvCells(entry: AuditEntry): CsvCell[] {
  const common = [entry.seq, isoTime(entry.time), entry.kind, entry.agentId, entry.conversationId, entry.provider] as CsvCell[];
  let action: CsvCell = null;
  let recommendationId: CsvCell = null;
  let sourceId: CsvCell = null;
  let shown: CsvCell = null;
  let hidden: CsvCell = null;
  let lowScore: CsvCell = null;
  let tooOld: CsvCell = null;
  let latency: CsvCell = null;
  let servedFrom: CsvCell = null;
  let status: CsvCell = null;
  let code: CsvCell = null;
  let correlationId: CsvCell = null;
  let titles: CsvCell = null;
  let reason: CsvCell = null;
  switch (entry.kind) {
    case 'delivery':
      shown = entry.data.shownCount;
      hidden = entry.data.hiddenCount;
      lowScore = entry.data.hiddenReasons['low-score'];
      tooOld = entry.data.hiddenReasons['too-old'];
      latency = entry.data.latencyMs;
      servedFrom = entry.data.source;
      titles = entry.data.shown.map((item) => item.title).join('\n');
      break;
    case 'provider-error':
      status = entry.data.status;
      code = entry.data.code;
      correlationId = entry.data.correlationId;
      reason = entry.data.message;
      break;
    case 'impression':
    case 'click':
    case 'feedback':
      action = entry.data.action;
      recommendationId = entry.data.recommendationId;
      sourceId = entry.data.sourceId;
      reason = entry.data.reason ?? null;
      break;
    default:
      break;
  }
  return [...common, action, recommendationId, sourceId, shown, hidden, lowScore, tooOld, latency, servedFrom, status, code, correlationId, titles, reason, JSON.stringify(entry.data), entry.prevHash, entry.hash];
}

export function csvLine(entry: AuditEntry): string {
  return csvRecord(csvCells(entry));
}

export function ndjsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}
