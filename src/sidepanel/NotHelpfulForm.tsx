import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** Reason codes a supervisor can count; free text goes after a colon. */
export const NOT_HELPFUL_REASONS = ['not-relevant', 'out-of-date', 'incorrect', 'other'] as const;
export type NotHelpfulReason = (typeof NOT_HELPFUL_REASONS)[number];

const REASON_LABELS: Record<NotHelpfulReason, () => string> = {
  'not-relevant': () => t('reasonNotRelevant'),
  'out-of-date': () => t('reasonOutOfDate'),
  incorrect: () => t('reasonIncorrect'),
  other: () => t('reasonOther'),
};

export const MAX_REASON_DETAILS = 400;

/** The reason sent with `not_helpful`: "out-of-date", "other: wrong product", or nothing. */
export function composeReason(reason: NotHelpfulReason | null, details: string): string | undefined {
  const text = details.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_DETAILS);
  if (!reason && !text) return undefined;
  return [reason ?? 'other', text].filter(Boolean).join(': ');
}

export interface NotHelpfulFormProps {
  title: string;
  sending: boolean;
  onSend(reason: string | undefined): void;
  onCancel(): void;
}

/** "Not helpful", with an optional reason: sending without one is fine. */
export function NotHelpfulForm({ title, sending, onSend, onCancel }: NotHelpfulFormProps) {
  const [reason, setReason] = useState<NotHelpfulReason | null>(null);
  const [details, setDetails] = useState('');
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="reason-form"
      data-testid="reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSend(composeReason(reason, details));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>{t('reasonLegend', [title])}</legend>
        {NOT_HELPFUL_REASONS.map((code, index) => (
          <label class="reason-form__choice" key={code}>
            <input
              type="radio"
              name={`${id}-reason`}
              value={code}
              checked={reason === code}
              ref={index === 0 ? first : undefined}
              onChange={() => setReason(code)}
            />
            {REASON_LABELS[code]()}
          </label>
        ))}
      </fieldset>
      <label class="reason-form__details" for={`${id}-details`}>
        {t('reasonDetails')}
      </label>
      <input
        id={`${id}-details`}
        type="text"
        data-testid="reason-details"
        maxLength={MAX_REASON_DETAILS}
        value={details}
        onInput={(event) => setDetails(event.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={sending} aria-busy={sending}>
          {t('reasonSend')}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
