import type { AuditBody, AuditHiddenItem, AuditItem, DeliveryData } from '../../shared/audit/audit-entry';
import type { Turn } from '../../shared/conversation';
import type { HiddenRecommendation, Recommendation } from '../../shared/recommendation';
import { CLICK_ACTIONS, type RecommendationEvent } from '../../shared/recommendation-event';
import type { Settings } from '../../shared/settings';
import type { SignedInUser, ViewState } from '../../shared/view-state';
import { redactText } from './redact';
import { requestLatencyMs } from '../../shared/metrics/request-latency';

/**
 * What the audit log records for each worker event, as pure functions (the shell in audit-subsystem.ts
 * reads storage and writes). Loading, idle, signed-out and not-configured views record nothing:
 * only what the agent was shown (`ready`) and failures (`error`).
 */

function auditItem(item: Recommendation): AuditItem {
  return { id: item.id, title: item.title, sourceId: item.sourceId, score: item.relevanceScore, publishedDate: item.publishedDate };
}

function auditHidden(hidden: HiddenRecommendation): AuditHiddenItem {
  return { ...auditItem(hidden.recommendation), reason: hidden.reason };
}

export const EXCERPT_MAX_CHARS = 600;

/** The end of the transcript (what the recommendations answered), redacted, then cut to size. */
export function transcriptExcerpt(turns: readonly Turn[], maxChars: number = EXCERPT_MAX_CHARS): string {
  const text = turns.map((turn) => `${turn.role === 'customer' ? 'Customer' : 'Agent'}: ${redactText(turn.text)}`).join('\n');
  return text.length <= maxChars ? text : `…${text.slice(text.length - maxChars + 1)}`;
}

export interface ViewContext {
  provider: string;
  agentId: string | null;
  settings: Pick<Settings, 'minRelevanceScore' | 'maxContentAgeDays'>;
  /** Already redacted; only given when `auditTranscriptExcerpts` is on. */
  excerpt?: string;
}

export function entryForView(view: ViewState, context: ViewContext): AuditBody | null {
  const base = { time: view.updatedAt, agentId: context.agentId, conversationId: view.conversationId, provider: context.provider };
  if (view.status === 'ready') {
    const reasons = { 'low-score': 0, 'too-old': 0 };
    for (const hidden of view.hidden) reasons[hidden.reason] += 1;
    const data: DeliveryData = {
      channel: view.channel,
      source: view.source ?? null,
      stale: view.stale,
      latencyMs: requestLatencyMs(view),
      providerMs: view.providerMs ?? null,
      shownCount: view.recommendations.length,
      hiddenCount: view.hidden.length,
      hiddenReasons: reasons,
      invalidCount: view.invalidCount,
      thresholds: { minRelevanceScore: context.settings.minRelevanceScore, maxContentAgeDays: context.settings.maxContentAgeDays },
      shown: view.recommendations.map(auditItem),
      hidden: view.hidden.map(auditHidden),
      ...(context.excerpt !== undefined && { transcriptExcerpt: context.excerpt }),
    };
    return { ...base, kind: 'delivery', data };
  }
  if (view.status === 'error' && view.error) {
    const { error } = view;
    return {
      ...base,
      kind: 'provider-error',
      data: {
        errorKind: error.kind,
        message: error.message,
        status: error.status ?? null,
        code: error.code ?? null,
        correlationId: error.correlationId ?? null,
        stale: view.recommendations.length > 0,
      },
    };
  }
  return null;
}

/** What the agent acted on, as the panel showed it: looked up in the desktop tabs' published views. */
export function describeRecommendation(views: readonly (ViewState | null)[], conversationId: string, recommendationId: string): { title: string; sourceName?: string } | null {
  for (const view of views) {
    if (view?.conversationId !== conversationId) continue;
    const found = view.recommendations.find((item) => item.id === recommendationId) ?? view.hidden.find((item) => item.recommendation.id === recommendationId)?.recommendation;
    if (found) return { title: found.title, ...(found.sourceName !== undefined && { sourceName: found.sourceName }) };
  }
  return null;
}

export function entryForAction(event: RecommendationEvent, provider: string | null, about: { title: string; sourceName?: string } | null = null): AuditBody {
  const kind = event.action === 'impression' ? 'impression' : CLICK_ACTIONS.includes(event.action) ? 'click' : 'feedback';
  const time = Date.parse(event.timestamp);
  return {
    kind,
    time: Number.isNaN(time) ? Date.now() : time,
    agentId: event.agentId,
    conversationId: event.conversationId,
    provider,
    data: {
      eventId: event.eventId,
      action: event.action,
      recommendationId: event.recommendationId,
      sourceId: event.sourceId,
      ...(about !== null && { title: about.title }),
      ...(about?.sourceName !== undefined && { sourceName: about.sourceName }),
      // The agent's own words may quote the customer: masked like transcript excerpts, since every
      // entry also leaves the browser on the fleet path (docs/fleet.md).
      ...(event.reason !== undefined && { reason: redactText(event.reason) }),
    },
  };
}

export function entryForSession(kind: 'sign-in' | 'sign-out', user: SignedInUser | null, time: number): AuditBody {
  return { kind, time, agentId: user?.id ?? null, conversationId: null, provider: null, data: { userName: user?.name ?? null } };
}

/** URLs may carry a secret in their query string: their change is recorded, not their value. */
const VALUE_HIDDEN_KEYS = new Set(['loginBaseUrl', 'apiBaseUrl', 'feedbackWebhookUrl']);

export function entryForSettings(keys: readonly string[], settings: Settings, agentId: string | null, time: number): AuditBody {
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    if (VALUE_HIDDEN_KEYS.has(key) || !Object.hasOwn(settings, key)) continue;
    values[key] = settings[key as keyof Settings];
  }
  return { kind: 'settings-changed', time, agentId, conversationId: null, provider: settings.provider, data: { keys: [...keys], values } };
}
