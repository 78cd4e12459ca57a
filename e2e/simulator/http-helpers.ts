import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The plumbing every route shares: one correlation id per exchange, CORS, body reading and the
 * response shapes Genesys uses (docs/genesys-api.md, "Errors, retries and limits").
 */

export const CORRELATION_HEADER = 'ININ-Correlation-Id';

/** Bodies larger than this are refused (413); the extension sends a few KB at most. */
export const MAX_BODY_BYTES = 1_000_000;

/** One request/response pair, with the correlation id already on the response. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly correlationId: string;
}

/** Starts an exchange: every response, errors and preflights included, carries these headers. */
export function openExchange(req: IncomingMessage, res: ServerResponse, origin: string): Exchange {
  const correlationId = randomUUID();
  res.setHeader(CORRELATION_HEADER, correlationId);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', `${CORRELATION_HEADER}, Retry-After`);
  return { req, res, url: new URL(req.url ?? '/', origin), correlationId };
}

/** True once the client has gone away (aborted, timed out) or the response is finished. */
export function isClosed(exchange: Exchange): boolean {
  // Not req.destroyed: a fully read request body also ends the request stream.
  return exchange.res.writableEnded || exchange.res.destroyed || exchange.req.socket.destroyed;
}

export function sendJson(exchange: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(exchange, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendText(exchange: Exchange, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
  if (isClosed(exchange)) return;
  exchange.res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  exchange.res.end(text);
}

export function sendEmpty(exchange: Exchange, status: number, headers: Record<string, string> = {}): void {
  if (isClosed(exchange)) return;
  exchange.res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  exchange.res.end();
}

export function redirect(exchange: Exchange, location: string, headers: Record<string, string | string[]> = {}): void {
  if (isClosed(exchange)) return;
  exchange.res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
  exchange.res.end();
}

/** The Genesys error body: `{message, code, status, contextId, details: [], errors: []}`. */
export interface GenesysError {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: unknown[];
  errors: unknown[];
}

export function sendGenesysError(exchange: Exchange, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body: GenesysError = { message, code, status, contextId: exchange.correlationId, details: [], errors: [] };
  sendJson(exchange, status, body, headers);
}

const GENESYS_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'bad.request',
  401: 'authentication.required',
  403: 'not.authorized',
  404: 'not.found',
  408: 'request.timeout',
  409: 'conflict',
  413: 'request.entity.too.large',
  429: 'too.many.requests.retry.after',
  500: 'internal.server.error',
  502: 'bad.gateway',
  503: 'service.unavailable',
  504: 'request.timeout',
};

/** The code Genesys uses for a status (504 is `request.timeout` there too). */
export function genesysCodeFor(status: number): string {
  return GENESYS_ERROR_CODES[status] ?? `http.${status}`;
}

export class BodyTooLargeError extends Error {
  constructor() {
    super(`The request body exceeds ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The raw body as text; rejects with BodyTooLargeError past MAX_BODY_BYTES. */
export function readBodyText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** What a body parsed to, by its content type. `invalid` keeps the text for the request log. */
export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'text'; value: string }
  | { kind: 'invalid-json'; value: string };

export function parseBody(text: string, contentType: string | undefined): ParsedBody {
  if (text === '') return { kind: 'none' };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      return type === '' ? { kind: 'text', value: text } : { kind: 'invalid-json', value: text };
    }
  }
  return { kind: 'text', value: text };
}

/** The value to show in the request log for a parsed body. */
export function loggableBody(body: ParsedBody): unknown {
  return body.kind === 'none' ? null : body.value;
}

/**
 * Waits `ms`, or less if the client goes away first. Resolves true when the wait completed with
 * the client still there, so a cancelled request stops costing anything (and is not answered).
 */
export function waitUnlessClosed(exchange: Exchange, ms: number): Promise<boolean> {
  if (isClosed(exchange)) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      exchange.res.off('close', onClose);
      resolve(!isClosed(exchange));
    }, ms);
    exchange.res.once('close', onClose);
  });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A request header as one string (repeated headers are joined by Node already, except cookies). */
export function header(exchange: Exchange, name: string): string | undefined {
  const value = exchange.req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Cookies from the Cookie header, first value wins. */
export function readCookies(exchange: Exchange): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header(exchange, 'cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}
