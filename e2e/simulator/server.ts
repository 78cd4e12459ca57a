import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, itemsForBody } from './api';
import { handleControl } from './control';
import { checkBearer, expireToken } from './credentials';
import { resetCopilot } from './copilot-state';
import { handleDesktop } from './desktop';
import { attachNotificationSockets } from './notifications';
import { respondWithFault, takeFaults } from './faults';
import {
  BodyTooLargeError,
  type Exchange,
  header,
  openExchange,
  parseBody,
  type ParsedBody,
  readBodyText,
  sendEmpty,
  sendGenesysError,
  sendJson,
  waitUnlessClosed,
} from './http-helpers';
import { handleAuthorize, handleAuthorizeDecision, handleToken } from './oauth';
import { corruptItems } from './recommendations';
import { recordRequest } from './request-log';
import { classify, isApiRoute, isFaultable, type RouteName } from './routing';
import { createState, type SimulatorState } from './state';
import { parseFeedbackEvent, recordFeedback } from './webhook';

/**
 * A loopback server that behaves like Genesys Cloud for this extension (e2e/simulator/README.md):
 * login host, API host, feedback webhook, simulated agent desktop and the `/__sim` control API,
 * all on one origin.
 */

export type { SimulatorState } from './state';
export { simulatorSettings } from './extension-settings';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay before every `/api/v2` answer; default 150. */
  latencyMs?: number;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  close(): Promise<void>;
  state: SimulatorState;
}

interface ServerContext {
  state: SimulatorState;
  origin: string;
}


/** Genesys-like traffic: logged, delayed, authenticated and faulted as configured, then answered. */
async function handleRecorded(exchange: Exchange, context: ServerContext, route: RouteName, body: ParsedBody): Promise<void> {
  const { state } = context;
  const entry = recordRequest(state, exchange, route, body);
  const api = isApiRoute(route);
  if (api && !(await waitUnlessClosed(exchange, state.config.latencyMs))) return;

  const authorization = header(exchange, 'authorization');
  const bearer = api ? checkBearer(state, authorization) : null;
  if (bearer && !bearer.ok) {
    const code = bearer.reason === 'missing' ? 'authentication.required' : 'bad.credentials';
    return sendGenesysError(exchange, 401, code, 'Authentication failed.');
  }

  if (isFaultable(route)) {
    const decision = takeFaults(state.faults, route);
    if (decision.extraLatencyMs > 0) {
      entry.fault = 'latency';
      if (!(await waitUnlessClosed(exchange, decision.extraLatencyMs))) return;
    }
    if (decision.terminal) {
      entry.fault = decision.terminal.rule.kind;
      respondWithFault(exchange, decision.terminal, route, {
        expirePresentedToken: () => {
          if (bearer?.ok) expireToken(state, bearer.record.token);
        },
        invalidItems: () => corruptItems(itemsForBody(body, context), state.now()),
      });
      return;
    }
  }

  switch (route) {
    case 'authorize':
      return handleAuthorize(exchange, state);
    case 'authorize-decision':
      return handleAuthorizeDecision(exchange, state, body);
    case 'token':
      return handleToken(exchange, state, body);
    case 'webhook':
      return handleWebhook(exchange, state, body);
    default:
      if (bearer?.ok) return handleApi(exchange, route, { ...context, token: bearer.record }, body);
      return sendGenesysError(exchange, 401, 'authentication.required', 'Authentication failed.');
  }
}

function handleWebhook(exchange: Exchange, state: SimulatorState, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return sendGenesysError(exchange, 405, 'method.not.allowed', 'Use POST', { Allow: 'POST' });
  const parsed = parseFeedbackEvent(body.kind === 'json' ? body.value : undefined);
  if ('error' in parsed) return sendGenesysError(exchange, 400, 'bad.request', parsed.error);
  const { duplicate } = recordFeedback(state.webhook, parsed.event);
  sendJson(exchange, 202, { status: 'accepted', duplicate });
}

async function handle(context: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const exchange = openExchange(req, res, context.origin);
  try {
    if (req.method === 'OPTIONS') return sendEmpty(exchange, 204, { 'Access-Control-Max-Age': '600' });
    const area = classify(exchange.url.pathname);
    if (area.area === 'desktop') return await handleDesktop(exchange, context.state, context.origin);
    if (area.area === 'unknown') return sendGenesysError(exchange, 404, 'not.found', `Nothing at ${exchange.url.pathname}`);
    const text = await readBodyText(exchange.req);
    // The control API reads JSON whatever the Content-Type (curl -d sends a form type).
    if (area.area === 'control') return handleControl(exchange, context.state, parseBody(text, 'application/json'));
    return await handleRecorded(exchange, context, area.route, parseBody(text, header(exchange, 'content-type')));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendGenesysError(exchange, 413, 'request.entity.too.large', error.message, { Connection: 'close' });
    console.error('[simulator]', error);
    sendGenesysError(exchange, 500, 'internal.server.error', 'The simulator failed (a bug in the simulator, see its log)');
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = createState({
    latencyMs: options.latencyMs ?? 150,
    hostileContent: false,
    silentLogin: true,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
  });
  const context: ServerContext = { state, origin: '' };
  const server = createServer((req, res) => {
    void handle(context, req, res);
  });
  const closeSockets = attachNotificationSockets(server, () => state);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the simulator hands out tokens to anyone who asks.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  context.origin = `http://127.0.0.1:${port}`;
  return {
    origin: context.origin,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closeSockets();
        resetCopilot(state);
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
