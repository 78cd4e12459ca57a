/**
 * The ClickHouse HTTP interface as the worker uses it (docs/fleet.md): `POST /?query=INSERT INTO
 * t FORMAT JSONEachRow` with a gzip body for the fleet rows, and `POST /` with a `FORMAT JSON`
 * query for the Fleet view. The same contract from 18.16 single servers to clusters and
 * ClickHouse Cloud. Credentials go in X-ClickHouse-User / X-ClickHouse-Key headers (never in the
 * URL, which ends up in logs); the endpoint's host permission spares these requests a CORS
 * preflight, which ClickHouse does not answer.
 */

export interface Endpoint {
  /** The HTTP interface's base URL, e.g. https://clickhouse.example.com:8443 */
  url: string;
  user: string;
  password: string;
}

/**
 * What a failed request means for the rows in it:
 * - `rejected`: the server refused the data itself (parse or type error): the same rows fail the
 *   same way every time, so a batch is split to find the row, which is parked;
 * - `config`: wrong user or password, a user without the right, a missing table: nothing is wrong
 *   with the rows; everything waits (backoff) until an admin fixes the setup;
 * - `retry`: anything else (network, timeout, overload, 5xx): try again later.
 */
export type Failure = { kind: 'rejected' | 'config' | 'retry'; status: number | null; code: number | null; message: string };

/**
 * ClickHouse error codes that say "this data": parse errors, type mismatches and values out of
 * range or unknown (an Enum element the table does not have). ClickHouse 18.16 answers these with
 * HTTP 500; current releases with 400.
 */
const DATA_ERROR_CODES = new Set([6, 26, 27, 32, 33, 38, 41, 49, 53, 69, 70, 72, 117, 130, 131, 144, 190, 191, 321, 36, 25, 43]);
/** Authentication, authorisation and missing database or table: a setup problem. */
const CONFIG_ERROR_CODES = new Set([60, 81, 164, 192, 193, 194, 195, 497, 516, 291, 16]);

/** The `Code: N` ClickHouse puts at the start of its error text (and in X-ClickHouse-Exception-Code). */
export function exceptionCode(body: string, header: string | null = null): number | null {
  const fromHeader = header !== null ? Number.parseInt(header, 10) : Number.NaN;
  if (Number.isSafeInteger(fromHeader)) return fromHeader;
  const match = /Code:\s*(\d+)/.exec(body);
  return match ? Number(match[1]) : null;
}

/** The first line of the server's message, without the stack noise, bounded for display. */
export function shortMessage(body: string): string {
  const text = body
    .replace(/,\s*e\.what\(\)\s*=\s*DB::Exception\s*$/m, '')
    .replace(/e\.displayText\(\)\s*=\s*DB::Exception:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

export function classifyFailure(status: number, body: string, codeHeader: string | null = null): Failure {
  const code = exceptionCode(body, codeHeader);
  const message = shortMessage(body) || `HTTP ${status}`;
  if (status === 401 || status === 403 || (code !== null && CONFIG_ERROR_CODES.has(code))) return { kind: 'config', status, code, message };
  if (status === 408 || status === 429 || status === 503 || status === 502 || status === 504) return { kind: 'retry', status, code, message };
  if (code !== null && DATA_ERROR_CODES.has(code)) return { kind: 'rejected', status, code, message };
  if (status === 400 || status === 413) return { kind: status === 413 ? 'retry' : 'rejected', status, code, message };
  return { kind: 'retry', status, code, message };
}

export class ClickHouseError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ClickHouseError';
  }
}

function headers(endpoint: Endpoint, extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-ClickHouse-User': endpoint.user, 'X-ClickHouse-Key': endpoint.password, ...extra };
}

function base(endpoint: Endpoint): string {
  return endpoint.url.replace(/\/+$/, '');
}

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

export interface RequestOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

async function post(url: string, init: RequestInit, options: RequestOptions): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  try {
    response = await doFetch(url, { ...init, method: 'POST', signal, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    const timedOut = timeout.aborted;
    throw new ClickHouseError({ kind: 'retry', status: null, code: null, message: timedOut ? 'The server did not answer in time' : `Could not reach the server (${error instanceof Error ? error.message : String(error)})` });
  }
  const body = await response.text().catch(() => '');
  if (!response.ok) throw new ClickHouseError(classifyFailure(response.status, body, response.headers.get('X-ClickHouse-Exception-Code')));
  return body;
}

/** The rows as JSONEachRow, one JSON object per line. */
export function jsonEachRow(rows: readonly object[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** Inserts the rows in one request (one INSERT, atomic for a batch this size). */
export async function insertRows(endpoint: Endpoint, table: string, rows: readonly object[], options: RequestOptions = {}): Promise<void> {
  const query = `INSERT INTO ${table} FORMAT JSONEachRow`;
  const body = await gzip(jsonEachRow(rows));
  // Unknown fields skipped: a newer extension's extra column never stops rows reaching an older table.
  await post(`${base(endpoint)}/?input_format_skip_unknown_fields=1&query=${encodeURIComponent(query)}`, { headers: headers(endpoint, { 'Content-Encoding': 'gzip', 'Content-Type': 'application/x-ndjson' }), body }, options);
}

export interface JsonResult {
  meta: { name: string; type: string }[];
  data: Record<string, unknown>[];
  rows: number;
}

/** Runs one read query (already rendered) with `FORMAT JSON`. */
export async function selectJson(endpoint: Endpoint, sql: string, options: RequestOptions = {}): Promise<JsonResult> {
  const text = await post(`${base(endpoint)}/`, { headers: headers(endpoint, { 'Content-Type': 'text/plain; charset=utf-8' }), body: `${sql}\nFORMAT JSON` }, options);
  try {
    return JSON.parse(text) as JsonResult;
  } catch {
    throw new ClickHouseError({ kind: 'retry', status: 200, code: null, message: 'The server answered with something other than JSON' });
  }
}
