/**
 * The y axis of the supervisor's charts: "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of
 * ten) so labels never repeat once rounded, integer steps for counts, and the room the longest
 * label needs on the left so none is cut off by the chart's edge.
 */
export interface YScale {
  /** The axis top: the last tick. */
  top: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks from 0 to at least `max`, about `intervals` apart; integer steps when `integer`. */
export function niceTicks(max: number, options: { integer?: boolean; intervals?: number } = {}): YScale {
  const intervals = options.intervals ?? 4;
  const integer = options.integer ?? false;
  const value = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = value / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = 10 * magnitude;
  for (const candidate of STEPS) {
    const size = candidate * magnitude;
    if (size >= rough && (!integer || Number.isInteger(size))) {
      step = size;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.ceil(step));
  const count = Math.max(1, Math.ceil(value / step - 1e-9));
  // Multiplying (not adding) keeps 0.1 + 0.2 errors out of the labels.
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { top: ticks.at(-1)!, ticks };
}

/** Approximate width in px of a label in the chart's 11 px system font (digits are ~0.6 em). */
export function labelWidth(label: string, fontPx = 11): number {
  return Math.ceil(label.length * fontPx * 0.62);
}

/** The left margin that fits every tick label plus the gap to the axis. */
export function leftMargin(labels: readonly string[], gap = 10, minimum = 32): number {
  return Math.max(minimum, ...labels.map((label) => labelWidth(label) + gap));
}
