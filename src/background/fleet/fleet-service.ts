import { browser } from '../../shared/browser';
import { readEntriesAfter, readHead } from '../../shared/audit/audit-store';
import { fleetQuerySql } from '../../shared/fleet/fleet-queries';
import { hostPattern } from '../../shared/fleet/host-pattern';
import type { FleetProblem, FleetQueryRequest, FleetQueryResponse, FleetStatus } from '../../shared/fleet/fleet-status';
import { placeholders, renderQuery, type ParamValue } from '../../shared/fleet/sql-params';
import type { Settings } from '../../shared/settings';
import { createDrainSchedule, withLock } from '../outbox/drain-schedule';
import { insertRows, selectJson, type Endpoint } from './clickhouse-http';
import { createFleetSecrets } from './fleet-secrets';
import { createFleetSender, type FleetConfig } from './fleet-sender';
import { createFleetStore, type SecretName } from './fleet-store';

/**
 * The fleet path as the worker runs it (docs/fleet.md): the sender fed from the audit log, its
 * alarm, the passwords, the host-permission check, and the Fleet view's queries (run here, as
 * the read-only user, so its password never leaves the worker).
 */
export const FLEET_ALARM = 'fleet:drain';
const QUERY_TIMEOUT_MS = 30_000;

async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPattern(url)] });
  } catch {
    return false;
  }
}

/** Settings that decide where rows go: a change lets a paused sender try at once. */
export const FLEET_SETTING_KEYS = new Set(['fleetClickHouseUrl', 'fleetTable', 'fleetInsertUser', 'clientId']);

/** `auditDb` is the audit log's connection, shared with its writer (services.ts). */
export function createFleetService(deps: { settings(): Promise<Settings>; auditDb(): Promise<IDBDatabase> }) {
  const store = createFleetStore();
  const secrets = createFleetSecrets(store);
  const audit = deps.auditDb;

  async function endpointFor(settings: Settings, user: string | undefined, secret: SecretName): Promise<{ endpoint: Endpoint } | { problem: FleetProblem }> {
    const url = settings.fleetClickHouseUrl;
    if (!url) return { problem: 'no-url' };
    if (!user) return { problem: 'no-user' };
    const { value } = await secrets.get(secret);
    if (!value) return { problem: 'no-password' };
    if (!(await hasHostPermission(url))) return { problem: 'no-permission' };
    return { endpoint: { url, user, password: value } };
  }

  async function config(): Promise<FleetConfig | { problem: FleetProblem }> {
    const settings = await deps.settings();
    const found = await endpointFor(settings, settings.fleetInsertUser, 'insertPassword');
    if ('problem' in found) return found;
    // The OAuth client is registered once per Genesys organisation: it names the org in the rows.
    return { endpoint: found.endpoint, table: settings.fleetTable, orgId: settings.clientId };
  }

  const schedule = createDrainSchedule(() => void sender.drain(), Date.now, FLEET_ALARM);
  const sender = createFleetSender({
    store,
    readAfter: async (seq, limit) => readEntriesAfter(await audit(), seq, limit),
    head: async () => readHead(await audit()),
    config,
    insert: (endpoint, table, rows) => insertRows(endpoint, table, rows),
    wakeAt: (when) => schedule.wakeAt(when),
    withLock: (drain) => withLock('agent-assist-fleet-drain', drain),
  });

  return {
    drain: () => sender.drain(),
    /** The setup changed (settings, a password, the permission): try now instead of after the backoff. */
    async resume(): Promise<void> {
      const state = await store.state();
      if (state.retryAt > 0) await store.setState({ ...state, retryAt: 0 });
      await sender.drain();
    },
    async status(): Promise<FleetStatus> {
      const settings = await deps.settings();
      const [insert, read, found] = await Promise.all([secrets.get('insertPassword'), secrets.get('readPassword'), config()]);
      let origin: string | null = null;
      try {
        origin = settings.fleetClickHouseUrl ? new URL(settings.fleetClickHouseUrl).origin : null;
      } catch {
        origin = null;
      }
      return sender.status({
        problem: 'problem' in found ? found.problem : null,
        origin,
        table: settings.fleetTable,
        secrets: { insertPassword: insert.source, readPassword: read.source },
        readConfigured: Boolean(settings.fleetClickHouseUrl && settings.fleetReadUser && read.value),
      });
    },
    async setSecrets(request: Partial<Record<SecretName, string | null>>): Promise<FleetStatus> {
      for (const name of ['insertPassword', 'readPassword'] as const) {
        const value = request[name];
        if (value !== undefined) await secrets.setLocal(name, value);
      }
      void this.resume();
      return this.status();
    },
    async query(request: FleetQueryRequest): Promise<FleetQueryResponse> {
      const settings = await deps.settings();
      const found = await endpointFor(settings, settings.fleetReadUser, 'readPassword');
      if ('problem' in found) throw new Error(problemMessage(found.problem, 'read'));
      const sql = fleetQuerySql(request.query);
      const candidates: Record<string, ParamValue> = {
        table: settings.fleetTable,
        from: request.from,
        to: request.to,
        bucket: request.bucket ?? 3600,
        min_score: request.minScore ?? settings.minRelevanceScore,
        max_age: request.maxAgeDays ?? settings.maxContentAgeDays,
      };
      if (request.installs) {
        candidates.first_install = request.installs.first;
        candidates.last_install = request.installs.last;
      }
      const wanted = placeholders(sql);
      // A whole-table chain check hashes every entry at once: the page asks for one run of installs at a time.
      if (wanted.has('first_install') && !request.installs) throw new Error(`${request.query} needs a range of installs (from chain_installs).`);
      const params = Object.fromEntries(Object.entries(candidates).filter(([name]) => wanted.has(name)));
      const started = Date.now();
      const result = await selectJson(found.endpoint, renderQuery(sql, params), { timeoutMs: QUERY_TIMEOUT_MS });
      return { rows: result.data, elapsedMs: Date.now() - started };
    },
  };
}

export function problemMessage(problem: FleetProblem, user: 'insert' | 'read'): string {
  switch (problem) {
    case 'no-url':
      return 'No ClickHouse endpoint is configured (fleetClickHouseUrl).';
    case 'no-user':
      return user === 'read' ? 'No read-only ClickHouse user is configured (fleetReadUser).' : 'No ClickHouse insert user is configured (fleetInsertUser).';
    case 'no-password':
      return user === 'read' ? 'The read-only user has no password (fleetReadPassword).' : 'The insert user has no password (fleetInsertPassword).';
    case 'no-permission':
      return 'The extension may not reach the ClickHouse endpoint: allow it on the options page.';
  }
}

export type FleetService = ReturnType<typeof createFleetService>;
