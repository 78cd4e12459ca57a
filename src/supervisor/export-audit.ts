import type { AuditEntry } from '../shared/audit/audit-entry';
import { matchesFilter, type AuditFilter } from './audit-filter';
import { UTF8_BOM } from './csv';
import { CSV_HEADER, csvLine, ndjsonLine } from './export-format';

export type ExportFormat = 'csv' | 'ndjson';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  ndjson: 'application/x-ndjson',
};

const LINES_PER_PART = 250;

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
    // A few hundred lines per Blob part: the lines leave the JS heap before a garbage collection
    // can find them alive and promote them, which is what makes a big export's heap grow.
    let lines: string[] = [];
    for (const entry of chunk) {
      if (!matchesFilter(entry, filter)) continue;
      lines.push(encode(entry));
      if (lines.length === LINES_PER_PART) {
        parts.push(new Blob(lines));
        lines = [];
      }
      written += 1;
      first = first === null ? entry.time : Math.min(first, entry.time);
      last = last === null ? entry.time : Math.max(last, entry.time);
    }
    if (lines.length > 0) parts.push(new Blob(lines));
    scanned += chunk.length;
    options.onProgress?.({ scanned, total: Math.max(options.total, scanned), written });
    // No extra yield: awaiting each IndexedDB read already lets the page paint the progress bar
    // and hear the Cancel button between chunks.
  }
  signal?.throwIfAborted();
  return { blob: new Blob(parts, { type: EXPORT_TYPES[format] }), written, first, last };
}
