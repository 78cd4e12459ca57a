import type { TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import type { MetricsReport } from '../shared/metrics/summarize-metrics';
import type { OutboxStatus } from '../shared/outbox-status';
import type { FleetStatus } from '../shared/fleet/fleet-status';
import type { ParsedSettings, Settings } from '../shared/settings';

/**
 * What the options page needs from the extension (the connector pattern, docs/contributing.md): `extension-connector.ts`
 * binds it to storage.local and chrome.identity; tests pass a fake.
 */
export interface OptionsConnector {
  load(): Promise<ParsedSettings>;
  save(settings: Settings): Promise<void>;
  /** Calls back when the stored settings change (another tab, a policy, a test), until `signal` aborts. */
  watch(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void;
  /** The redirect URI to register on the OAuth client. */
  redirectUri(): string;
  /** What the feedback outbox holds (the worker's `page/get-outbox-status`). */
  outboxStatus(): Promise<OutboxStatus>;
  /** Every kept day of metrics (the worker's `page/get-metrics`). */
  metricsReport(): Promise<MetricsReport>;
  /** The supervisor page (audit log, exports, CTR and latency). */
  supervisorPageUrl(): string;
  /** What the content script could not find on each desktop tab (the worker's `page/get-desktop-diagnostics`). */
  desktopDiagnostics(): Promise<TabDesktopDiagnostics[]>;
  /** Whether the extension may reach every host pattern given (host permissions, optional ones included). */
  hasHostAccess(patterns: string[]): Promise<boolean>;
  /**
   * Asks the browser to grant optional host permissions; true when granted. Browsers accept this
   * only during a click, so call it first thing in the handler, before any await.
   */
  requestHostAccess(patterns: string[]): Promise<boolean>;
  /** The fleet path's delivery status (the worker's `page/get-fleet-status`). */
  fleetStatus(): Promise<FleetStatus>;
  /** Hands the ClickHouse passwords to the worker (null clears one, absent leaves it). */
  setFleetSecrets(secrets: { insertPassword?: string | null; readPassword?: string | null }): Promise<FleetStatus>;
  /** Calls back when the worker records or clears a desktop diagnostic, until `signal` aborts. */
  watchDesktopDiagnostics(onChange: () => void, signal: AbortSignal): void;
}
