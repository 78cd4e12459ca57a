import type { Ref } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { articleNodes, excerptNodes } from '../shared/dom/article-content';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import { ArticleContent } from './ArticleContent';
import { linkableUrl } from './article-link';
import type { CardAck, CardAction } from './card-actions';
import { cardCommandFor, type CardCommand } from './card-keys';
import type { CardMark } from './connector';
import { CardIcon } from './CardIcon';
import { NotHelpfulFormView } from './lazy-views';
import type { CardActionSet } from './primary-action';
import { describePublished } from './published-date';
import { RelevanceBadge } from './RuleBadge';
import { TypeBadge } from './TypeBadge';
import { WhySuggested } from './WhySuggested';

const preloadReasonForm = () => void NotHelpfulFormView.preload();

/** Characters of content shown before "Show more". */
export const EXCERPT_LENGTH = 280;

interface Props {
  recommendation: Recommendation;
  now: number;
  mark: CardMark;
  /** Whether Insert is offered, and which of Copy and Insert leads (by channel). */
  actions: CardActionSet;
  /** This card is the list's tab stop (roving focus). */
  tabStop: boolean;
  cardRef: Ref<HTMLLIElement>;
  onFocusCard(): void;
  /** A movement key (next, previous, first, last) pressed on the card. */
  onMove(command: CardCommand): void;
  act(action: CardAction, reason?: string): Promise<CardAck>;
}

