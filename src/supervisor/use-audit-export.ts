import type { AuditFilter } from './audit-filter';
import { exportFileName } from './audit-filter';
import type { SupervisorConnector } from './connector';
import type { ExportFormat } from './export-audit';
import type { ExportRun } from './ExportPanel';

export type ExportOptions = { signal: AbortSignal; onProgress: Parameters<SupervisorConnector['exportEntries']>[2]['onProgress'] };

/**
 * Exports the entries of the applied filter (what the table shows, not what the form holds) and
 * hands the file to the browser's downloads, named after the filter and the entries' time span.
 */
export function useAuditExport(connector: SupervisorConnector, applied: AuditFilter): (format: ExportFormat, options: ExportOptions) => Promise<ExportRun> {
  return async (format, options) => {
    const done = await connector.exportEntries(format, applied, options);
    const fileName = exportFileName(applied, { first: done.first, last: done.last }, format);
    const url = connector.download(done.blob, fileName);
    return { fileName, written: done.written, url };
  };
}
