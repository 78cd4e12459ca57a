import type { AuditBody, AuditEntry } from '../shared/audit/audit-entry';
import type { AuditHealth } from '../shared/audit/audit-health';
import { createChainVerifier, sealEntries } from '../shared/audit/hash-chain';
import { SUPERVISOR_PERMISSION, type SupervisorAccess } from '../shared/audit/supervisor-access';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { FleetQueryRequest, FleetQueryResponse, FleetStatus } from '../shared/fleet/fleet-status';
import type { AuditFilter } from './audit-filter';
import { queryAudit } from './audit-query';
import type { StoredChainReport, SupervisorConnector } from './connector';
import { exportAudit } from './export-audit';
import { verifyExportFile } from './verify-export-file';

/** The supervisor page's connector over entries in memory, for component tests. */
export class FakeSupervisorConnector implements SupervisorConnector {
  entriesStored: AuditEntry[] = [];
  healthValue: AuditHealth | null = null;
  queries: AuditFilter[] = [];
  downloads: { fileName: string; blob: Blob }[] = [];
  signIns = 0;
  /** Rows each fleet query answers with; null: no read-only user configured. */
  fleetRows: Partial<Record<FleetQueryRequest['query'], Record<string, unknown>[]>> | null = null;
  fleetRequests: FleetQueryRequest[] = [];

  constructor(public accessValue: SupervisorAccess = FakeSupervisorConnector.access(false)) {}

  static access(supervisor: boolean): SupervisorAccess {
    return supervisor
      ? { signedIn: true, user: { id: 's1', name: 'Sam Supervisor' }, supervisor: true, permission: SUPERVISOR_PERMISSION, reason: 'supervisor' }
      : { signedIn: true, user: { id: 'a1', name: 'Alex Agent' }, supervisor: false, permission: SUPERVISOR_PERMISSION, reason: 'missing-permission' };
  }

  async seed(bodies: AuditBody[]): Promise<void> {
    this.entriesStored = await sealEntries(null, bodies);
  }

  private async *chunks(): AsyncGenerator<AuditEntry[]> {
    for (let i = 0; i < this.entriesStored.length; i += 2) yield this.entriesStored.slice(i, i + 2);
  }

  access = async () => this.accessValue;
  signIn = async () => {
    this.signIns += 1;
  };
  signOuts = 0;
  signOut = async () => {
    this.signOuts += 1;
  };
  health = async () => this.healthValue;
  settings = async () => DEFAULT_SETTINGS;
  query: SupervisorConnector['query'] = async (filter, options) => {
    this.queries.push(filter);
    return queryAudit(this.chunks(), filter, options);
  };
  entries: SupervisorConnector['entries'] = async (seqs) => this.entriesStored.filter((entry) => seqs.includes(entry.seq));
  exportEntries: SupervisorConnector['exportEntries'] = async (format, filter, options) => exportAudit({ chunks: this.chunks(), total: this.entriesStored.length, filter, format, ...options });
  verifyStored = async (): Promise<StoredChainReport> => {
    const verifier = createChainVerifier({ gapsAreBreaks: true });
    for (const entry of this.entriesStored) await verifier.push(entry);
    const last = this.entriesStored.at(-1);
    const head = last ? { seq: last.seq, hash: last.hash } : null;
    return { ...verifier.finish(head), head };
  };
  verifyFile: SupervisorConnector['verifyFile'] = (file, options) => verifyExportFile(file.stream(), options);
  download = (blob: Blob, fileName: string) => {
    this.downloads.push({ fileName, blob });
    return `blob:fake/${this.downloads.length}`;
  };
  release = () => undefined;

  async fleetStatus(): Promise<FleetStatus> {
    return {
      problem: null,
      origin: 'https://ch.example.com',
      table: 'agent_assist.events',
      installId: 'i',
      pending: 0,
      deliveredThroughSeq: 0,
      delivered: 0,
      lastDeliveredAt: null,
      failures: 0,
      retryAt: null,
      lastError: null,
      parkedCount: 0,
      parked: [],
      secrets: { insertPassword: 'none', readPassword: this.fleetRows ? 'policy' : 'none' },
      readConfigured: this.fleetRows !== null,
    };
  }

  async fleetQuery(request: FleetQueryRequest): Promise<FleetQueryResponse> {
    this.fleetRequests.push(request);
    const chains = this.fleetRows?.chain_check ?? [];
    const installOf = (row: Record<string, unknown>) => String(row.install_id);
    // As the server answers: chain_installs lists the installs in order, chain_check answers for one run of them.
    if (request.query === 'chain_installs' && !this.fleetRows?.chain_installs) {
      return { rows: chains.map((row) => ({ install_id: installOf(row), rows: Number(row.entries) })).sort((a, b) => (a.install_id < b.install_id ? -1 : 1)), elapsedMs: 1 };
    }
    if (request.query === 'chain_check' && request.installs) {
      const { first, last } = request.installs;
      return { rows: chains.filter((row) => installOf(row) >= first && installOf(row) <= last), elapsedMs: 1 };
    }
    return { rows: this.fleetRows?.[request.query] ?? [], elapsedMs: 1 };
  }
}
