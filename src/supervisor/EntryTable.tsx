import { useMemo, useState } from 'preact/hooks';
import type { AuditEntry } from '../shared/audit/audit-entry';
import { displayLocale, t } from '../shared/i18n';
import { entrySummary, KIND_LABELS } from './entry-summary';
import { shortIds } from './short-ids';

interface Props {
  rows: AuditEntry[];
  /** Index of the first row among all matches (for aria-rowindex). */
  offset: number;
  total: number;
  selected: number | null;
  onSelect: (seq: number) => void;
  /** agentId → name, from sign-in entries. */
  agentNames: ReadonlyMap<string, string>;
}

export const ROW_HEIGHT = 34;
const VIEWPORT_ROWS = 14;
const OVERSCAN = 6;

/**
 * The page of matching entries. Only the rows in view (plus a few) are in the DOM, so a page of
 * 1,000 rows scrolls as lightly as one of 50.
 */
export function EntryTable({ rows, offset, total, selected, onSelect, agentNames }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN);
  const time = new Intl.DateTimeFormat(displayLocale(), { dateStyle: 'short', timeStyle: 'medium' });
  const conversations = useMemo(() => shortIds(rows.flatMap((entry) => (entry.conversationId ? [entry.conversationId] : []))), [rows]);
  return (
    <div class="entries" role="table" aria-label={t('auditTableLabel')} aria-rowcount={total + 1} data-testid="entries">
      <div class="entries__row entries__row--head" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('auditColumnSeq')}</span>
        <span role="columnheader">{t('auditColumnTime')}</span>
        <span role="columnheader">{t('auditColumnKind')}</span>
        <span role="columnheader">{t('auditColumnAgent')}</span>
        <span role="columnheader">{t('auditColumnConversation')}</span>
        <span role="columnheader">{t('auditColumnSummary')}</span>
      </div>
      <div class="entries__viewport" style={{ height: `${Math.min(rows.length, VIEWPORT_ROWS) * ROW_HEIGHT + 2}px` }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid="entries-viewport">
        <div style={{ height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' }} role="rowgroup">
          {rows.slice(start, end).map((entry, i) => {
            const index = start + i;
            return (
              <div
                key={entry.seq}
                class={entry.seq === selected ? 'entries__row entries__row--selected' : 'entries__row'}
                role="row"
                aria-rowindex={offset + index + 2}
                data-testid="entry-row"
                data-seq={entry.seq}
                data-kind={entry.kind}
                style={{ position: 'absolute', top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px`, left: 0, right: 0 }}
              >
                <span role="cell">
                  <button type="button" class="link-button" onClick={() => onSelect(entry.seq)} aria-pressed={entry.seq === selected}>
                    {entry.seq}
                  </button>
                </span>
                <span role="cell">{time.format(entry.time)}</span>
                <span role="cell">{KIND_LABELS[entry.kind]()}</span>
                <span role="cell" title={entry.agentId ?? ''}>
                  {entry.agentId ? (agentNames.get(entry.agentId) ?? entry.agentId) : '—'}
                </span>
                <span role="cell" title={entry.conversationId ?? ''} data-testid="entry-conversation">
                  {entry.conversationId ? conversations.get(entry.conversationId) : '—'}
                </span>
                <span role="cell" title={entrySummary(entry)}>
                  {entrySummary(entry)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
