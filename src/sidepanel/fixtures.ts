import type { HiddenReason, HiddenRecommendation, Recommendation } from '../shared/recommendation';
import { DEFAULT_SETTINGS, panelSettingsOf } from '../shared/settings';
import { emptyViewState, type ViewState, type ViewStatus } from '../shared/view-state';
import type { PanelSnapshot } from './connector';

/** Fixtures for unit tests and screenshots. Dates are relative to FIXTURE_NOW so tests are stable. */
export const FIXTURE_NOW = Date.parse('2025-03-20T12:00:00Z');
const DAY_MS = 86_400_000;

export function daysBefore(days: number): string {
  return new Date(FIXTURE_NOW - days * DAY_MS).toISOString();
}

export function recommendationFixture(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'kb-1',
    title: 'Resetting a customer password',
    content: '<p>Open <b>Accounts</b>, find the customer and choose <i>Reset password</i>.</p>',
    relevanceScore: 0.92,
    publishedDate: daysBefore(3),
    sourceId: 'kb-support',
    sourceName: 'Support knowledge base',
    url: 'https://help.example.com/articles/reset-password',
    ...overrides,
  };
}

export function hiddenFixture(reason: HiddenReason, overrides: Partial<Recommendation> = {}): HiddenRecommendation {
  const recommendation =
    reason === 'low-score'
      ? recommendationFixture({ id: 'kb-low', title: 'Billing cycles explained', relevanceScore: 0.62, ...overrides })
      : recommendationFixture({ id: 'kb-old', title: 'Legacy password policy', relevanceScore: 0.85, publishedDate: daysBefore(45), ...overrides });
  return { recommendation, reason };
}

export function viewFixture(status: ViewStatus, overrides: Partial<ViewState> = {}): ViewState {
  const base = emptyViewState(7, status);
  const withConversation = status === 'loading' || status === 'ready' || status === 'error';
  return {
    ...base,
    updatedAt: FIXTURE_NOW,
    ...(withConversation && { conversationId: 'conv-1', channel: 'chat' as const }),
    ...overrides,
  };
}

export function snapshotFixture(overrides: Partial<PanelSnapshot> = {}): PanelSnapshot {
  return {
    tabId: 7,
    view: viewFixture('ready', { recommendations: [recommendationFixture()] }),
    user: { id: 'agent-1', name: 'Ada Agent' },
    settings: panelSettingsOf(DEFAULT_SETTINGS),
    ...overrides,
  };
}
