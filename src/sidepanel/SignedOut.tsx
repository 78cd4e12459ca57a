import { t } from '../shared/i18n';
import { SignInButton } from './SignInButton';

export function SignedOut({ onSignIn, pending }: { onSignIn: () => void; pending: boolean }) {
  return (
    <section class="state" data-testid="signed-out" aria-labelledby="signed-out-heading">
      <h2 id="signed-out-heading">{t('signedOutHeading')}</h2>
      <p>{t('signedOutBody')}</p>
      <SignInButton onSignIn={onSignIn} pending={pending} />
    </section>
  );
}
