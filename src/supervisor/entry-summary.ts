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
    case 'feedback':
      return `${entry.data.action} ${entry.data.recommendationId} (${entry.data.sourceId})${entry.data.reason ? ` — ${entry.data.reason}` : ''}`;
    case 'sign-in':
    case 'sign-out':
      return entry.data.userName ?? '';
    case 'settings-changed':
      return entry.data.keys.join(', ');
    case 'retention':
      return t('auditSummaryRetention', [entry.data.removedCount, entry.data.removedFromSeq, entry.data.removedThroughSeq, entry.data.retentionDays]);
  }
}
