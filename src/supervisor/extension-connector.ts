import { AUDIT_HEALTH_KEY, AuditHealth } from '../shared/audit/audit-health';
import { countEntries, openAuditDb, readEntries, readEntryChunks, readHead } from '../shared/audit/audit-store';
import { createChainVerifier } from '../shared/audit/hash-chain';
import { startDownload } from '../shared/dom/download';
import { readStorage, request } from '../pages/extension-client';
import { loadSettings } from '../shared/settings-store';
import { queryAudit } from './audit-query';
import type { SupervisorConnector } from './connector';
import { exportAudit } from './export-audit';
import { verifyExportFile } from './verify-export-file';

/** Entries per IndexedDB read: large enough that getAll's per-call cost vanishes, small enough to keep the page responsive. */
const CHUNK = 2000;
/**
 * The export reads fewer at a time: a chunk stays in the heap until its last entry is written, and
 * the CSV encoding makes enough garbage that a 2,000-entry chunk outlived young-generation
 * collections and was promoted, which kept the CSV export's heap peak near 70 MB (P7). 500 rather
 * than 1,000: in five paired runs in one page (docs/performance.md, P7) the CSV export was faster
 * against the raw read at 500 every time, the NDJSON export in four of the five.
 */
const EXPORT_CHUNK = 500;

export function createExtensionConnector(): SupervisorConnector {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => (database ??= openAuditDb());

  return {
    access: () => request('page/supervisor-access', {}),
    async signIn() {
      await request('page/supervisor-sign-in', {});
    },
    async signOut() {
      await request('page/supervisor-sign-out', {});
    },
    async health() {
      const parsed = AuditHealth.safeParse(await readStorage('session', AUDIT_HEALTH_KEY));
      return parsed.success ? parsed.data : null;
    },
    settings: async () => (await loadSettings()).settings,
    async query(filter, options) {
      return queryAudit(readEntryChunks(await db(), CHUNK), filter, options);
    },
    async entries(seqs) {
      return readEntries(await db(), seqs);
    },
    async exportEntries(format, filter, options) {
      const open = await db();
      // Not awaited here: the count and the first read then go to the database together.
      return exportAudit({ chunks: readEntryChunks(open, EXPORT_CHUNK), total: countEntries(open), filter, format, ...options });
    },
    async verifyStored(options) {
      const open = await db();
      // The head first: entries appended during the check then count as "after the head", not as a cut tail.
      const head = await readHead(open);
      const verifier = createChainVerifier({ gapsAreBreaks: true });
      let checked = 0;
      for await (const chunk of readEntryChunks(open, CHUNK)) {
        options.signal?.throwIfAborted();
        for (const entry of chunk) {
          if (head && entry.seq > head.seq) break;
          await verifier.push(entry);
          checked += 1;
        }
        options.onProgress?.(checked);
      }
      return { ...verifier.finish(head, true), head };
    },
    verifyFile: (file, options) => verifyExportFile(file.stream(), options),
    download: startDownload,
    fleetStatus: () => request('page/get-fleet-status', {}),
    fleetQuery: (query) => request('page/fleet-query', query),
    release(url) {
      URL.revokeObjectURL(url);
    },
  };
}
