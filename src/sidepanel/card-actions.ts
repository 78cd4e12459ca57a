import { articleText } from '../shared/dom/article-text';
import { t } from '../shared/i18n';
import type { InsertOutcome } from '../shared/messages';
import type { Recommendation } from '../shared/recommendation';
import type { RecommendationAction } from '../shared/recommendation-event';
import type { ActionFailure, CardMark, PanelConnector } from './connector';

/**
 * What each card button does, and the line that acknowledges it. Every action is an event for
 * the worker (`page/record-event`); the agent sees it acknowledged only once the worker took it,
 * and sees why when it did not.
 */
export type CardAction = 'copy' | 'insert' | 'helpful' | 'not_helpful' | 'dismiss' | 'open';

export interface CardAck {
  ok: boolean;
  message: string;
}

export interface CardActionContext {
  connector: PanelConnector;
  tabId: number;
  conversationId: string;
  /** Remembers a rating or dismissal once the worker recorded it. */
  mark(recommendationId: string, change: CardMark): void;
}

function failureText(failure: ActionFailure): string {
  if (failure.code === 'no-reply') return t('actionNoReply');
  if (failure.code === 'bad-reply') return t('actionBadReply');
  return failure.message;
}

const INSERT_MESSAGES: Record<InsertOutcome, () => CardAck> = {
  inserted: () => ({ ok: true, message: t('insertDone') }),
  'no-composer': () => ({ ok: false, message: t('insertNoComposer') }),
  'conversation-changed': () => ({ ok: false, message: t('insertConversationChanged') }),
  'not-found': () => ({ ok: false, message: t('insertNotFound') }),
  'no-desktop': () => ({ ok: false, message: t('insertNoDesktop') }),
};

async function record(context: CardActionContext, recommendation: Recommendation, action: RecommendationAction, reason?: string): Promise<CardAck | null> {
  const result = await context.connector.recordEvent({
    conversationId: context.conversationId,
    recommendationId: recommendation.id,
    sourceId: recommendation.sourceId,
    action,
    ...(reason ? { reason } : {}),
  });
  return result.ok ? null : { ok: false, message: t('eventNotRecorded', [failureText(result)]) };
}

export async function performCardAction(context: CardActionContext, recommendation: Recommendation, action: CardAction, reason?: string): Promise<CardAck> {
  switch (action) {
    case 'copy': {
      const copied = await context.connector.copyText(articleText(recommendation.content));
      if (!copied.ok) return { ok: false, message: t('copyFailed', [failureText(copied)]) };
      return (await record(context, recommendation, 'copy')) ?? { ok: true, message: t('copied') };
    }
    case 'insert': {
      // The worker records the insert itself, once the text is in the reply box.
      const inserted = await context.connector.insertIntoReply(context.tabId, recommendation.id);
      if (!inserted.ok) return { ok: false, message: t('insertFailed', [failureText(inserted)]) };
      return INSERT_MESSAGES[inserted.outcome]();
    }
    case 'helpful':
    case 'not_helpful': {
      const failed = await record(context, recommendation, action, reason);
      if (failed) return failed;
      context.mark(recommendation.id, { rating: action });
      return { ok: true, message: action === 'helpful' ? t('ratedHelpful') : t('ratedNotHelpful') };
    }
    case 'dismiss': {
      const failed = await record(context, recommendation, 'dismissed');
      if (failed) return failed;
      context.mark(recommendation.id, { dismissed: true });
      return { ok: true, message: t('dismissedNamed', [recommendation.title]) };
    }
    case 'open':
      return (await record(context, recommendation, 'open')) ?? { ok: true, message: '' };
  }
}
