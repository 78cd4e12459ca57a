import type { TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import type { MetricsReport } from '../shared/metrics/summarize-metrics';
import type { OutboxStatus } from '../shared/outbox-status';
import type { FleetStatus } from '../shared/fleet/fleet-status';
import { parseSettingsWithPolicy, type ParsedSettings, type Settings } from '../shared/settings';
import type { OptionsConnector } from './connector';

/** In-memory settings storage for unit tests: records saves and can simulate a change elsewhere. */
export class FakeOptionsConnector implements OptionsConnector {
  readonly saved: Settings[] = [];
  saveError: Error | null = null;
  /** The administrator's managed policy, as storage.managed would return it. */
  policy: Record<string, unknown> | undefined = undefined;
  outbox: OutboxStatus = { events: 0, capacity: 10_000, warning: null, dropped: 0, destinations: [], parked: [] };
  metrics: MetricsReport = { days: [], summary: { engagement: [], bySource: {}, byAgent: {}, latency: {}, rejected: {}, providerErrors: {} } };
  workerError: Error | null = null;
  diagnostics: TabDesktopDiagnostics[] = [];
  /** Host patterns the extension may reach; `grantOnRequest` decides what a request does. */
  grantedHosts = new Set<string>();
  grantOnRequest = true;
  readonly hostRequests: string[][] = [];
  fleet: FleetStatus = {
    problem: 'no-url',
    origin: null,
    table: 'agent_assist.events',
    installId: 'install-1',
    pending: 0,
    deliveredThroughSeq: 0,
    delivered: 0,
    lastDeliveredAt: null,
    failures: 0,
    retryAt: null,
    lastError: null,
    parkedCount: 0,
    parked: [],
    secrets: { insertPassword: 'none', readPassword: 'none' },
    readConfigured: false,
  };
  readonly secretsSet: { insertPassword?: string | null; readPassword?: string | null }[] = [];
  private readonly listeners = new Set<(parsed: ParsedSettings) => void>();
  private readonly diagnosticListeners = new Set<() => void>();

  constructor(
    public stored: unknown = undefined,
    private readonly uri = 'https://abcdefghijklmnop.chromiumapp.org/',
  ) {}

  hasHostAccess(patterns: string[]): Promise<boolean> {
    return Promise.resolve(patterns.every((pattern) => this.grantedHosts.has(pattern)));
  }

  requestHostAccess(patterns: string[]): Promise<boolean> {
    this.hostRequests.push(patterns);
    if (this.grantOnRequest) for (const pattern of patterns) this.grantedHosts.add(pattern);
    return Promise.resolve(this.grantOnRequest);
  }

  load(): Promise<ParsedSettings> {
    return Promise.resolve(parseSettingsWithPolicy(this.stored, this.policy, { allowLoopbackHttp: true }));
  }

  async save(settings: Settings): Promise<void> {
    if (this.saveError) throw this.saveError;
    this.saved.push(settings);
    this.changeElsewhere(settings);
  }

  watch(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void {
    this.listeners.add(onChange);
    signal.addEventListener('abort', () => this.listeners.delete(onChange));
  }

  /** As if another page (or an admin's policy) wrote `settings` to storage. */
  changeElsewhere(stored: unknown): void {
    this.stored = stored;
    const parsed = parseSettingsWithPolicy(stored, this.policy, { allowLoopbackHttp: true });
    for (const listener of this.listeners) listener(parsed);
  }

  redirectUri(): string {
    return this.uri;
  }

  outboxStatus(): Promise<OutboxStatus> {
    return this.workerError ? Promise.reject(this.workerError) : Promise.resolve(structuredClone(this.outbox));
  }

  metricsReport(): Promise<MetricsReport> {
    return this.workerError ? Promise.reject(this.workerError) : Promise.resolve(structuredClone(this.metrics));
  }

  supervisorPageUrl(): string {
    return 'chrome-extension://abcdefghijklmnop/src/supervisor/index.html';
  }

  fleetStatus(): Promise<FleetStatus> {
    return this.workerError ? Promise.reject(this.workerError) : Promise.resolve(structuredClone(this.fleet));
  }

  async setFleetSecrets(secrets: { insertPassword?: string | null; readPassword?: string | null }): Promise<FleetStatus> {
    this.secretsSet.push(secrets);
    return structuredClone(this.fleet);
  }

  desktopDiagnostics(): Promise<TabDesktopDiagnostics[]> {
    return this.workerError ? Promise.reject(this.workerError) : Promise.resolve(structuredClone(this.diagnostics));
  }

  watchDesktopDiagnostics(onChange: () => void, signal: AbortSignal): void {
    this.diagnosticListeners.add(onChange);
    signal.addEventListener('abort', () => this.diagnosticListeners.delete(onChange));
  }

  /** As if the worker recorded (or cleared) desktop diagnostics. */
  changeDiagnostics(next: TabDesktopDiagnostics[]): void {
    this.diagnostics = next;
    for (const listener of this.diagnosticListeners) listener();
  }
}
