/**
 * `npm run bench [-- P1 P8 …]`: measures the figures in docs/performance.md in the real Chromium with the
 * built extension and the simulator, prints one table and writes e2e/bench/results/latest.json.
 * Benchmarks report; they do not fail the build on a slow machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Figure, FigureRunner } from './figure';
import { measurePipelineLatency } from './p1-p2-pipeline-latency';
import { measureColdStart } from './p6-cold-start';
import { measureAuditExport } from './p7-audit-export';
import { measureBundleSizes } from './p8-bundle-sizes';
import { measureMutationToCard } from './p3-mutation-to-card';
import { measureContentScriptCost } from './p4-content-script-cost';
import { measureHostScriptingRatio } from './p5-host-scripting-ratio';
import { measureRealisticContentScriptCost } from './p4-p5-content-script-cost';
import { measureF1, measureFleetQueries, measureIngest } from './f1-f3-fleet';

/** Each runner produces the figures whose ids it lists; `npm run bench -- P1` runs the ones that do P1. */
const RUNNERS: { ids: string[]; run: FigureRunner }[] = [
  { ids: ['P1', 'P2'], run: measurePipelineLatency },
  { ids: ['P6'], run: measureColdStart },
  { ids: ['P7'], run: measureAuditExport },
  { ids: ['P8'], run: measureBundleSizes },
  { ids: ['P3'], run: measureMutationToCard },
  { ids: ['P4'], run: measureContentScriptCost },
  { ids: ['P5'], run: measureHostScriptingRatio },
  // The same figures on the realistic desktop (frames, shadow roots): P4.realistic…, P5.realistic.
  { ids: ['P4', 'P5'], run: measureRealisticContentScriptCost },
  // The fleet path, each against a ClickHouse server of its own ("not measured" when it is not installed).
  { ids: ['F1'], run: measureF1 },
  { ids: ['F2'], run: measureIngest },
  { ids: ['F3'], run: measureFleetQueries },
];

const RESULTS = resolve(import.meta.dirname, 'results');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).map((arg) => arg.toUpperCase());
  const selected = RUNNERS.filter((runner) => wanted.length === 0 || runner.ids.some((id) => wanted.includes(id)));
  if (selected.length === 0) throw new Error(`No benchmark for ${wanted.join(', ')}. Known: ${RUNNERS.flatMap((runner) => runner.ids).join(', ')}`);
  const figures: Figure[] = [];
  // How long each runner takes, so the whole run's budget (docs/performance.md) can be checked and kept.
  const durations: { ids: string; seconds: number }[] = [];
  const started = performance.now();
  for (const runner of selected) {
    const runnerStarted = performance.now();
    try {
      figures.push(...(await runner.run()));
    } catch (error) {
      console.error(`${runner.ids.join('/')}: not measured (${error instanceof Error ? error.message : String(error)})`);
    }
    durations.push({ ids: runner.ids.join('/'), seconds: Math.round((performance.now() - runnerStarted) / 1000) });
    console.error(`${runner.ids.join('/')}: ${durations.at(-1)!.seconds} s`);
  }
  printTable(figures);
  const total = Math.round((performance.now() - started) / 1000);
  console.log(`\ntime per runner: ${durations.map(({ ids, seconds }) => `${ids} ${seconds} s`).join(', ')}; whole run ${total} s (${(total / 60).toFixed(1)} min)`);
  mkdirSync(RESULTS, { recursive: true });
  const json = Object.fromEntries(figures.map(({ id, label: _label, detail: _detail, higherIsBetter: _higher, ...rest }) => [id, rest]));
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwritten ${join('e2e', 'bench', 'results', 'latest.json')}`);
}

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.id, f.label, `${f.higherIsBetter ? '≥' : '≤'} ${f.target} ${f.unit}`, `${f.value} ${f.unit}`, f.pass ? 'pass' : 'FAIL', f.runs ? String(f.runs) : '']);
  const header = ['id', 'figure', 'target', 'measured', '', 'runs'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  for (const f of figures) if (f.detail) console.log(`  ${f.id}: ${f.detail}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
