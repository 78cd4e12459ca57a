/**
 * Scores are shown as whole percents rounded down, so an item hidden for a score below 80% never
 * reads "80%". The epsilon absorbs binary fractions (0.29 * 100 = 28.999…).
 */
export function scorePercent(score: number): number {
  return Math.floor(score * 100 + 1e-9);
}

/** Thresholds are configured values: shown as set, to one decimal (0.805 → 80.5). */
export function thresholdPercent(threshold: number): number {
  return Math.round(threshold * 1000) / 10;
}

export type RelevanceLevel = 'high' | 'medium' | 'low';

/**
 * The score as a level agents can take in at a glance. Accepted items start at the threshold
 * (0.80 by default), so "high" is kept for the clearly better ones.
 */
export function relevanceLevel(score: number): RelevanceLevel {
  if (score >= 0.9) return 'high';
  if (score >= 0.75) return 'medium';
  return 'low';
}
