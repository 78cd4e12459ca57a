import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figure';

/**
 * P8: gzip size of everything each context loads, from the store build (dist/): the content
 * script (every chunk it loads), the side panel page's scripts and CSS, the service worker.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+\.js)["']/g)) {
    found.add(resolve(dirname(file), match[1]!));
  }
  for (const match of code.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) found.add(resolve(dirname(file), match[1]!));
  return [...found];
}

function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file));
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

function pageAssets(htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => join(DIST, match[1]!.replace(/^\//, '')));
  return closure(refs);
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
    figure('P8.panel', 'side panel, gzip (JS + CSS)', kb(gzipBytes(panel)), 'KB', 35, { detail: breakdown(panel) }),
    figure('P8.worker', 'service worker, gzip (all chunks)', kb(gzipBytes(worker)), 'KB', 60, { detail: breakdown(worker) }),
  ];
}
