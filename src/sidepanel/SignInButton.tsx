import { t } from '../shared/i18n';

/** The name stays exactly "Sign in" while busy; the wait is announced next to it. */
export function SignInButton({ onSignIn, pending }: { onSignIn: () => void; pending: boolean }) {
  return (
    <>
      <button type="button" class="button button--primary" onClick={onSignIn} disabled={pending} aria-busy={pending}>
        {pending && <span class="spinner" aria-hidden="true" />}
        {t('signIn')}
      </button>
      {pending && (
        <p class="hint" role="status" data-testid="sign-in-pending">
          {t('signInPending')}
        </p>
      )}
    </>
  );
}
