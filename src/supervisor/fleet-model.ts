
/**
 * The Fleet view's numbers from the rows the fleet queries return (src/shared/fleet/sql/queries.sql).
 * ClickHouse's JSON output quotes 64-bit integers, so every count is read with `num`. Pure, so the
 * page's figures are tested against the same rows the SQL gives.
 */
export type Rows = Record<string, unknown>[];

export function num(value: unknown): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export interface CtrSeries {
  key: string;
  impressions: number;
  clicked: number;
  /** Per bucket: CTR, or null with no impressions then. */
  points: (number | null)[];
}

export interface CtrTable {
  buckets: number[];
  series: CtrSeries[];
}

/** CTR per key (source or agent) per bucket: clicked impressions ÷ impressions. */
export function ctrTable(rows: Rows, keyColumn: 'source_id' | 'agent_id'): CtrTable {
  const buckets = [...new Set(rows.map((row) => num(row.bucket)))].sort((a, b) => a - b);
  const byKey = new Map<string, Map<number, { impressions: number; clicked: number }>>();
  for (const row of rows) {
    const key = text(row[keyColumn]);
    const points = byKey.get(key) ?? new Map<number, { impressions: number; clicked: number }>();
    points.set(num(row.bucket), { impressions: num(row.impressions), clicked: num(row.clicked) });
    byKey.set(key, points);
  }
  const series = [...byKey.entries()].map(([key, points]) => {
    let impressions = 0;
    let clicked = 0;
    for (const point of points.values()) {
      impressions += point.impressions;
      clicked += point.clicked;
    }
    return {
      key,
      impressions,
      clicked,
      points: buckets.map((bucket) => {
        const point = points.get(bucket);
        return point && point.impressions > 0 ? point.clicked / point.impressions : null;
      }),
    };
  });
  series.sort((a, b) => b.impressions - a.impressions || a.key.localeCompare(b.key));
  return { buckets, series };
}

export interface LatencyRow {
  provider: string;
  deliveries: number;
  cacheHits: number;
  p50: number;
  p95: number;
}

export function latencyRows(rows: Rows): LatencyRow[] {
  return rows.map((row) => ({ provider: text(row.provider), deliveries: num(row.deliveries), cacheHits: num(row.cache_hits), p50: num(row.p50), p95: num(row.p95) }));
}

export function reasonRows(rows: Rows): { reason: string; count: number }[] {
  return rows.map((row) => ({ reason: text(row.reason), count: num(row.count) }));
}

export function whatIfResult(rows: Rows): { items: number; would: number; shown: number } {
  const row = rows[0] ?? {};
  return { items: num(row.items), would: num(row.would), shown: num(row.shown) };
}

export interface ChainRow {
  installId: string;
  agentIds: string[];
  entries: number;
  firstSeq: number;
  lastSeq: number;
  /** Sequence numbers that follow a gap (an entry before each is missing). */
  gapsBefore: number[];
  brokenLinks: number[];
  edited: number[];
  conflicting: number[];
  ok: boolean;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(num) : [];
}

export function chainRows(rows: Rows): ChainRow[] {
  return rows.map((row) => {
    const chain = {
      installId: text(row.install_id),
      agentIds: Array.isArray(row.agent_ids) ? row.agent_ids.map(text).filter((id) => id !== '') : [],
      entries: num(row.entries),
      firstSeq: num(row.first_seq),
      lastSeq: num(row.last_seq),
      gapsBefore: numbers(row.gaps_before),
      brokenLinks: numbers(row.broken_links),
      edited: numbers(row.edited),
      conflicting: numbers(row.conflicting),
    };
    return { ...chain, ok: chain.gapsBefore.length + chain.brokenLinks.length + chain.edited.length + chain.conflicting.length === 0 };
  });
}

/** The chart bucket for a range: hours up to two days, else days. */
export function bucketFor(rangeSeconds: number): number {
  return rangeSeconds <= 2 * 86_400 ? 3_600 : 86_400;
}

/** Rows per chain_check request: about half a second of one core on a small server (docs/fleet.md). */
export const CHAIN_RUN_ROWS = 50_000;

export interface InstallRun {
  first: string;
  last: string;
}

/**
 * Cuts chain_installs' answer (installs in the server's order, each with its row count) into
 * consecutive runs of about `maxRows` rows, so no single chain_check hashes the whole range. An
 * install with more rows than that is a run of its own: its chain is checked in one piece.
 */
export function chainRuns(rows: Rows, maxRows: number = CHAIN_RUN_ROWS): InstallRun[] {
  const runs: InstallRun[] = [];
  let current: (InstallRun & { rows: number }) | null = null;
  for (const row of rows) {
    const install = text(row.install_id);
    if (install === '') continue;
    const count = num(row.rows);
    if (current && current.rows + count <= maxRows) {
      current.last = install;
      current.rows += count;
      continue;
    }
    if (current) runs.push({ first: current.first, last: current.last });
    current = { first: install, last: install, rows: count };
  }
  if (current) runs.push({ first: current.first, last: current.last });
  return runs;
}
