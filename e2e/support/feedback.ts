import type { WebhookRecord } from '../simulator/control-api';
import type { Page } from '@playwright/test';

/**
 * Acting as the side panel does when the agent opens, copies, rates or sees a recommendation:
 * the `page/record-event` message from an extension page (src/shared/messages.ts), and reading
 * what the worker reports about the outbox and the metrics.
 */
export interface EventInput {
  conversationId: string;
  recommendationId: string;
  sourceId: string;
  action: 'impression' | 'open' | 'copy' | 'insert' | 'helpful' | 'not_helpful' | 'dismissed';
  reason?: string;
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(([messageType, payload]) => chrome.runtime.sendMessage({ type: messageType, data: payload }), [type, data] as const);
  const typed = reply as Reply<T> | undefined;
  if (!typed) throw new Error(`${type}: no reply`);
  if (!typed.ok) throw new Error(`${type}: ${typed.error.code} ${typed.error.message}`);
  return typed.data;
}

/** Records one agent action from an extension page; resolves with its eventId once the worker acknowledged it. */
export async function recordEvent(page: Page, input: EventInput): Promise<string> {
  return (await ask<{ eventId: string }>(page, 'page/record-event', input)).eventId;
}

export interface OutboxStatusReply {
  events: number;
  capacity: number;
  warning: 'near-full' | 'full' | null;
  dropped: number;
  destinations: { id: string; configured: boolean; pending: number; parked: number; failures: number; retryAt: number | null; lastError: { kind: string; message: string; status?: number } | null }[];
  parked: { eventId: string; conversationId: string; destination: string; error: { kind: string; message: string; status?: number } }[];
}

export function outboxStatus(page: Page): Promise<OutboxStatusReply> {
  return ask<OutboxStatusReply>(page, 'page/get-outbox-status', {});
}

export interface MetricsReply {
  days: { day: string }[];
  summary: {
    bySource: Record<string, { impressions: number; clickedImpressions: number; clicks: number; ctr: number | null }>;
    byAgent: Record<string, { impressions: number; clickedImpressions: number; clicks: number; ctr: number | null }>;
    engagement: { day: string; sourceId: string; agentId: string; impressions: number; clickedImpressions: number; clicks: number; ctr: number | null; helpful: number }[];
    latency: Record<string, { count: number; p50Ms: number | null; p95Ms: number | null; p99Ms: number | null }>;
    rejected: Record<string, number>;
    providerErrors: Record<string, number>;
  };
}

export function metricsReport(page: Page, query: { fromDay?: string; toDay?: string } = {}): Promise<MetricsReply> {
  return ask<MetricsReply>(page, 'page/get-metrics', query);
}

export async function webhookSummary(origin: string): Promise<WebhookRecord> {
  const response = await fetch(new URL('/__sim/webhook', origin));
  return (await response.json()) as WebhookRecord;
}
