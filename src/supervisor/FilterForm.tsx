import { AUDIT_KINDS, type AuditKind } from '../shared/audit/audit-entry';
import { displayLocale, t } from '../shared/i18n';
import type { AgentFacet } from './audit-query';
import { datePlaceholder, parseDateText } from './date-text';
import { KIND_LABELS } from './entry-summary';

/** The filter form's values, as its inputs hold them (dates as typed, in the locale's format). */
export interface FilterValues {
  from: string;
  to: string;
  agentId: string;
  conversationId: string;
  kind: AuditKind | '';
  provider: string;
}

export const EMPTY_VALUES: FilterValues = { from: '', to: '', agentId: '', conversationId: '', kind: '', provider: '' };

interface Props {
  values: FilterValues;
  agents: AgentFacet[];
  providers: string[];
  busy: boolean;
  onChange: (values: FilterValues) => void;
  onApply: () => void;
}

/** A date box: the locale's format as placeholder and hint, invalid text flagged. */
function DateField({ name, label, value, onInput }: { name: 'from' | 'to'; label: string; value: string; onInput: (value: string) => void }) {
  const locale = displayLocale();
  const format = datePlaceholder(locale, { day: t('dateLetterDay'), month: t('dateLetterMonth'), year: t('dateLetterYear') });
  const invalid = parseDateText(value, locale) === null;
  return (
    <label>
      {label}
      <input
        type="text"
        name={name}
        inputMode="numeric"
        autocomplete="off"
        size={11}
        placeholder={format}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${name}-format`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <span class="filters__hint" id={`${name}-format`} data-testid={`${name}-format`}>
        {invalid ? t('auditFilterDateInvalid', format) : format}
      </span>
    </label>
  );
}

export function FilterForm({ values, agents, providers, busy, onChange, onApply }: Props) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  return (
    <form
      class="filters"
      data-testid="filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <DateField name="from" label={t('auditFilterFrom')} value={values.from} onInput={(from) => set({ from })} />
      <DateField name="to" label={t('auditFilterTo')} value={values.to} onInput={(to) => set({ to })} />
      <label>
        {t('auditFilterAgent')}
        <select name="agentId" value={values.agentId} onChange={(event) => set({ agentId: event.currentTarget.value })}>
          <option value="">{t('auditFilterAny')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name ? `${agent.name} (${agent.id})` : agent.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('auditFilterConversation')}
        <input type="text" name="conversationId" spellcheck={false} autocomplete="off" value={values.conversationId} onInput={(event) => set({ conversationId: event.currentTarget.value })} />
      </label>
      <label>
        {t('auditFilterKind')}
        <select name="kind" value={values.kind} onChange={(event) => set({ kind: event.currentTarget.value as AuditKind | '' })}>
          <option value="">{t('auditFilterAny')}</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('auditFilterProvider')}
        <select name="provider" value={values.provider} onChange={(event) => set({ provider: event.currentTarget.value })}>
          <option value="">{t('auditFilterAny')}</option>
          {providers.map((provider) => (
            <option key={provider} value={provider}>
              {provider}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy} data-testid="apply-filters">
        {t('auditFilterApply')}
      </button>
    </form>
  );
}
