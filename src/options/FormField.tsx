import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../shared/i18n';
import { LockedFields } from './locked-fields';
import type { FormField as FieldKey } from './settings-form';

/** What the control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: FieldKey;
  name: FieldKey;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  /** Set when the administrator's policy locks the setting. */
  disabled?: boolean;
}

interface Props {
  id: FieldKey;
  label: string;
  hint?: string;
  error: string | undefined;
  control: (props: ControlProps) => ComponentChildren;
}

export function FormField({ id, label, hint, error, control }: Props) {
  const locked = useContext(LockedFields).has(id);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const lockedId = locked ? `${id}-locked` : null;
  const describedBy = [errorId, lockedId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {control({ id, name: id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, ...(locked && { disabled: true }) })}
      {locked && (
        <p class="field__locked" id={lockedId!} data-testid={`locked-${id}`}>
          {t('fieldLockedByPolicy')}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId!} data-testid={`error-${id}`}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field__hint" id={hintId!}>
          {hint}
        </p>
      )}
    </div>
  );
}
