import { browser } from '../shared/browser';
import type { ResponseOf } from '../shared/messages';
import { requestWorker } from '../shared/worker-request';
import { bool, nullable, num, object, oneOf, optional, orNull, list, text, type Check } from './shape-check';
import { checkRecommendation, checkSignedInUser, checkSourceProblem } from './view-checks';

/**
 * The worker's replies to the messages the side panel sends (MESSAGES in src/shared/messages.ts),
 * checked by hand: the panel loads no zod at start (docs/performance.md P8).
 * src/sidepanel/panel-requests.test.ts holds each check to its response schema.
 */
const AuthState = { signedIn: bool, user: nullable(checkSignedInUser) };

export const PANEL_REPLIES = {
  'page/sign-in': object({
    ...AuthState,
    failure: optional(object({ reason: oneOf(['page-failed'] as const), detail: text(), loginHost: text(), clientId: text(), redirectUri: text() })),
  }),
  'page/sign-out': object(AuthState),
  'page/get-panel-settings': object(
    {
      configured: bool,
      provider: oneOf(['recommendations-query', 'conversation-suggestions', 'knowledge-search'] as const),
      minRelevanceScore: num(0, 1),
      maxContentAgeDays: num(0, 36_500, true),
    },
    true,
  ),
  'page/refresh': object({ queued: bool }, true),
  'page/knowledge-search': object({ results: list(checkRecommendation), invalidCount: num(), searchedKnowledgeBases: num(), sourceProblems: optional(list(checkSourceProblem)) }, true),
  'page/knowledge-available': object({ available: bool }, true),
  'page/record-event': object({ eventId: text() }, true),
  'page/insert-into-reply': object(
    { outcome: oneOf(['inserted', 'no-composer', 'conversation-changed', 'not-found', 'no-desktop'] as const), eventId: nullable(text()) },
    true,
  ),
} satisfies { [T in PanelMessageType]: Check<ResponseOf<T>> };

export type PanelMessageType = 'page/sign-in' | 'page/sign-out' | 'page/get-panel-settings' | 'page/refresh' | 'page/knowledge-search' | 'page/knowledge-available' | 'page/record-event' | 'page/insert-into-reply';

/** A worker request of the panel, its reply checked by hand; rejects with a WorkerRequestError. */
export function request<T extends PanelMessageType>(type: T, data: Parameters<typeof requestWorker<T>>[2]): Promise<ResponseOf<T>> {
  return requestWorker(browser.runtime, type, data, orNull(PANEL_REPLIES[type] as Check<ResponseOf<T>>));
}
