import type { ActionFailure, ActionResult } from '../pages/action-result';
import type { Recommendation } from '../shared/recommendation';
import type { InsertOutcome } from '../shared/messages';
import type { RecommendationEventInput } from '../shared/recommendation-event';
import type { PanelSettings } from '../shared/settings';
import type { SignedInUser, SourceProblem, ViewState } from '../shared/view-state';

/**
 * The side panel renders from a connector (the connector pattern, docs/contributing.md): `extension-connector.ts` binds it to
 * storage.session and the worker, `fake-connector.ts` to fixtures for unit tests. Components never
 * touch an extension API, so they render anywhere.
 */
export interface PanelSnapshot {
  /** The desktop tab the panel follows; null when there is none (no active tab). */
  tabId: number | null;
  /** What the worker published for that tab; null when it published nothing (not a desktop tab). */
  view: ViewState | null;
  /** Who is signed in (storage.session `auth:user`), or null. */
  user: SignedInUser | null;
  /** Whether set-up is done, the provider, and the thresholds shown next to hidden items (the worker's `page/get-panel-settings`). */
  settings: PanelSettings;
}

/** Until the worker answers, or when it cannot: what the default settings give (its test checks they agree). */
export const UNKNOWN_PANEL_SETTINGS: PanelSettings = { configured: false, provider: 'recommendations-query', minRelevanceScore: 0.8, maxContentAgeDays: 7 };


export type { ActionFailure, ActionResult } from '../pages/action-result';

export type PanelAction = 'sign-in' | 'sign-out' | 'refresh' | 'open-settings';

/** The agent's knowledge search: results best first, or why it failed. */
export type SearchResult = { ok: true; results: Recommendation[]; sourceProblems?: SourceProblem[] } | ({ ok: false } & ActionFailure);
/** The worker recorded the event (`page/record-event`) under this id, or refused it. */
export type EventResult = { ok: true; eventId: string } | ({ ok: false } & ActionFailure);

/** How an insert into the desktop's reply box ended (`page/insert-into-reply`). */
export type InsertResult = { ok: true; outcome: InsertOutcome } | ({ ok: false } & ActionFailure);

/** What the agent did to each card of a conversation, kept while the browser runs. */
export interface CardMark {
  rating?: 'helpful' | 'not_helpful';
  dismissed?: boolean;
}
/** conversationId → recommendationId → mark. */
export type CardMarks = Record<string, Record<string, CardMark>>;

export interface PanelConnector {
  /**
   * Calls `onSnapshot` with the whole state once it is known, then on every change, until `signal`
   * aborts. Never calls it with a half-loaded state.
   */
  subscribe(onSnapshot: (snapshot: PanelSnapshot) => void, signal: AbortSignal): void;
  /** Interactive sign-in (`page/sign-in`); resolves when it finished or failed. */
  signIn(): Promise<ActionResult>;
  signOut(): Promise<ActionResult>;
  /** Runs the pipeline again for the tab (`page/refresh`). */
  refresh(tabId: number): Promise<ActionResult>;
  openSettings(): Promise<ActionResult>;
  /** The knowledge search for the tab's conversation (`page/knowledge-search`, Genesys mode). */
  searchKnowledge(tabId: number, query: string): Promise<SearchResult>;
  /** Whether the signed-in user can search Genesys Knowledge (`page/knowledge-available`); false when unsure. */
  knowledgeAvailable(): Promise<boolean>;
  /** Reports an agent's action on a recommendation (`page/record-event`). */
  recordEvent(input: RecommendationEventInput): Promise<EventResult>;
  /** Inserts a recommendation of the tab's view into its reply box, through the worker. */
  insertIntoReply(tabId: number, recommendationId: string): Promise<InsertResult>;
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<ActionResult>;
  /** Ratings and dismissals made earlier (storage.session), so a reopened panel keeps them. */
  readCardMarks(): Promise<CardMarks>;
  writeCardMarks(marks: CardMarks): Promise<void>;
  /** The keyboard shortcuts the agent has for the extension's commands (name → "Alt+Shift+K"; "" when unset). */
  readCommandShortcuts(): Promise<Record<string, string>>;
}
