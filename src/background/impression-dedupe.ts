import * as z from 'zod/mini';
import { browser } from '../shared/browser';
import type { RecommendationEvent, RecommendationEventInput } from '../shared/recommendation-event';

/**
 * An impression counts once per conversation and recommendation (DESIGN.md "Feedback, CTR,
 * audit"), whoever reports it: the side panel, the inline overlay, a panel opened twice, a worker
 * that restarted in between. The pairs already counted live in storage.session with the eventId
 * they got, so a repeat is answered with the first eventId and recorded nothing. Other actions
 * pass straight through.
 */
export const IMPRESSIONS_KEY = 'impressions:seen';
/** Newest pairs kept; an agent's shift sees far fewer. */
export const MAX_REMEMBERED = 500;

const Seen = z.array(z.tuple([z.string(), z.string()]));

export interface ImpressionStore {
  read(): Promise<[string, string][]>;
  write(seen: [string, string][]): Promise<void>;
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

function pairKey(input: RecommendationEventInput): string {
  return `${input.conversationId}\n${input.recommendationId}`;
}

export function createImpressionDedupe(record: (input: RecommendationEventInput) => Promise<RecommendationEvent>, store: ImpressionStore = sessionImpressionStore) {
  // One at a time, so two reports of the same impression arriving together are not both counted.
  let queue: Promise<unknown> = Promise.resolve();
  return function recordOnce(input: RecommendationEventInput): Promise<{ eventId: string }> {
    if (input.action !== 'impression') return record(input).then(({ eventId }) => ({ eventId }));
    const run = queue.then(async () => {
      const seen = await store.read();
      const key = pairKey(input);
      const earlier = seen.find(([pair]) => pair === key);
      if (earlier) return { eventId: earlier[1] };
      const { eventId } = await record(input);
      await store.write([...seen, [key, eventId] as [string, string]].slice(-MAX_REMEMBERED));
      return { eventId };
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
