import { handleCopilotApi } from './copilot-api';
import { isCopilotRoute } from './copilot-routing';
import { revokeToken } from './credentials';
import { type Exchange, type ParsedBody, sendEmpty, sendGenesysError, sendJson } from './http-helpers';
import { parseQueryRequest, queryItems, type QueryItem } from './recommendations';
import type { RouteName } from './routing';
import type { AccessTokenRecord, SimulatorState } from './state';
import { AUTHORIZED_SCOPE, findUser, ORGANIZATION, userMeBody } from './users';

/** The `/api/v2` routes, called once the bearer token has been accepted. */

export interface ApiContext {
  state: SimulatorState;
  origin: string;
  token: AccessTokenRecord;
}

function methodNotAllowed(exchange: Exchange, allowed: string): void {
  sendGenesysError(exchange, 405, 'method.not.allowed', `${exchange.req.method ?? ''} is not allowed here; use ${allowed}`, { Allow: allowed });
}

function handleUsersMe(exchange: Exchange, context: ApiContext): void {
  if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET');
  const user = findUser(context.token.userId);
  if (!user) return sendGenesysError(exchange, 404, 'not.found', 'The user no longer exists');
  const expand = (exchange.url.searchParams.get('expand') ?? '').split(',').map((value) => value.trim());
  sendJson(exchange, 200, userMeBody(user, expand.includes('skills'), expand.includes('authorization')));
}

function handleTokensMe(exchange: Exchange, context: ApiContext): void {
  if (exchange.req.method === 'DELETE') {
    revokeToken(context.state, context.token.token);
    return sendEmpty(exchange, 204);
  }
  if (exchange.req.method !== 'GET') return methodNotAllowed(exchange, 'GET, DELETE');
  sendJson(exchange, 200, {
    organization: ORGANIZATION,
    homeOrganization: ORGANIZATION,
    authorizedScope: [...AUTHORIZED_SCOPE],
    OAuthClient: { id: context.token.clientId, name: 'Agent Assist Overlay (simulator)', organization: { id: ORGANIZATION.id } },
  });
}

/** The items a query body would get, or [] when the body is not a valid query. */
export function itemsForBody(body: ParsedBody, context: Omit<ApiContext, 'token'>): QueryItem[] {
  if (body.kind !== 'json') return [];
  const parsed = parseQueryRequest(body.value);
  if ('error' in parsed) return [];
  return queryItems(parsed.request, { now: context.state.now(), hostileContent: context.state.config.hostileContent, origin: context.origin });
}

function handleQuery(exchange: Exchange, context: ApiContext, body: ParsedBody): void {
  if (exchange.req.method !== 'POST') return methodNotAllowed(exchange, 'POST');
  if (body.kind !== 'json') return sendGenesysError(exchange, 400, 'bad.request', 'The request body must be JSON (Content-Type: application/json)');
  const parsed = parseQueryRequest(body.value);
  if ('error' in parsed) return sendGenesysError(exchange, 400, 'bad.request', parsed.error);
  const items = queryItems(parsed.request, { now: context.state.now(), hostileContent: context.state.config.hostileContent, origin: context.origin });
  sendJson(exchange, 200, { items });
}

export function handleApi(exchange: Exchange, route: RouteName, context: ApiContext, body: ParsedBody): void {
  switch (route) {
    case 'users-me':
      return handleUsersMe(exchange, context);
    case 'tokens-me':
      return handleTokensMe(exchange, context);
    case 'query':
      return handleQuery(exchange, context, body);
    default:
      if (isCopilotRoute(route)) return handleCopilotApi(exchange, route, context, body);
      return sendGenesysError(exchange, 404, 'not.found', `The simulator does not implement ${exchange.url.pathname}`);
  }
}
