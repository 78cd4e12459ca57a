import type { ActionResult, PanelAction, PanelConnector, PanelSnapshot, SearchResult } from './connector';
import { snapshotFixture } from './fixtures';

export interface RecordedCall {
  action: PanelAction;
  tabId?: number;
}

/**
 * The connector's twin for unit tests and screenshots: serves a snapshot from fixtures, records
 * every action, and answers with `results[action]` (default: success). A pending promise there
 * keeps the action busy until the test resolves it.
 */
export class FakePanelConnector implements PanelConnector {
  readonly calls: RecordedCall[] = [];
  results: Partial<Record<PanelAction, ActionResult | Promise<ActionResult>>> = {};
  /** What `searchKnowledge` answers (default: no results), and the searches it was asked. */
  searchResult: SearchResult | Promise<SearchResult> = { ok: true, results: [] };
  readonly searches: { tabId: number; query: string }[] = [];
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

  searchKnowledge(tabId: number, query: string): Promise<SearchResult> {
    this.searches.push({ tabId, query });
    return Promise.resolve(this.searchResult);
  }
}
