import type { IncomingHttpHeaders } from 'node:http';
import { type Exchange, loggableBody, type ParsedBody } from './http-helpers';
import type { RouteName } from './routing';
import { MAX_REQUEST_LOG, type RequestLogEntry, type SimulatorState } from './state';

/** What the simulator received (`GET /__sim/requests`), with secrets shortened. */

/** `Bearer …last4`: enough to tell tokens apart in a test, not enough to use one. */
export function redactAuthorization(value: string): string {
  const [scheme = '', credentials = ''] = value.trim().split(/\s+/, 2);
  return credentials.length > 4 ? `${scheme} …${credentials.slice(-4)}` : `${scheme} …`;
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (name === 'authorization') result[name] = redactAuthorization(value);
    else if (name === 'cookie') result[name] = value.replace(/=([^;]*)/g, '=…');
    else result[name] = value;
  }
  return result;
}

/** Appends the request to the log; its status is filled in when the response is sent. */
export function recordRequest(state: SimulatorState, exchange: Exchange, route: RouteName, body: ParsedBody): RequestLogEntry {
  const entry: RequestLogEntry = {
    route,
    method: exchange.req.method ?? 'GET',
    path: `${exchange.url.pathname}${exchange.url.search}`,
    at: state.now(),
    headers: redactHeaders(exchange.req.headers),
    body: loggableBody(body),
    status: null,
    correlationId: exchange.correlationId,
  };
  const log = state.requests;
  log.push(entry);
  if (log.length > MAX_REQUEST_LOG) log.splice(0, log.length - MAX_REQUEST_LOG);
  exchange.res.once('finish', () => {
    entry.status = exchange.res.statusCode;
  });
  return entry;
}

export function listRequests(state: SimulatorState, route: string | null): RequestLogEntry[] {
  return route ? state.requests.filter((entry) => entry.route === route) : [...state.requests];
}
