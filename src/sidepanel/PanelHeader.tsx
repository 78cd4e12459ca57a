import { t } from '../shared/i18n';
import type { Channel } from '../shared/conversation';
import type { SignedInUser } from '../shared/view-state';
import { channelLabel } from './channel-label';

interface Props {
  user: SignedInUser | null;
  channel: Channel | null;
  /** Who and what the followed conversation is about, as the desktop shows it. */
  customerName?: string | undefined;
  subject?: string | undefined;
  signingOut: boolean;
  onSignOut: () => void;
}

export function PanelHeader({ user, channel, customerName, subject, signingOut, onSignOut }: Props) {
  return (
    <header class="panel-header">
      <div class="panel-header__row">
        <h1 class="panel-title">{t('panelTitle')}</h1>
        {channel && (
          <p class="channel">
            <span class="visually-hidden">{t('channelPrefix')} </span>
            <span data-testid="channel">{channelLabel(channel)}</span>
          </p>
        )}
      </div>
      {(customerName || subject) && (
        <p class="panel-conversation" data-testid="followed-conversation">
          <span class="visually-hidden">{t('followedConversation')} </span>
          {customerName && (
            <span class="panel-conversation__name" data-testid="customer-name">
              {customerName}
            </span>
          )}
          {subject && (
            <span class="panel-conversation__subject" data-testid="subject">
              {subject}
            </span>
          )}
        </p>
      )}
      {user && (
        <div class="account">
          <span class="account__name">
            <span class="visually-hidden">{t('signedInAs')} </span>
            <span data-testid="user-name">{user.name}</span>
          </span>
          <button type="button" class="button button--quiet" onClick={onSignOut} disabled={signingOut} aria-busy={signingOut}>
            {t('signOut')}
          </button>
        </div>
      )}
    </header>
  );
}
