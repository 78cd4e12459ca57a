/**
 * One measured figure (docs/performance.md): `value` in `unit`, compared with `target` (lower is better).
 * A figure that could not be measured is left out of the results, never reported as zero.
 */
export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
  target: number;
  pass: boolean;
  runs?: number;
  /** A throughput: the target is a floor (≥), not a ceiling. */
  higherIsBetter?: boolean;
  /** Extra context printed under the table (medians, baselines, ratios). */
  detail?: string;
}

export type FigureRunner = () => Promise<Figure[]>;

export function figure(id: string, label: string, value: number, unit: string, target: number, extra: Partial<Figure> = {}): Figure {
  return { id, label, value: round(value), unit, target, pass: value <= target, ...extra };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
