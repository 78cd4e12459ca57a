import type { RecommendationEventInput } from '../shared/recommendation-event';
import type { ActionResult, CardMarks, EventResult, InsertResult, PanelAction, PanelConnector, PanelSnapshot, SearchResult } from './connector';
import { snapshotFixture } from './fixtures';

export interface RecordedCall {
  action: PanelAction;
  tabId?: number;
}

/**
 * The connector's twin for unit tests and screenshots: serves a snapshot from fixtures, records
 * every action, and answers with `results[action]` (default: success). A pending promise there
 * keeps the action busy until the test resolves it. Events, inserts and copies are recorded in
 * their own lists and answered from `eventResult`, `insertResult` and `copyResult`.
 */
export class FakePanelConnector implements PanelConnector {
  readonly calls: RecordedCall[] = [];
  readonly events: RecommendationEventInput[] = [];
  readonly inserts: { tabId: number; recommendationId: string }[] = [];
  readonly copies: string[] = [];
  results: Partial<Record<PanelAction, ActionResult | Promise<ActionResult>>> = {};
  /** What `searchKnowledge` answers (default: no results), and the searches it was asked. */
  searchResult: SearchResult | Promise<SearchResult> = { ok: true, results: [] };
  readonly searches: { tabId: number; query: string }[] = [];
  eventResult: (input: RecommendationEventInput) => EventResult | Promise<EventResult> = () => ({ ok: true, eventId: `event-${this.events.length}` });
  insertResult: InsertResult | Promise<InsertResult> = { ok: true, outcome: 'inserted' };
  copyResult: ActionResult | Promise<ActionResult> = { ok: true };
  marks: CardMarks = {};
  shortcuts: Record<string, string> = { _execute_action: 'Alt+Shift+K', 'insert-top-suggestion': 'Alt+Shift+Y' };
  private readonly listeners = new Set<(snapshot: PanelSnapshot) => void>();

  constructor(public snapshot: PanelSnapshot = snapshotFixture()) {}

  subscribe(onSnapshot: (snapshot: PanelSnapshot) => void, signal: AbortSignal): void {
    this.listeners.add(onSnapshot);
    signal.addEventListener('abort', () => this.listeners.delete(onSnapshot));
    onSnapshot(this.snapshot);
  }

  /** Publishes a new snapshot, as storage changes would. */
  update(patch: Partial<PanelSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private answer(call: RecordedCall): Promise<ActionResult> {
    this.calls.push(call);
    return Promise.resolve(this.results[call.action] ?? { ok: true });
  }

  signIn(): Promise<ActionResult> {
    return this.answer({ action: 'sign-in' });
  }

  signOut(): Promise<ActionResult> {
    return this.answer({ action: 'sign-out' });
  }

  refresh(tabId: number): Promise<ActionResult> {
    return this.answer({ action: 'refresh', tabId });
  }

  openSettings(): Promise<ActionResult> {
    return this.answer({ action: 'open-settings' });
  }

  /** What `knowledgeAvailable` answers (default: yes). */
  knowledge = true;

  knowledgeAvailable(): Promise<boolean> {
    return Promise.resolve(this.knowledge);
  }

  searchKnowledge(tabId: number, query: string): Promise<SearchResult> {
    this.searches.push({ tabId, query });
    return Promise.resolve(this.searchResult);
  }

  recordEvent(input: RecommendationEventInput): Promise<EventResult> {
    this.events.push(input);
    return Promise.resolve(this.eventResult(input));
  }

  insertIntoReply(tabId: number, recommendationId: string): Promise<InsertResult> {
    this.inserts.push({ tabId, recommendationId });
    return Promise.resolve(this.insertResult);
  }

  copyText(text: string): Promise<ActionResult> {
    this.copies.push(text);
    return Promise.resolve(this.copyResult);
  }

  readCardMarks(): Promise<CardMarks> {
    return Promise.resolve(structuredClone(this.marks));
  }

  writeCardMarks(marks: CardMarks): Promise<void> {
    this.marks = structuredClone(marks);
    return Promise.resolve();
  }

  readCommandShortcuts(): Promise<Record<string, string>> {
    return Promise.resolve({ ...this.shortcuts });
  }
}
