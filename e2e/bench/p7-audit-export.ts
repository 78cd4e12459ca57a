import type { CDPSession, Page } from '@playwright/test';
import { simulatorSettings, writeSettings } from '../support/agent-desktop';
import { launchExtension } from '../support/launch-extension';
import { exportDownload, openSupervisor, signInThroughLoginPage } from '../support/supervisor-page';
import { startSimulator } from '../simulator/server';
import { figure, percentile, round, type Figure } from './figure';

/**
 * P7: the supervisor page exports 100,000 audit entries to CSV and to NDJSON. Entries are seeded
 * straight into the audit log's IndexedDB (a realistic mix: deliveries with five scored items,
 * impressions, clicks), then each export is started with the page's own button and timed from the
 * click until the page says it is done (the file handed to the browser's downloads); page heap growth is the peak of the JS heap during the
 * export (sampled every 50 ms over CDP) above a post-GC baseline taken just before it.
 *
 * The machine is shared, so each run is paired with a baseline in the same page: reading the same
 * entries from IndexedDB and doing nothing with them (the floor no export can beat).
 */
const ENTRIES = 100_000;
/** Three, the fewest that still show the spread: each run is an export and a raw read of 100,000 entries. */
const RUNS = 3;

async function seed(page: Page, count: number): Promise<void> {
  // tsx (esbuild keepNames) wraps named helpers in __name(); the page has no such function.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(async (total) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('agent-assist-audit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const hex = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
    // 25 days: inside the default 30-day retention, which runs while the benchmark does.
    const start = Date.now() - 25 * 86_400_000;
    const item = (n: number, score: number) => ({ id: `article-${n}`, title: `How to handle case ${n}, "quickly"`, sourceId: `kb-${n % 4}`, score, publishedDate: '2026-01-01T00:00:00.000Z' });
    let prevHash = '0'.repeat(64);
    for (let from = 1; from <= total; from += 5000) {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['entries', 'meta'], 'readwrite');
        const store = transaction.objectStore('entries');
        for (let seq = from; seq < Math.min(from + 5000, total + 1); seq++) {
          const time = start + Math.floor((seq / total) * 25 * 86_400_000);
          const hash = hex();
          const common = { seq, time, agentId: `agent-${seq % 25}`, conversationId: `conv-${Math.floor(seq / 7)}`, provider: 'recommendations-query', prevHash, hash };
          const kind = seq % 3;
          if (kind === 0) {
            store.put({
              ...common,
              kind: 'delivery',
              data: {
                channel: 'chat',
                source: seq % 2 ? 'cache' : 'provider',
                stale: false,
                latencyMs: 40 + (seq % 400),
                providerMs: 30,
                shownCount: 3,
                hiddenCount: 2,
                hiddenReasons: { 'low-score': 1, 'too-old': 1 },
                invalidCount: 0,
                thresholds: { minRelevanceScore: 0.8, maxContentAgeDays: 7 },
                shown: [item(seq, 0.95), item(seq + 1, 0.9), item(seq + 2, 0.85)],
                hidden: [
                  { ...item(seq + 3, 0.5), reason: 'low-score' },
                  { ...item(seq + 4, 0.9), publishedDate: '2024-01-01T00:00:00.000Z', reason: 'too-old' },
                ],
              },
            });
          } else {
            store.put({ ...common, kind: kind === 1 ? 'impression' : 'click', data: { eventId: crypto.randomUUID(), action: kind === 1 ? 'impression' : 'open', recommendationId: `article-${seq}`, sourceId: `kb-${seq % 4}` } });
          }
          prevHash = hash;
          if (seq === total) transaction.objectStore('meta').put({ seq, hash }, 'head');
        }
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('seed failed'));
      });
    }
    db.close();
  }, count);
}

