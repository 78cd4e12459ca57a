/**
 * One record of the audit log (docs/architecture.md): what an agent saw and did, in
 * an append-only, hash-chained list in IndexedDB. The worker is its only writer; the supervisor
 * page reads it. Kept as plain types (no zod): the page streams 100,000 of these into an export,
 * and the hash check, not a schema, is what says whether a stored entry is genuine.
 */

export const AUDIT_KINDS = [
  'sign-in',
  'sign-out',
  /** Recommendations published for a conversation (shown and hidden, with scores). */
  'delivery',
  /** The provider (or the pipeline) failed: status, Genesys code, correlation id. */
  'provider-error',
  /** A recommendation was rendered visible (action `impression`). */
  'impression',
  /** open, copy or insert. */
  'click',
  /** helpful, not_helpful or dismissed. */
  'feedback',
  'settings-changed',
  /** Old entries were removed from the start of the chain; carries the anchor. */
  'retention',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** An item as a delivery entry records it: enough to answer "what did they see" and replay thresholds. */
export interface AuditItem {
  id: string;
  title: string;
  sourceId: string;
  score: number;
  /** RFC 3339 or null when the provider did not say. */
  publishedDate: string | null;
}

export interface AuditHiddenItem extends AuditItem {
  reason: 'low-score' | 'too-old';
}

export interface DeliveryData {
  channel: string | null;
  /** `cache` or `provider`. */
  source: string | null;
  stale: boolean;
  /** Context received → view published (ms), when known. */
  latencyMs: number | null;
  providerMs: number | null;
  shownCount: number;
  hiddenCount: number;
  hiddenReasons: { 'low-score': number; 'too-old': number };
  invalidCount: number;
  /** The thresholds in force, so "what if" knows what was applied. */
  thresholds: { minRelevanceScore: number; maxContentAgeDays: number };
  shown: AuditItem[];
  hidden: AuditHiddenItem[];
  /** Only with `auditTranscriptExcerpts` on, and always redacted. */
  transcriptExcerpt?: string;
}

export interface ProviderErrorData {
  errorKind: string;
  message: string;
  status: number | null;
  code: string | null;
  correlationId: string | null;
  /** Earlier results stayed on screen. */
  stale: boolean;
}

export interface ActionData {
  eventId: string;
  action: string;
  recommendationId: string;
  sourceId: string;
  /** The recommendation's title and knowledge base name when the worker still had them on view: the supervisor reads names, not ids. */
  title?: string;
  sourceName?: string;
  reason?: string;
}

export interface SignInData {
  userName: string | null;
}

export interface SettingsChangedData {
  keys: string[];
  /** New values of the keys that are not URLs (URLs may carry secrets in their query). */
  values: Record<string, unknown>;
}

export interface RetentionData {
  retentionDays: number;
  /** RFC 3339: entries older than this were removed. */
  cutoff: string;
  removedFromSeq: number;
  removedThroughSeq: number;
  removedCount: number;
  /** The hash of entry `removedThroughSeq`: the `prevHash` the first remaining entry links to. */
  anchorHash: string;
}

export interface AuditDataByKind {
  'sign-in': SignInData;
  'sign-out': SignInData;
  delivery: DeliveryData;
  'provider-error': ProviderErrorData;
  impression: ActionData;
  click: ActionData;
  feedback: ActionData;
  'settings-changed': SettingsChangedData;
  retention: RetentionData;
}

/** What the worker decides to record; the chain adds `seq`, `prevHash` and `hash`. */
export type AuditBody = {
  [K in AuditKind]: {
    kind: K;
    /** Epoch ms, when it happened. */
    time: number;
    agentId: string | null;
    conversationId: string | null;
    provider: string | null;
    data: AuditDataByKind[K];
  };
}[AuditKind];

/** Hashed fields: everything but `prevHash` and `hash` (see hash-chain.ts). */
export type SequencedBody = AuditBody & { seq: number };

export type AuditEntry = SequencedBody & {
  /** Hash of the previous entry (GENESIS_HASH for seq 1). */
  prevHash: string;
  /** Lower-case hex SHA-256 of `prevHash + canonicalJson(entry without prevHash and hash)`. */
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** The last entry written (kept beside the entries, in the same transaction, to detect a cut tail). */
export interface ChainHead {
  seq: number;
  hash: string;
}
