import type { HiddenRecommendation, Recommendation } from '../../shared/recommendation';

export interface Thresholds {
  minRelevanceScore: number;
  maxContentAgeDays: number;
}

export interface FilterResult {
  /** Shown to the agent, best first. */
  accepted: Recommendation[];
  /** Kept with the reason so the panel can "show hidden" and supervisors can tune thresholds. */
  hidden: HiddenRecommendation[];
}

const DAY_MS = 86_400_000;

/** Age in days, or null when the provider did not say (unknown age is never invented). */
export function ageInDays(publishedDate: string | null, now: number): number | null {
  if (publishedDate === null) return null;
  const published = Date.parse(publishedDate);
  if (Number.isNaN(published)) return null;
  return (now - published) / DAY_MS;
}

function byScoreThenRecency(now: number) {
  return (a: Recommendation, b: Recommendation) =>
    // Ranked cards first: a rule-chosen one has no score to compare, and the agent reads the
    // provider's ranking before what a rule added beside it.
    Number(a.ruleTriggered === true) - Number(b.ruleTriggered === true) ||
    b.relevanceScore - a.relevanceScore ||
    (ageInDays(a.publishedDate, now) ?? Infinity) - (ageInDays(b.publishedDate, now) ?? Infinity) ||
    a.title.localeCompare(b.title) ||
    a.id.localeCompare(b.id);
}

/**
 * `relevanceScore >= minRelevanceScore` (not for rule-triggered cards, which have no score) and
 * age `<= maxContentAgeDays` (docs/architecture.md pipeline step 7); ranked cards first, best first, then the
 * rule-triggered ones.
 * An item with no publish date passes the freshness test: its age is shown as unknown instead.
 */
export function filterRecommendations(items: readonly Recommendation[], thresholds: Thresholds, now: number): FilterResult {
  const accepted: Recommendation[] = [];
  const hidden: HiddenRecommendation[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue; // providers page; a repeated id is one recommendation
    seen.add(item.id);
    // A rule-chosen card has no score: the relevance threshold does not apply to it.
    if (!item.ruleTriggered && item.relevanceScore < thresholds.minRelevanceScore) {
      hidden.push({ recommendation: item, reason: 'low-score' });
      continue;
    }
    const age = ageInDays(item.publishedDate, now);
    if (age !== null && age > thresholds.maxContentAgeDays) {
      hidden.push({ recommendation: item, reason: 'too-old' });
      continue;
    }
    accepted.push(item);
  }
  const order = byScoreThenRecency(now);
  accepted.sort(order);
  hidden.sort((a, b) => order(a.recommendation, b.recommendation));
  return { accepted, hidden };
}
