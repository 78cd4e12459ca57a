import { t } from '../shared/i18n';
import { SignInButton } from './SignInButton';

/** The one signed-out state: never signed in or signed out, or (`sessionEnded`) a session that ended by itself. */
export function SignedOut({ onSignIn, pending, sessionEnded = false }: { onSignIn: () => void; pending: boolean; sessionEnded?: boolean }) {
  return (
    <section class="state" data-testid="signed-out" data-reason={sessionEnded ? 'session-ended' : undefined} aria-labelledby="signed-out-heading">
      <h2 id="signed-out-heading">{sessionEnded ? t('sessionEndedHeading') : t('signedOutHeading')}</h2>
      <p>{sessionEnded ? t('sessionEndedBody') : t('signedOutBody')}</p>
      <SignInButton onSignIn={onSignIn} pending={pending} />
    </section>
  );
}
