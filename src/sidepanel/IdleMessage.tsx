import { t } from '../shared/i18n';

/** No desktop tab, or a desktop showing no conversation. */
export function IdleMessage() {
  return (
    <section class="state" data-testid="idle">
      <p>{t('idleOpenConversation')}</p>
    </section>
  );
}
