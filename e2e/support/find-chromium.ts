import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Branded Google Chrome 137+ ignores --load-extension, so we need a Chromium: CHROMIUM_PATH if set,
 * Debian's /usr/bin/chromium, then Playwright's own download. None found is a one-line instruction.
 */
export class ChromiumNotFoundError extends Error {
  constructor() {
    super('No Chromium found. Install one: `apt-get install -y chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.');
    this.name = 'ChromiumNotFoundError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', safePlaywrightPath()];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new ChromiumNotFoundError();
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
