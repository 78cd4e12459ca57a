import { t } from '../shared/i18n';
import type { ViewError } from '../shared/view-state';
import { SignInButton } from './SignInButton';
import { describeViewError } from './view-error-message';

interface Props {
  error: ViewError;
  onRetry: () => void;
  retrying: boolean;
  onSignIn: () => void;
  signingIn: boolean;
}

export function ErrorNotice({ error, onRetry, retrying, onSignIn, signingIn }: Props) {
  const { message, details } = describeViewError(error);
  return (
    <div class="notice notice--error" data-testid="error" data-kind={error.kind} role="alert">
      <p class="notice__message" data-testid="error-message">
        {message}
      </p>
      {details && (
        <p class="notice__details" data-testid="error-details">
          {details}
        </p>
      )}
      <div class="actions">
        {error.kind === 'auth' && <SignInButton onSignIn={onSignIn} pending={signingIn} />}
        <button type="button" class="button" data-testid="retry" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
          {t('retry')}
        </button>
      </div>
    </div>
  );
}
