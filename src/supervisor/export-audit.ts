import type { AuditEntry } from '../shared/audit/audit-entry';
import { matchesFilter, type AuditFilter } from './audit-filter';
import { BlobWriter } from './blob-writer';
import { UTF8_BOM } from './csv';
import { CSV_HEADER, ndjsonLine, writeCsvLine } from './export-format';

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
  /** Consumed: each chunk's entries are cleared from it as they are written. */
  chunks: AsyncIterable<AuditEntry[]>;
  /**
   * Entries in the log, for the progress bar. May be a pending count: it is first needed after the
   * first chunk, so the count and the first read can go to the database together.
   */
  total: number | PromiseLike<number>;
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
 * Streams the matching entries into a file, one chunk at a time: each line is encoded into a
 * BlobWriter's staging buffer as soon as it is made, so neither the lines nor the file stay in the
 * page's JS heap (the browser keeps blob bytes outside it) and 100,000 entries stay well inside the
 * page's memory. Cancelling (the signal) stops between chunks with an AbortError; a failed read
 * rejects, so no file is made from the entries before it.
 */
export async function exportAudit(options: ExportOptions): Promise<ExportResult> {
  const { format, filter, signal } = options;
  const file = new BlobWriter();
  const csv = format === 'csv';
  if (csv) file.write(UTF8_BOM + CSV_HEADER);
  const counted = Promise.resolve(options.total);
  // A read that fails first rejects the export; the count's own failure then has no one to hear it.
  counted.catch(() => undefined);
  let total: number | undefined;
  let scanned = 0;
  let written = 0;
  let first: number | null = null;
  let last: number | null = null;
  for await (const chunk of options.chunks) {
    signal?.throwIfAborted();
    for (let i = 0; i < chunk.length; i++) {
      const entry = chunk[i]!;
      // Each entry is let go once written, though the reader still holds the chunk: otherwise
      // the whole chunk outlives every young-generation collection the encoding causes, and is
      // promoted to the old generation, which is what made a CSV export's heap grow past 64 MB.
      (chunk as (AuditEntry | undefined)[])[i] = undefined;
      if (!matchesFilter(entry, filter)) continue;
      if (csv) writeCsvLine(entry, file);
      else file.write(ndjsonLine(entry));
      written += 1;
      first = first === null ? entry.time : Math.min(first, entry.time);
      last = last === null ? entry.time : Math.max(last, entry.time);
    }
    scanned += chunk.length;
    total ??= await counted;
    options.onProgress?.({ scanned, total: Math.max(total, scanned), written });
    // No extra yield: awaiting each IndexedDB read already lets the page paint the progress bar
    // and hear the Cancel button between chunks.
  }
  signal?.throwIfAborted();
  return { blob: file.finish(EXPORT_TYPES[format]), written, first, last };
}
