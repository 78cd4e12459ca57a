import { t } from '../shared/i18n';
import type { ActionFailure, PanelAction } from './connector';

/** A failed button press, for a `role="alert"` line. */
export function describeActionFailure(action: PanelAction, failure: ActionFailure): string {
  // The worker was asleep and did not wake, or is not there at all (extension being updated).
  if (failure.code === 'no-reply') return t('actionNoReply');
  if (failure.code === 'bad-reply') return t('actionBadReply');
  switch (action) {
    case 'sign-in':
      if (failure.signIn) return t('signInPageFailed', [failure.signIn.loginHost, failure.signIn.clientId, failure.signIn.redirectUri]);
      return failure.code === 'not-signed-in' ? t('signInIncomplete') : t('signInFailed', [failure.message]);
    case 'sign-out':
      return t('signOutFailed', [failure.message]);
    case 'refresh':
      return t('refreshFailed', [failure.message]);
    case 'open-settings':
      return t('openSettingsFailed', [failure.message]);
  }
}
