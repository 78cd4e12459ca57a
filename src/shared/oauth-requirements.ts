import { SUPERVISOR_PERMISSION } from './audit/supervisor-access';
import type { Provider } from './settings';

/**
 * What the Genesys Cloud OAuth client and the signed-in users need, in one place: the options page
 * lists it for the chosen provider, and a unit test holds the README and docs/genesys-api.md to the
 * same lists, so an admin reads one answer wherever they look.
 */

/** Scopes the OAuth client must be granted, per provider. */
export const PROVIDER_SCOPES: Partial<Record<Provider, readonly string[]>> = {
  // Sign-in reads the user and their skills (`GET /api/v2/users/me?expand=skills`); the
  // recommendation service receives the same bearer token and checks it itself.
  'recommendations-query': ['user-basic-info'],
  // Copilot suggestions and engagements (`conversations`), the knowledge search (`knowledge`), the
  // live updates over a notifications channel (`notifications`), and the text of the canned
  // responses Copilot suggests by id (`response-management:readonly`; without it they stay ids).
  'conversation-suggestions': ['conversations', 'knowledge', 'notifications', 'response-management:readonly', 'user-basic-info'],
  // Genesys Knowledge alone: listing and searching knowledge bases, and recording the agent's
  // views, copies and ratings in Knowledge's analytics, all under `knowledge`.
  'knowledge-search': ['knowledge', 'user-basic-info'],
};

export interface FeaturePermission {
  /** Stable id, also the test id of its row on the options page. */
  feature:
    | 'suggestions'
    | 'engagement'
    | 'canned-responses'
    | 'knowledge-bases'
    | 'knowledge-search'
    | 'knowledge-presentations'
    | 'knowledge-views'
    | 'knowledge-copies'
    | 'knowledge-feedback'
    | 'supervisor-export';
  /** The Genesys Cloud permission the API (or, for exports, the supervisor page) checks. */
  permission: string;
  /** The providers where the feature exists; empty: every provider. */
  providers: readonly Provider[];
}

/** Which permission each feature checks, on the user who signs in. */
export const FEATURE_PERMISSIONS: readonly FeaturePermission[] = [
  { feature: 'suggestions', permission: 'conversation:suggestion:view', providers: ['conversation-suggestions'] },
  { feature: 'engagement', permission: 'conversation:suggestionEngagement:add', providers: ['conversation-suggestions'] },
  { feature: 'canned-responses', permission: 'responses:response:view', providers: ['conversation-suggestions'] },
  { feature: 'knowledge-bases', permission: 'knowledge:knowledgebase:view', providers: ['conversation-suggestions', 'knowledge-search'] },
  { feature: 'knowledge-search', permission: 'knowledge:knowledgebase:search', providers: ['conversation-suggestions', 'knowledge-search'] },
  { feature: 'knowledge-presentations', permission: 'knowledge:documentPresentation:add', providers: ['knowledge-search'] },
  { feature: 'knowledge-views', permission: 'knowledge:documentView:add', providers: ['knowledge-search'] },
  { feature: 'knowledge-copies', permission: 'knowledge:documentCopy:add', providers: ['knowledge-search'] },
  { feature: 'knowledge-feedback', permission: 'knowledge:feedback:create', providers: ['knowledge-search'] },
  { feature: 'supervisor-export', permission: SUPERVISOR_PERMISSION, providers: [] },
];

export function scopesFor(provider: Provider): readonly string[] {
  return PROVIDER_SCOPES[provider] ?? ['user-basic-info'];
}

export function permissionsFor(provider: Provider): readonly FeaturePermission[] {
  return FEATURE_PERMISSIONS.filter((entry) => entry.providers.length === 0 || entry.providers.includes(provider));
}
