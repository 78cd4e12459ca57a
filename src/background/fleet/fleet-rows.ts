import type { AuditEntry } from '../../shared/audit/audit-entry';
import { canonicalJson } from '../../shared/audit/canonical-json';
import { hashedFields } from '../../shared/audit/hash-chain';
import { RECOMMENDATION_ACTIONS, type RecommendationAction } from '../../shared/recommendation-event';

/**
 * One audit entry as one row of the fleet table (src/shared/fleet/sql/schema.sql). The audit log
 * already holds every engagement (impression, click and feedback entries) and every latency
 * sample (delivery entries: provider, cache or provider, milliseconds), so the fleet gets them all
 * by sending the log; the typed columns are read off the entry so dashboards need no JSON.
 *
 * `event_id` is the install id and the sequence number: the same entry always makes the same id,
 * which is what lets the table and its queries collapse a batch sent twice. `entry` is the exact
 * text the hash covers (canonical JSON without prevHash and hash), so the server can check that
 * `hash = SHA-256(prev_hash + entry)` (the chain_check query).
 */
export interface FleetRow {
  event_id: string;
  org_id: string;
  install_id: string;
  agent_id: string;
  conversation_id: string;
  /** Epoch seconds (ClickHouse DateTime, UTC). */
  time: number;
  time_ms: number;
  seq: number;
  prev_hash: string;
  hash: string;
  kind: string;
  entry: string;
  provider: string;
  action: RecommendationAction | '';
  recommendation_id: string;
  source_id: string;
  reason: string;
  cache: 'hit' | 'miss' | '';
  latency_ms: number | null;
  provider_ms: number | null;
  shown_count: number;
  hidden_count: number;
  item_scores: number[];
  /** Days between publication and delivery; -1 when the provider gave no date. */
  item_age_days: number[];
  error_kind: string;
}

export interface RowContext {
  installId: string;
  orgId: string;
}

const DAY_MS = 86_400_000;
const UINT32_MAX = 4_294_967_295;

function uint32(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(UINT32_MAX, Math.max(0, Math.round(value))) : null;
}

function uint16(value: number): number {
  return Math.min(65_535, Math.max(0, Math.round(value)));
}

function actionOf(value: string): RecommendationAction | '' {
  return (RECOMMENDATION_ACTIONS as readonly string[]).includes(value) ? (value as RecommendationAction) : '';
}

export function fleetEventId(installId: string, seq: number): string {
  return `${installId}:${seq}`;
}

export function toFleetRow(entry: AuditEntry, context: RowContext): FleetRow {
  const row: FleetRow = {
    event_id: fleetEventId(context.installId, entry.seq),
    org_id: context.orgId,
    install_id: context.installId,
    agent_id: entry.agentId ?? '',
    conversation_id: entry.conversationId ?? '',
    time: Math.floor(entry.time / 1000),
    time_ms: entry.time,
    seq: entry.seq,
    prev_hash: entry.prevHash,
    hash: entry.hash,
    kind: entry.kind,
    entry: canonicalJson(hashedFields(entry)),
    provider: entry.provider ?? '',
    action: '',
    recommendation_id: '',
    source_id: '',
    reason: '',
    cache: '',
    latency_ms: null,
    provider_ms: null,
    shown_count: 0,
    hidden_count: 0,
    item_scores: [],
    item_age_days: [],
    error_kind: '',
  };
  switch (entry.kind) {
    case 'impression':
    case 'click':
    case 'feedback':
      row.action = actionOf(entry.data.action);
      row.recommendation_id = entry.data.recommendationId;
      row.source_id = entry.data.sourceId;
      row.reason = entry.data.reason ?? '';
      break;
    case 'delivery': {
      const { data } = entry;
      row.cache = data.source === 'cache' ? 'hit' : data.source === 'provider' ? 'miss' : '';
      row.latency_ms = uint32(data.latencyMs);
      row.provider_ms = uint32(data.providerMs);
      row.shown_count = uint16(data.shownCount);
      row.hidden_count = uint16(data.hiddenCount);
      for (const item of [...data.shown, ...data.hidden]) {
        const published = item.publishedDate === null ? Number.NaN : Date.parse(item.publishedDate);
        row.item_scores.push(item.score);
        row.item_age_days.push(Number.isNaN(published) ? -1 : Math.max(0, (entry.time - published) / DAY_MS));
      }
      break;
    }
    case 'provider-error':
      row.error_kind = entry.data.errorKind;
      break;
    default:
      break;
  }
  return row;
}
