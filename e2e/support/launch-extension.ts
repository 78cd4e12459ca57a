import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { findChromium } from './find-chromium';

export const SIMULATOR_BUILD_DIR = resolve(import.meta.dirname, '../../dist-sim');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/** Chromium with the built extension loaded, as docs/contributing.md prescribes. */
export async function launchExtension(options: { headless: boolean; userDataDir?: string; extensionDir?: string; language?: string }): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? SIMULATOR_BUILD_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:sim\` first.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: findChromium(),
    headless: options.headless,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The extension's messages follow --lang; pages' navigator.language and Intl follow `locale`.
      ...(options.language ? [`--lang=${options.language.split('-')[0]}`] : []),
    ],
    ...(options.language ? { locale: options.language } : {}),
    viewport: { width: 1280, height: 800 },
  });
  const serviceWorker = await extensionWorker(context);
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/** The extension's service worker, waking it if it is not running. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith('chrome-extension://'), timeout: 15_000 });
}

/**
 * The id Chromium gives an extension whose manifest carries a `key`: the first 32 hex digits of
 * SHA-256 of the public key, written with the letters a–p. The simulator build has one, so
 * policies can name it before it is loaded.
 */
export function extensionIdFromManifest(extensionDir: string = SIMULATOR_BUILD_DIR): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error(`${extensionDir}/manifest.json has no key`);
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
