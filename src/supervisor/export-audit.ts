import type { AuditEntry } from '../shared/audit/audit-entry';
import { matchesFilter, type AuditFilter } from './audit-filter';
import { UTF8_BOM } from './csv';
import { CSV_HEADER, csvLine, ndjsonLine } from './export-format';

export type ExportFormat = 'csv' | 'ndjson';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  ndjson: 'application/x-ndjson',
};

export interface ExportProgress {
  scanned: number;
  total: number;
  written: number;
}

export interface ExportOptions {
  chunks: AsyncIterable<AuditEntry[]>;
  /** Entries in the log, for the progress bar. */
  total: number;
  filter: AuditFilter;
  format: ExportFormat;
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
}

export interface ExportResult {
  blob: Blob;
  written: number;
  first: number | null;
  last: number | null;
}

/**
 * Streams the matching entries into a file, one chunk at a time: each chunk's text becomes its own
 * Blob at once (the browser keeps blob bytes outside the page's JS heap), and the file is a Blob
 * of those parts. The whole file never exists as one string, so 100,000 entries stay well inside
 * the page's memory. Cancelling (the signal) stops between chunks with an AbortError.
 */
export async function exportAudit(options: ExportOptions): Promise<ExportResult> {
  const { format, filter, signal } = options;
  const encode = format === 'csv' ? csvLine : ndjsonLine;
  const parts: Blob[] = [];
  if (format === 'csv') parts.push(new Blob([UTF8_BOM + CSV_HEADER]));
  let scanned = 0;
  let written = 0;
  let first: number | null = null;
  let last: number | null = null;
  for await (const chunk of options.chunks) {
    signal?.throwIfAborted();
    let text = '';
    for (const entry of chunk) {
      if (!matchesFilter(entry, filter)) continue;
      text += encode(entry);
      written += 1;
      first = first === null ? entry.time : Math.min(first, entry.time);
      last = last === null ? entry.time : Math.max(last, entry.time);
    }
    if (text) parts.push(new Blob([text]));
    scanned += chunk.length;
    options.onProgress?.({ scanned, total: Math.max(options.total, scanned), written });
    // Let the progress bar paint and the Cancel button be heard between chunks.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  signal?.throwIfAborted();
  return { blob: new Blob(parts, { type: EXPORT_TYPES[format] }), written, first, last };
}
