/**
 * A real ClickHouse server for the fleet tests, `npm start` and the bench: Debian's
 * clickhouse-server run as a plain process on loopback, with its own temporary data directory,
 * free ports, a config and users written here, and the schema created from the shipped file
 * (src/shared/fleet/sql/schema.sql). Stopped by its pid. Never a stand-in: the extension talks to
 * the same HTTP interface a production server has.
 *
 * Users, as an admin would set them up (README "Fleet"): `fleet_insert` (no DDL, only the
 * agent_assist database; on current servers: GRANT INSERT ON agent_assist.events) and
 * `fleet_read` (readonly=1, same database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { splitStatements } from '../../src/shared/fleet/sql-params';

export const CLICKHOUSE_BINARY = process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';
export const SCHEMA_FILE = resolve(import.meta.dirname, '../../src/shared/fleet/sql/schema.sql');
export const FLEET_TABLE = 'agent_assist.events';

export const INSERT_USER = { user: 'fleet_insert', password: 'insert-secret' };
export const READ_USER = { user: 'fleet_read', password: 'read-secret' };

export function clickhouseInstalled(): boolean {
  return existsSync(CLICKHOUSE_BINARY);
}

export class ClickHouseMissingError extends Error {
  constructor() {
    super(`ClickHouse is not installed (${CLICKHOUSE_BINARY}). On Debian: sudo apt-get install -y clickhouse-server`);
    this.name = 'ClickHouseMissingError';
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function configXml(dir: string, ports: { http: number; tcp: number; interserver: number }): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><console>0</console></logger>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/data/tmp/</tmp_path>
  <user_files_path>${dir}/data/user_files/</user_files_path>
  <format_schema_path>${dir}/data/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
</yandex>
`;
}

function usersXml(): string {
  const loopback = '<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>';
  const quota = '<quota>default</quota>';
  const database = '<allow_databases><database>agent_assist</database></allow_databases>';
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>2000000000</max_memory_usage></default>
    <insert><allow_ddl>0</allow_ddl></insert>
    <reader><readonly>1</readonly><allow_ddl>0</allow_ddl><max_execution_time>30</max_execution_time><max_threads>${availableParallelism()}</max_threads></reader>
  </profiles>
  <users>
    <default><password></password>${loopback}<profile>default</profile>${quota}</default>
    <${INSERT_USER.user}><password>${INSERT_USER.password}</password>${loopback}<profile>insert</profile>${quota}${database}</${INSERT_USER.user}>
    <${READ_USER.user}><password>${READ_USER.password}</password>${loopback}<profile>reader</profile>${quota}${database}</${READ_USER.user}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}

export interface ClickHouse {
  /** http://127.0.0.1:<port> */
  url: string;
  dir: string;
  /** Runs one statement as the default (admin) user; resolves with the body. */
  query(sql: string): Promise<string>;
  /** Rows of a `FORMAT JSON` query (appended here) as the default user. */
  json<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Inserts JSONEachRow rows (gzip) as the insert user; rejects with the server's message. */
  insert(rows: readonly object[], table?: string): Promise<void>;
  /** Stops the server (SIGTERM to its pid, SIGKILL after 10 s); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
  running(): boolean;
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`clickhouse-server did not answer ${url}/ping within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export async function startClickHouse(options: { schema?: boolean; dir?: string } = {}): Promise<ClickHouse> {
  if (!clickhouseInstalled()) throw new ClickHouseMissingError();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'agent-assist-clickhouse-'));
  mkdirSync(join(dir, 'data'), { recursive: true });
  const ports = { http: await freePort(), tcp: await freePort(), interserver: await freePort() };
  writeFileSync(join(dir, 'config.xml'), configXml(dir, ports));
  writeFileSync(join(dir, 'users.xml'), usersXml());
  const url = `http://127.0.0.1:${ports.http}`;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const started = spawn(CLICKHOUSE_BINARY, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' });
    child = started;
    await waitForPing(url, started, 30_000);
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    process.kill(running.pid, 'SIGTERM');
    const timer = setTimeout(() => running.pid !== undefined && running.exitCode === null && process.kill(running.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async function query(sql: string): Promise<string> {
    const response = await fetch(`${url}/`, { method: 'POST', body: sql });
    const body = await response.text();
    if (!response.ok) throw new Error(`ClickHouse ${response.status}: ${body.trim()}`);
    return body;
  }

  const clickhouse: ClickHouse = {
    url,
    dir,
    query,
    async json<T>(sql: string) {
      return (JSON.parse(await query(`${sql} FORMAT JSON`)) as { data: T[] }).data;
    },
    async insert(rows, table = FLEET_TABLE) {
      const body = gzipSync(rows.map((row) => JSON.stringify(row)).join('\n'));
      const response = await fetch(`${url}/?query=${encodeURIComponent(`INSERT INTO ${table} FORMAT JSONEachRow`)}`, {
        method: 'POST',
        headers: { 'Content-Encoding': 'gzip', 'X-ClickHouse-User': INSERT_USER.user, 'X-ClickHouse-Key': INSERT_USER.password },
        body,
      });
      if (!response.ok) throw new Error(`ClickHouse ${response.status}: ${(await response.text()).trim()}`);
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    running: () => child !== null && child.exitCode === null,
  };

  await start();
  if (options.schema !== false) {
    for (const statement of splitStatements(readFileSync(SCHEMA_FILE, 'utf8'))) await query(statement);
  }
  return clickhouse;
}
