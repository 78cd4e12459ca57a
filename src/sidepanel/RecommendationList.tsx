import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Recommendation } from '../shared/recommendation';
import type { CardAck, CardAction } from './card-actions';
import { movedIndex, type CardCommand } from './card-keys';
import type { CardMark } from './connector';
import type { CardActionSet } from './primary-action';
import { RecommendationCard } from './RecommendationCard';
import { useImpressions } from './use-impressions';

interface Props {
  /** Accepted and not dismissed, in the worker's order (best first). */
  recommendations: readonly Recommendation[];
  now: number;
  marks: Readonly<Record<string, CardMark>>;
  actions: CardActionSet;
  act(recommendation: Recommendation, action: CardAction, reason?: string): Promise<CardAck>;
  /** A card became at least half visible. */
  onSeen(recommendationId: string): void;
}

const NO_MARK: CardMark = {};

/**
 * The cards, one tab stop for the whole list (roving focus): Tab reaches the current card, the
 * arrow keys (or j/k, Home, End) move between cards, and the card's own shortcuts act on it.
 */
export function RecommendationList({ recommendations, now, marks, actions, act, onSeen }: Props) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const elements = useRef(new Map<string, HTMLLIElement>());
  const refs = useRef(new Map<string, (element: HTMLLIElement | null) => void>());
  const observe = useImpressions(onSeen);

  const ids = recommendations.map((recommendation) => recommendation.id);
  const current = activeId !== null && ids.includes(activeId) ? activeId : (ids[Math.min(lastIndex.current, ids.length - 1)] ?? null);

  // One stable ref callback per card, so re-renders do not re-observe or lose elements.
  const refFor = (id: string) => {
    let ref = refs.current.get(id);
    if (!ref) {
      ref = (element) => {
        if (element) elements.current.set(id, element);
        else elements.current.delete(id);
        observe(id, element);
      };
      refs.current.set(id, ref);
    }
    return ref;
  };

  const focusCard = (id: string | undefined) => {
    if (id === undefined) return;
    setActiveId(id);
    elements.current.get(id)?.focus();
  };

  // A dismissed card takes focus with it: hand it to the card that took its place.
  const idsKey = ids.join('\n');
  useEffect(() => {
    if (activeId === null || ids.includes(activeId)) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    const next = ids[Math.min(lastIndex.current, ids.length - 1)];
    setActiveId(next ?? null);
    if (focusLost && next !== undefined) elements.current.get(next)?.focus();
  }, [idsKey]);

  return (
    <section class="results" aria-labelledby="recommendations-heading">
      <h2 class="section-heading" id="recommendations-heading">
        {t('recommendationsHeading')}
      </h2>
      <ol class="cards" data-testid="recommendations">
        {recommendations.map((recommendation, index) => (
          <RecommendationCard
            key={recommendation.id}
            recommendation={recommendation}
            now={now}
            mark={marks[recommendation.id] ?? NO_MARK}
            actions={actions}
            tabStop={recommendation.id === current}
            cardRef={refFor(recommendation.id)}
            onFocusCard={() => {
              lastIndex.current = index;
              setActiveId(recommendation.id);
            }}
            onMove={(command: CardCommand) => {
              const target = movedIndex(command, index, ids.length);
              if (target !== null) focusCard(ids[target]);
            }}
            act={(action, reason) => {
              lastIndex.current = index;
              return act(recommendation, action, reason);
            }}
          />
        ))}
      </ol>
    </section>
  );
}
