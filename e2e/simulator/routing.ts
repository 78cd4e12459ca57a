import { classifyCopilot, isCopilotRoute, type CopilotRoute } from './copilot-routing';

/**
 * Which route a request is for. The names appear in the request log (`GET /__sim/requests?route=`)
 * and, for the faultable ones, in fault rules.
 */

export type RouteName =
  | 'authorize' // GET /oauth/authorize
  | 'authorize-decision' // POST /oauth/authorize/decision (the login page's form)
  | 'token' // POST /oauth/token
  | 'tokens-me' // GET, DELETE /api/v2/tokens/me
  | 'users-me' // GET /api/v2/users/me
  | 'query' // POST /api/v2/agentassist/recommendations/query
  | 'api-other' // any other /api/v2 path (answered 404 after authentication)
  | 'webhook' // POST /webhook/feedback
  | CopilotRoute; // Agent Copilot, conversations, messaging, knowledge, notifications (copilot-routing.ts)

/** Routes that fault rules can target ('any' in a rule means all of these). */
export const FAULTABLE_ROUTES = ['query', 'users-me', 'token', 'webhook', 'tokens-me', 'suggestions', 'notifications', 'engagement', 'knowledge-bases', 'knowledge-search', 'knowledge-engagement', 'responses'] as const;
export type FaultableRoute = (typeof FAULTABLE_ROUTES)[number];

export type Area =
  | { area: 'recorded'; route: RouteName } // Genesys-like traffic: logged, faultable where listed
  | { area: 'control' } // /__sim/...
  | { area: 'desktop' } // /desktop/... and /, and the realistic desktop: /directory/..., /messaging-gadget/...
  | { area: 'unknown' };

export function classify(pathname: string): Area {
  if (pathname === '/oauth/authorize') return { area: 'recorded', route: 'authorize' };
  if (pathname === '/oauth/authorize/decision') return { area: 'recorded', route: 'authorize-decision' };
  if (pathname === '/oauth/token') return { area: 'recorded', route: 'token' };
  if (pathname === '/webhook/feedback') return { area: 'recorded', route: 'webhook' };
  if (pathname === '/api/v2/tokens/me') return { area: 'recorded', route: 'tokens-me' };
  if (pathname === '/api/v2/users/me') return { area: 'recorded', route: 'users-me' };
  if (pathname === '/api/v2/agentassist/recommendations/query') return { area: 'recorded', route: 'query' };
  const copilot = classifyCopilot(pathname);
  if (copilot) return { area: 'recorded', route: copilot };
  if (pathname.startsWith('/api/v2/')) return { area: 'recorded', route: 'api-other' };
  if (pathname === '/__sim' || pathname.startsWith('/__sim/')) return { area: 'control' };
  if (pathname === '/' || pathname === '/desktop' || pathname.startsWith('/desktop/')) return { area: 'desktop' };
  if (pathname === '/directory' || pathname.startsWith('/directory/') || pathname.startsWith('/messaging-gadget/')) return { area: 'desktop' };
  return { area: 'unknown' };
}

export function isApiRoute(route: RouteName): boolean {
  return route === 'tokens-me' || route === 'users-me' || route === 'query' || route === 'api-other' || isCopilotRoute(route);
}

export function isFaultable(route: RouteName): route is FaultableRoute {
  return (FAULTABLE_ROUTES as readonly string[]).includes(route);
}
