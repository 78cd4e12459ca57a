/**
 * Route names for the Agent Copilot, conversations, messaging, knowledge and notifications APIs
 * (appear in the request log, `GET /__sim/requests?route=`, and in fault rules).
 */
export const COPILOT_ROUTES = ['conversations', 'messages', 'suggestions', 'engagement', 'knowledge-bases', 'knowledge-search', 'knowledge-engagement', 'responses', 'notifications'] as const;
export type CopilotRoute = (typeof COPILOT_ROUTES)[number];

const SEGMENT = '[^/]+';
const PATTERNS: readonly [RegExp, CopilotRoute][] = [
  [/^\/api\/v2\/conversations\/messages\/[^/]+(?:\/messages\/bulk)?$/, 'messages'],
  [new RegExp(`^/api/v2/conversations/${SEGMENT}/suggestions/${SEGMENT}/engagement$`), 'engagement'],
  [new RegExp(`^/api/v2/conversations/${SEGMENT}/suggestions$`), 'suggestions'],
  [new RegExp(`^/api/v2/conversations(?:/${SEGMENT})?$`), 'conversations'],
  [/^\/api\/v2\/knowledge\/knowledgebases$/, 'knowledge-bases'],
  [new RegExp(`^/api/v2/knowledge/knowledgebases/${SEGMENT}/documents/search$`), 'knowledge-search'],
  [new RegExp(`^/api/v2/knowledge/knowledgebases/${SEGMENT}/documents/(?:presentations|${SEGMENT}/(?:views|copies|feedback))$`), 'knowledge-engagement'],
  [new RegExp(`^/api/v2/responsemanagement/responses/${SEGMENT}$`), 'responses'],
  [/^\/api\/v2\/notifications\/channels(?:\/[^/]+(?:\/subscriptions)?)?$/, 'notifications'],
];

export function classifyCopilot(pathname: string): CopilotRoute | null {
  for (const [pattern, route] of PATTERNS) if (pattern.test(pathname)) return route;
  return null;
}

export function isCopilotRoute(route: string): route is CopilotRoute {
  return (COPILOT_ROUTES as readonly string[]).includes(route);
}
