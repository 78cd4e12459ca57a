import { t } from '../shared/i18n';

/** No desktop tab, a desktop showing no conversation, or a conversation with nothing said yet. */
export function IdleMessage({ waitingForTranscript = false }: { waitingForTranscript?: boolean }) {
  return (
    <section class="state" data-testid={waitingForTranscript ? 'waiting-for-transcript' : 'idle'}>
      <p>{waitingForTranscript ? t('idleWaitingForTranscript') : t('idleOpenConversation')}</p>
    </section>
  );
}
