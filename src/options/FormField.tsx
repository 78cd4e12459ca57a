import type { ComponentChildren } from 'preact';
import type { FormField as FieldKey } from './settings-form';

/** What the control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: FieldKey;
  name: FieldKey;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  id: FieldKey;
  label: string;
  hint?: string;
  error: string | undefined;
  control: (props: ControlProps) => ComponentChildren;
}

export function FormField({ id, label, hint, error, control }: Props) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {control({ id, name: id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
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
