import type { SupervisorAccess } from '../shared/audit/supervisor-access';
import { t } from '../shared/i18n';

interface Props {
  access: SupervisorAccess | null;
  signingIn: boolean;
  onSignIn: () => void;
  onSignOut: () => void;
}

/** Who is signed in and whether they may export, with the permission named. */
export function AccessBanner({ access, signingIn, onSignIn, onSignOut }: Props) {
  if (!access) return <p class="notice" data-testid="access" data-access="checking">{t('auditAccessChecking')}</p>;
  const name = access.user?.name ?? '';
  let text: string;
  switch (access.reason) {
    case 'supervisor':
      text = t('auditAccessSupervisor', [name, access.permission]);
      break;
    case 'signed-out':
      text = t('auditAccessSignedOut', access.permission);
      break;
    case 'missing-permission':
      text = t('auditAccessMissingPermission', [name, access.permission]);
      break;
    case 'permissions-unavailable':
      text = t('auditAccessUnavailable', [name, access.permission]);
      break;
    case 'error':
      text = t('auditAccessError', access.message ?? '');
      break;
  }
  return (
    <div class={access.supervisor ? 'notice' : 'notice notice--warning'} data-testid="access" data-access={access.reason}>
      <p>{text}</p>
      {access.session === 'supervisor' && access.signedIn && (
        // The page's own session: ending it leaves the agent's panel signed in as before.
        <button type="button" class="button" onClick={onSignOut} disabled={signingIn} data-testid="access-sign-out">
          {t('auditAccessSignOutPage')}
        </button>
      )}
      {!access.supervisor && (
        <button type="button" class="button" onClick={onSignIn} disabled={signingIn} aria-busy={signingIn} data-testid="access-sign-in">
          {access.signedIn ? t('auditAccessSwitchUser') : t('signIn')}
        </button>
      )}
    </div>
  );
}