export function RecommendationCard({ recommendation, now, mark, actions, tabStop, cardRef, onFocusCard, onMove, act }: Props) {
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState<CardAction | null>(null);
  const [ack, setAck] = useState<CardAck | null>(null);
  const [askingReason, setAskingReason] = useState(false);
  const opened = useRef(false);
  const notHelpfulButton = useRef<HTMLButtonElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const id = useId();
  const nodes = useMemo(() => articleNodes(recommendation.content), [recommendation.content]);
  const short = useMemo(() => excerptNodes(nodes, EXCERPT_LENGTH), [nodes]);
  const published = describePublished(recommendation.publishedDate, now);
  const href = linkableUrl(recommendation.url);
  const source = recommendation.sourceName || recommendation.sourceId;
  const titleId = `${id}-title`;
  const order: ('copy' | 'insert')[] = actions.primary === 'insert' ? ['insert', 'copy'] : actions.canInsert ? ['copy', 'insert'] : ['copy'];

  const run = async (action: CardAction, reason?: string) => {
    if (busy) return;
    setBusy(action);
    setAck(null);
    const result = await act(action, reason);
    setBusy(null);
    if (action === 'not_helpful' && result.ok) {
      setAskingReason(false);
      notHelpfulButton.current?.focus();
    }
    setAck(result);
  };

  /**
   * Reading in full counts as opening it, once. Recording it runs beside the agent's actions rather
   * than holding the card busy: a copy pressed right after expanding must not be dropped while the
   * worker is still taking the open.
   */
  const recordOpen = () => {
    if (opened.current) return;
    opened.current = true;
    void act('open').then((result) => {
      if (!result.ok) setAck(result);
    });
  };

  const toggle = () => {
    if (!expanded) recordOpen();
    setExpanded(!expanded);
  };

  const command = (which: CardCommand) => {
    switch (which) {
      case 'toggle':
        return short.truncated ? toggle() : undefined;
      case 'open-link':
        return link.current?.click();
      case 'copy':
        return void run('copy');
      case 'insert':
        return actions.canInsert ? void run('insert') : undefined;
      case 'helpful':
        return void run('helpful');
      case 'not-helpful':
        return setAskingReason(true);
      case 'dismiss':
        return void run('dismiss');
      default:
        return onMove(which);
    }
  };

  return (
    <li
      class="card"
      data-testid="recommendation"
      data-id={recommendation.id}
      data-rating={mark.rating}
      ref={cardRef}
      tabIndex={tabStop ? 0 : -1}
      aria-labelledby={titleId}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        onFocusCard();
        // A focused card is one key (N) from the reason form: fetch it now, so it opens at once.
        preloadReasonForm();
      }}
      onKeyDown={(event) => {
        // Shortcuts act on the card itself, never while a button, link or field inside has focus.
        if (event.target !== event.currentTarget) return;
        const which = cardCommandFor(event);
        if (!which) return;
        event.preventDefault();
        command(which);
      }}
    >
      <div class="card__head">
        <h3 class="card__title" data-testid="title" id={titleId}>
          {recommendation.title}
        </h3>
        <TypeBadge kind={recommendation.kind} />
      </div>
      <p class="card__meta">
        <RelevanceBadge recommendation={recommendation} testId="score" />
        <span class="card__source" data-testid="source" data-source-id={recommendation.sourceId}>
          {source}
        </span>
        {published.dateTime ? (
          <time class="card__date" data-testid="published" dateTime={published.dateTime} title={published.full ?? undefined}>
            {published.text}
          </time>
        ) : (
          <span class="card__date" data-testid="published">
            {published.text}
          </span>
        )}
      </p>
      <WhySuggested recommendation={recommendation} />
      <div class="card__content" data-testid="content" id={`${id}-content`}>
        <ArticleContent nodes={expanded || !short.truncated ? nodes : short.nodes} />
      </div>
      {(short.truncated || href) && (
        <div class="card__actions">
          {short.truncated && (
            <button
              type="button"
              class="button button--link"
              data-testid="content-toggle"
              aria-expanded={expanded}
              aria-controls={`${id}-content`}
              onClick={toggle}
            >
              {expanded ? t('showLess') : t('showMore')}
            </button>
          )}
          {href && (
            <a
              class="card__link"
              data-testid="link"
              href={href}
              ref={link}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('openArticleNamed', [recommendation.title])}
              onClick={recordOpen}
            >
              {t('openArticle')}
            </a>
          )}
        </div>
      )}
      <div class="card__toolbar" role="group" aria-label={t('cardActionsFor', [recommendation.title])}>
        {order.map((action) => (
          <button
            key={action}
            type="button"
            class={action === actions.primary ? 'button button--small button--primary' : 'button button--small'}
            data-testid={action}
            data-primary={action === actions.primary}
            onClick={() => void run(action)}
            aria-busy={busy === action}
          >
            {action === 'copy' ? t('copy') : t('insertIntoReply')}
          </button>
        ))}
        <span class="card__toolbar-end">
          <button
            type="button"
            class="button button--small button--icon"
            data-testid="helpful"
            aria-label={t('helpful')}
            title={t('helpful')}
            aria-pressed={mark.rating === 'helpful'}
            aria-busy={busy === 'helpful'}
            onClick={() => void run('helpful')}
          >
            <CardIcon name="up" />
          </button>
          <button
            type="button"
            class="button button--small button--icon"
            data-testid="not-helpful"
            ref={notHelpfulButton}
            aria-label={t('notHelpful')}
            title={t('notHelpful')}
            aria-pressed={mark.rating === 'not_helpful'}
            aria-expanded={askingReason}
            onPointerEnter={preloadReasonForm}
            onFocus={preloadReasonForm}
            onClick={() => setAskingReason(!askingReason)}
          >
            <CardIcon name="down" />
          </button>
          <button
            type="button"
            class="button button--small button--icon button--quiet"
            data-testid="dismiss"
            aria-label={t('dismiss')}
            title={t('dismiss')}
            onClick={() => void run('dismiss')}
            aria-busy={busy === 'dismiss'}
          >
            <CardIcon name="close" />
          </button>
        </span>
      </div>
      {askingReason && (
        <NotHelpfulFormView
          title={recommendation.title}
          sending={busy === 'not_helpful'}
          onSend={(reason) => void run('not_helpful', reason)}
          onCancel={() => {
            setAskingReason(false);
            notHelpfulButton.current?.focus();
          }}
        />
      )}
      <p class={ack && !ack.ok ? 'card__ack card__ack--error' : 'card__ack'} data-testid="ack" data-ok={ack ? String(ack.ok) : undefined} role="status">
        {ack?.message ?? ''}
      </p>
    </li>
  );
}