/** The floor: every entry read from IndexedDB in the export's chunk size, nothing written. */
async function rawRead(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('agent-assist-audit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const started = performance.now();
    let lower = IDBKeyRange.lowerBound(1);
    for (;;) {
      const rows = await new Promise<{ seq: number }[]>((resolve, reject) => {
        const request = db.transaction('entries').objectStore('entries').getAll(lower, 2000);
        request.onsuccess = () => resolve(request.result as { seq: number }[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      if (rows.length < 2000) break;
      lower = IDBKeyRange.lowerBound(rows[rows.length - 1]!.seq, true);
    }
    db.close();
    return performance.now() - started;
  });
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function exportOnce(page: Page, cdp: CDPSession, format: 'csv' | 'ndjson'): Promise<{ ms: number; pageMs: number; heapGrowth: number; retained: number; bytes: number; written: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const baseline = await heapUsed(cdp);
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapUsed(cdp));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const file = await exportDownload(page, format);
  const ms = performance.now() - started;
  sampling = false;
  await sampler;
  await cdp.send('HeapProfiler.collectGarbage');
  const retained = (await heapUsed(cdp)) - baseline;
  const status = page.getByTestId('export-status');
  const pageMs = Number(await status.getAttribute('data-ms'));
  const written = Number(await status.getAttribute('data-written'));
  const path = await file.path();
  const { statSync } = await import('node:fs');
  const bytes = statSync(path).size;
  await file.delete();
  return { ms, pageMs, heapGrowth: peak - baseline, retained, bytes, written };
}

/** For ad-hoc profiling. */
export const seedForProbe = seed;

export async function measureAuditExport(): Promise<Figure[]> {
  const simulator = await startSimulator({ port: 0, latencyMs: 0 });
  const { context, extensionId, serviceWorker } = await launchExtension({ headless: true });
  try {
    const page = await openSupervisor(context, extensionId);
    await page.locator('[data-testid="match-count"][data-count="0"]').waitFor();
    await seed(page, ENTRIES);
    // Exports are for supervisors: the page signs in to its own session as the simulator's supervisor.
    await writeSettings(serviceWorker, simulatorSettings(simulator.origin));
    await signInThroughLoginPage(context, () => page.getByTestId('access-sign-in').click(), 'supervisor');
    await page.getByTestId('export').waitFor();
    await page.reload();
    await page.getByTestId('export').waitFor();
    await page.waitForFunction((total) => Number(document.querySelector('[data-testid="match-count"]')?.getAttribute('data-count')) >= total, ENTRIES, { timeout: 120_000 });
    const matches = Number(await page.getByTestId('match-count').getAttribute('data-count'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const figures: Figure[] = [];
    for (const format of ['csv', 'ndjson'] as const) {
      const runs = [];
      const floors: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        floors.push(await rawRead(page));
        runs.push(await exportOnce(page, cdp, format));
      }
      if (runs.some((run) => run.written < matches)) throw new Error(`${format}: exported ${runs.map((run) => run.written).join('/')} of ${matches}`);
      const times = runs.map((run) => run.ms);
      const growths = runs.map((run) => run.heapGrowth / 1_048_576);
      // Each export against the raw read just before it: both see the same machine at the same moment.
      const ratios = runs.map((run, index) => run.ms / floors[index]!);
      const id = format === 'csv' ? 'P7-csv' : 'P7-ndjson';
      figures.push(
        figure(`${id}.ratio`, `${format.toUpperCase()} export ÷ raw IndexedDB read of the same entries, median`, percentile(ratios, 50), '×', 1.3, {
          runs: RUNS,
          detail: `ratios ${ratios.map((ratio) => round(ratio)).join(' / ')} (spread ${round(Math.min(...ratios))}–${round(Math.max(...ratios))}); exports ${times.map((t) => Math.round(t)).join(' / ')} ms (in-page ${runs.map((run) => Math.round(run.pageMs)).join(' / ')}); raw reads ${floors.map((t) => Math.round(t)).join(' / ')} ms; file ${round(runs[0]!.bytes / 1_048_576)} MB`,
        }),
        figure(id, `audit export of ${ENTRIES.toLocaleString('en')} entries to ${format.toUpperCase()}, median`, percentile(times, 50), 'ms', 3000, { runs: RUNS }),
        // The peak counts garbage the collector has not reclaimed yet, so it varies run to run: the worst run is the figure.
        figure(`${id}-heap.max`, `page heap growth during the ${format.toUpperCase()} export, worst run`, Math.max(...growths), 'MB', 64, {
          runs: RUNS,
          detail: `peaks ${growths.map((growth) => round(growth)).join(' / ')} MB (median ${round(percentile(growths, 50))} MB); still held after GC: ${runs.map((run) => round(run.retained / 1_048_576)).join(' / ')} MB`,
        }),
      );
    }
    return figures;
  } finally {
    await context.close();
    await simulator.close();
  }
}
