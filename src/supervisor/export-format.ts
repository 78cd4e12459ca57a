import type { AuditEntry } from '../shared/audit/audit-entry';
import { csvField, csvRecord, writeCsvText, type CsvSink } from './csv';
import { isoTimeText } from './iso-time';

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

/**
 * One CSV record into a sink, the columns in CSV_COLUMNS order: an export writes 100,000 of these,
 * and building an array of cells for each was a large part of its time and of its garbage. The
 * cells before `data` are one string, and so are the hashes and the line end; `data` (the entry's
 * JSON, the longest cell and full of quotes) goes to the sink between them, to be quoted there, so
 * the record is one write. Both pieces around it end or start with a comma, so no surrogate pair
 * is split between them.
 */
export function writeCsvLine(entry: AuditEntry, sink: CsvSink): void {
  const head = `${csvField(entry.seq)},${csvField(isoTimeText(entry.time))},${csvField(entry.kind)},${csvField(entry.agentId)},${csvField(entry.conversationId)},${csvField(entry.provider)}`;
  // action … reason: fourteen cells, each after its comma; a kind leaves the others empty.
  let middle: string;
  switch (entry.kind) {
    case 'delivery': {
      const data = entry.data;
      const titles = data.shown.map((item) => item.title).join('\n');
      // action, recommendation_id, source_id empty; shown … served_from; error_status, error_code, correlation_id empty; shown_titles; reason empty.
      middle = `,,,,${csvField(data.shownCount)},${csvField(data.hiddenCount)},${csvField(data.hiddenReasons['low-score'])},${csvField(data.hiddenReasons['too-old'])},${csvField(data.latencyMs)},${csvField(data.source)},,,,${csvField(titles)},`;
      break;
    }
    case 'provider-error': {
      const data = entry.data;
      // action … served_from empty; error_status, error_code, correlation_id; shown_titles empty; reason.
      middle = `,,,,,,,,,,${csvField(data.status)},${csvField(data.code)},${csvField(data.correlationId)},,${csvField(data.message)}`;
      break;
    }
    case 'impression':
    case 'click':
    case 'feedback': {
      const data = entry.data;
      // action, recommendation_id, source_id; shown … shown_titles empty; reason.
      middle = `,${csvField(data.action)},${csvField(data.recommendationId)},${csvField(data.sourceId)},,,,,,,,,,,${csvField(data.reason)}`;
      break;
    }
    default:
      middle = ',,,,,,,,,,,,,,';
  }
  const tail = `,${csvField(entry.prevHash)},${csvField(entry.hash)}\r\n`;
  // JSON.stringify gives undefined for no data, which csvField wrote as an empty cell.
  const data = JSON.stringify(entry.data) as string | undefined;
  if (data === undefined) sink.write(`${head}${middle},${tail}`);
  else writeCsvText(sink, data, `${head}${middle},`, tail);
}

export function ndjsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}
