import { t } from '../shared/i18n';
import type { Channel } from '../shared/conversation';

// Thunks with literal keys, so the messages test finds every key used.
const LABELS: Record<Channel, () => string> = {
  voice: () => t('channelVoice'),
  chat: () => t('channelChat'),
  message: () => t('channelMessage'),
  email: () => t('channelEmail'),
  callback: () => t('channelCallback'),
  unknown: () => t('channelUnknown'),
};

export function channelLabel(channel: Channel): string {
  return LABELS[channel]();
}
