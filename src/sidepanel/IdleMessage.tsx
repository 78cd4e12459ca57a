import { t } from '../shared/i18n';

/**
 * No desktop tab, a desktop showing no conversation, one we cannot identify (said, never guessed),
 * or a conversation with nothing said yet.
 */
export function IdleMessage({ waitingForTranscript = false, unidentified = false }: { waitingForTranscript?: boolean; unidentified?: boolean }) {
  const text = waitingForTranscript ? t('idleWaitingForTranscript') : unidentified ? t('idleUnidentifiedConversation') : t('idleOpenConversation');
  return (
    <section class="state" data-testid={waitingForTranscript ? 'waiting-for-transcript' : 'idle'} data-reason={unidentified ? 'unidentified' : undefined}>
      <p>{text}</p>
    </section>
  );
}
