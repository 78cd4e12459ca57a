import * as z from 'zod/mini';
import { browser } from '../shared/browser';
import { dayOf } from '../shared/metrics/day-metrics';
import { CLICK_ACTIONS, type RecommendationEvent, type RecommendationEventInput } from '../shared/recommendation-event';
import { createSerialQueue } from './serial-queue';

/**
 * An impression counts once per conversation and recommendation (docs/architecture.md "Feedback, CTR,
 * audit"), whoever reports it: the side panel, the inline overlay, a panel opened twice, a worker
 * that restarted in between. The pairs already counted live in storage.session with the eventId
 * they got and the day they were counted, so a repeat is answered with the first eventId and
 * recorded nothing.
 *
 * Clicks always pass through (raw clicks are their own figure); the first click of a counted
 * impression is also marked as such, with the impression's day, so CTR (docs/architecture.md
 * "Metrics definitions") counts each impression at most once and never exceeds 100 %.
 */
export const IMPRESSIONS_KEY = 'impressions:seen';
/** Newest pairs kept; an agent's shift sees far fewer. */
export const MAX_REMEMBERED = 500;

/** [conversation + recommendation, eventId of the impression, its UTC day, clicked since]. */
export type SeenImpression = [string, string, string, boolean];
const Seen = z.array(z.tuple([z.string(), z.string(), z.string(), z.boolean()]));

export interface ImpressionStore {
  read(): Promise<SeenImpression[]>;
  write(seen: SeenImpression[]): Promise<void>;
}

export const sessionImpressionStore: ImpressionStore = {
  async read() {
    const parsed = Seen.safeParse((await browser.storage.session.get(IMPRESSIONS_KEY))[IMPRESSIONS_KEY]);
    return parsed.success ? parsed.data : [];
  },
  async write(seen) {
    await browser.storage.session.set({ [IMPRESSIONS_KEY]: seen });
  },
};

/** What the recorder is told besides the action: the day of the impression this click is the first of. */
export interface EventExtras {
  clickedImpressionDay?: string;
}

export type RecordEvent = (input: RecommendationEventInput, extras?: EventExtras) => Promise<RecommendationEvent>;

function pairKey(input: RecommendationEventInput): string {
  return `${input.conversationId}\n${input.recommendationId}`;
}

export function createImpressionDedupe(record: RecordEvent, store: ImpressionStore = sessionImpressionStore) {
  // One at a time, so two reports of the same impression (or two first clicks) are not both counted.
  const queue = createSerialQueue();
  return function recordOnce(input: RecommendationEventInput): Promise<{ eventId: string }> {
    const isClick = CLICK_ACTIONS.includes(input.action);
    if (input.action !== 'impression' && !isClick) return record(input).then(({ eventId }) => ({ eventId }));
    // One key: the whole list is read and written back, whatever pair the input names.
    return queue.run(IMPRESSIONS_KEY, async () => {
      const seen = await store.read();
      const key = pairKey(input);
      const index = seen.findIndex(([pair]) => pair === key);
      const earlier = seen[index];
      if (isClick) {
        if (!earlier || earlier[3]) return { eventId: (await record(input)).eventId };
        const { eventId } = await record(input, { clickedImpressionDay: earlier[2] });
        await store.write(seen.map((entry, at) => (at === index ? ([entry[0], entry[1], entry[2], true] as SeenImpression) : entry)));
        return { eventId };
      }
      if (earlier) return { eventId: earlier[1] };
      const event = await record(input);
      await store.write([...seen, [key, event.eventId, dayOf(event.timestamp), false] as SeenImpression].slice(-MAX_REMEMBERED));
      return { eventId: event.eventId };
    });
  };
}
