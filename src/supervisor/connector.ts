import type { AuditEntry, ChainHead } from '../shared/audit/audit-entry';
import type { AuditHealth } from '../shared/audit/audit-health';
import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import type { ChainReport } from '../shared/audit/hash-chain';
import type { Settings } from '../shared/settings';
import type { FleetQueryRequest, FleetQueryResponse, FleetStatus } from '../shared/fleet/fleet-status';
import type { AuditFilter } from './audit-filter';
import type { AuditQueryResult } from './audit-query';
import type { ExportFormat, ExportProgress, ExportResult } from './export-audit';

/**
 * What the supervisor page needs from the extension (the connector pattern, docs/contributing.md). The extension connector
 * reads the audit log's IndexedDB directly (the worker stays its only writer) and asks the worker
 * only for what needs a token: the permission check and sign-in.
 */
export interface StoredChainReport extends ChainReport {
  head: ChainHead | null;
}

export interface SupervisorConnector {
  access(): Promise<SupervisorAccess>;
  /** Signs in to the page's own session (a login page, always); the agent's session is left alone. */
  signIn(): Promise<void>;
  /** Ends the page's own session. */
  signOut(): Promise<void>;
  /** Whether the worker could write the log lately (null: nothing reported). */
  health(): Promise<AuditHealth | null>;
  settings(): Promise<Settings>;
  query(filter: AuditFilter, options: { signal?: AbortSignal; onProgress?(scanned: number): void }): Promise<AuditQueryResult>;
  entries(seqs: readonly number[]): Promise<AuditEntry[]>;
  exportEntries(format: ExportFormat, filter: AuditFilter, options: { signal?: AbortSignal; onProgress?(progress: ExportProgress): void }): Promise<ExportResult>;
  verifyStored(options: { signal?: AbortSignal; onProgress?(checked: number): void }): Promise<StoredChainReport>;
  verifyFile(file: Blob, options: { signal?: AbortSignal; onProgress?(lines: number): void }): Promise<ChainReport & { lines: number }>;
  /**
   * Hands a finished export to the browser's downloads and returns the object URL behind it, for
   * a "Save" link (a browser may hold back a download that no click started). `release` frees it.
   */
  download(blob: Blob, fileName: string): string;
  release(url: string): void;
  /** The fleet path's status: the Fleet view shows when a read-only user is configured. */
  fleetStatus(): Promise<FleetStatus>;
  /** One shipped fleet query, run by the worker as the read-only user. */
  fleetQuery(request: FleetQueryRequest): Promise<FleetQueryResponse>;
}
