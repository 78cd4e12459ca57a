import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figure';

/**
 * P8: gzip size of everything each context loads, from the store build (dist/): the content
 * script (every chunk it loads), the side panel page's scripts and CSS, the service worker.
 * The panel is two figures: what the page downloads before its first render (the HTML's scripts
 * and CSS and their static imports), and the chunks it loads only when a rarely used view first
 * opens (dynamic imports), so moving code behind `import()` shows up as moved, never as gone.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:import|export)\s*(?:[^'"(]*?from\s*)?["']([^"']+\.js)["']/g)) {
    found.add(resolve(dirname(file), match[1]!));
  }
  return [...found];
}

function dynamicImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((match) => resolve(dirname(file), match[1]!));
}

/** The files `entries` load, following static imports, and dynamic ones too when `dynamic`. */
function closure(entries: string[], dynamic = true): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file), ...(dynamic ? dynamicImports(file) : []));
  }
  return [...seen];
}

function gzipBytes(files: string[]): number {
  return files.reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

/** The files, largest first, as `name gzip-KB`: where the bytes are, so a budget overrun points somewhere. */
function breakdown(files: string[]): string {
  const sized = files.map((file) => ({ name: file.slice(file.lastIndexOf('/') + 1), bytes: gzipSync(readFileSync(file), { level: 9 }).length }));
  sized.sort((a, b) => b.bytes - a.bytes);
  return `${files.length} file(s): ${sized.map(({ name, bytes }) => `${name} ${(bytes / 1024).toFixed(2)}`).join(', ')}`;
}

/** What the page loads at start (`initial`), and what only its dynamic imports add (`lazy`). */
function pageAssets(htmlPath: string): { initial: string[]; lazy: string[] } {
  const html = readFileSync(htmlPath, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => join(DIST, match[1]!.replace(/^\//, '')));
  const initial = closure(refs, false);
  // Vite preloads a lazy chunk's CSS beside it, named in the chunk that imports it.
  const lazyCss = initial.filter((file) => file.endsWith('.js')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/["'`](assets\/[^"'`]+\.css)["'`]/g)].map((match) => join(DIST, match[1]!)));
  return { initial, lazy: [...new Set([...closure(refs), ...lazyCss])].filter((file) => !initial.includes(file)) };
}

export async function measureBundleSizes(): Promise<Figure[]> {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'production', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('production build failed');
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    content_scripts: { js: string[] }[];
    side_panel: { default_path: string };
  };
  const content = closure(manifest.content_scripts.flatMap((script) => script.js.map((file) => join(DIST, file))));
  const panel = pageAssets(join(DIST, manifest.side_panel.default_path));
  const worker = closure([join(DIST, manifest.background.service_worker)]);
  const kb = (bytes: number) => bytes / 1024;
  return [
    figure('P8.content', 'content script, gzip (all chunks)', kb(gzipBytes(content)), 'KB', 12, { detail: breakdown(content) }),
    figure('P8.panel', 'side panel at start, gzip (JS + CSS)', kb(gzipBytes(panel.initial)), 'KB', 30, { detail: breakdown(panel.initial) }),
    // A chunk here costs an agent a wait only the first time its view opens; the budget keeps that wait short.
    figure('P8.panel-lazy', 'side panel, loaded on first use, gzip', kb(gzipBytes(panel.lazy)), 'KB', 10, { detail: breakdown(panel.lazy) }),
    figure('P8.worker', 'service worker, gzip (all chunks)', kb(gzipBytes(worker)), 'KB', 60, { detail: breakdown(worker) }),
  ];
}
