import type { AuditEntry, AuditKind } from '../shared/audit/audit-entry';
import { displayLocale, t } from '../shared/i18n';
import { formatMilliseconds } from '../shared/locale-format';

/** The entry kinds as the page names them (thunks with literal keys, for the messages test). */
export const KIND_LABELS: Record<AuditKind, () => string> = {
  'sign-in': () => t('auditKindSignIn'),
  'sign-out': () => t('auditKindSignOut'),
  delivery: () => t('auditKindDelivery'),
  'provider-error': () => t('auditKindProviderError'),
  impression: () => t('auditKindImpression'),
  click: () => t('auditKindClick'),
  feedback: () => t('auditKindFeedback'),
  'settings-changed': () => t('auditKindSettingsChanged'),
  retention: () => t('auditKindRetention'),
};

/** What the agent did, in words, with the recommendation's title (its id in entries from before titles were recorded). */
const ACTION_SUMMARIES: Record<string, (title: string) => string> = {
  impression: (title) => t('auditActionImpression', [title]),
  open: (title) => t('auditActionOpen', [title]),
  copy: (title) => t('auditActionCopy', [title]),
  insert: (title) => t('auditActionInsert', [title]),
  helpful: (title) => t('auditActionHelpful', [title]),
  not_helpful: (title) => t('auditActionNotHelpful', [title]),
  dismissed: (title) => t('auditActionDismissed', [title]),
};

/** One line saying what the entry records, for the table. */
export function entrySummary(entry: AuditEntry): string {
  switch (entry.kind) {
    case 'delivery': {
      const { data } = entry;
      const latency = data.latencyMs === null ? '' : t('auditSummaryLatency', [formatMilliseconds(data.latencyMs, displayLocale())]);
      return t('auditSummaryDelivery', [data.shownCount, data.hiddenCount]) + latency;
    }
    case 'provider-error': {
      const { data } = entry;
      return [data.status === null ? data.errorKind : `HTTP ${data.status}`, data.code, data.correlationId && t('auditSummaryCorrelation', data.correlationId)].filter(Boolean).join(' · ');
    }
    case 'impression':
    case 'click':
    case 'feedback': {
      const { data } = entry;
      const name = data.title ?? data.recommendationId;
      const said = (ACTION_SUMMARIES[data.action] ?? (() => `${data.action} “${name}”`))(name);
      return [said, data.sourceName, data.reason].filter(Boolean).join(' · ');
    }
    case 'sign-in':
    case 'sign-out':
      return entry.data.userName ?? '';
    case 'settings-changed':
      return entry.data.keys.join(', ');
    case 'retention':
      return t('auditSummaryRetention', [entry.data.removedCount, entry.data.removedFromSeq, entry.data.removedThroughSeq, entry.data.retentionDays]);
  }
}
