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
