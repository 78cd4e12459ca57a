import { delMany, entries, update, type UseStore } from 'idb-keyval';
import { DayMetrics, emptyDayMetrics, type Day } from '../../shared/metrics/day-metrics';

/**
 * The one owner of the metrics store (IndexedDB `agent-assist-metrics`): one aggregate per UTC day,
 * keyed by the day. A stored day that does not parse is reported and started afresh, never a crash.
 */
export const METRICS_RETENTION_DAYS = 400;

export interface MetricsStore {
  /** Applies `change` to the day's aggregate in one transaction. */
  update(day: Day, change: (current: DayMetrics) => DayMetrics): Promise<void>;
  /** Every stored day, oldest first. */
  list(): Promise<DayMetrics[]>;
  /** Deletes days before `firstKept`. */
  prune(firstKept: Day): Promise<number>;
}

function parseDay(day: Day, raw: unknown): DayMetrics {
  if (raw === undefined) return emptyDayMetrics(day);
  const parsed = DayMetrics.safeParse(raw);
  if (parsed.success && parsed.data.day === day) return parsed.data;
  console.warn(`[agent-assist] metrics for ${day} were unreadable and start again from zero`);
  return emptyDayMetrics(day);
}

export function createMetricsStore(store: UseStore): MetricsStore {
  return {
    update: (day, change) => update<unknown>(day, (raw) => change(parseDay(day, raw)), store),
    async list() {
      const all = await entries<string, unknown>(store);
      return all
        .map(([, value]) => DayMetrics.safeParse(value))
        .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
        .sort((a, b) => a.day.localeCompare(b.day));
    },
    async prune(firstKept) {
      const all = await entries<string, unknown>(store);
      const doomed = all.map(([key]) => key).filter((key) => key < firstKept);
      if (doomed.length) await delMany(doomed, store);
      return doomed.length;
    },
  };
}
