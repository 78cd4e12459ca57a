import * as z from 'zod/mini';
import { browser } from '../../shared/browser';

/**
 * "Come back later" instructions per host (a 429's Retry-After). Kept in storage.session so a
 * worker restart cannot forget them and send early (docs/performance.md E3); mirrored in memory for speed.
 */
const KEY = 'api:host-pauses';
const Pauses = z.record(z.string(), z.number());

let mirror: Record<string, number> | null = null;

async function load(): Promise<Record<string, number>> {
  if (mirror) return mirror;
  const stored = await browser.storage.session.get(KEY);
  const parsed = Pauses.safeParse(stored[KEY]);
  mirror = parsed.success ? parsed.data : {};
  return mirror;
}

/** Epoch ms until which requests to `host` must wait, or 0. */
export async function hostPausedUntil(host: string, now: number): Promise<number> {
  const until = (await load())[host] ?? 0;
  return until > now ? until : 0;
}

export async function pauseHost(host: string, until: number, now: number): Promise<void> {
  const pauses = await load();
  if ((pauses[host] ?? 0) >= until) return;
  const next: Record<string, number> = {};
  for (const [key, value] of Object.entries(pauses)) if (value > now) next[key] = value;
  next[host] = until;
  mirror = next;
  await browser.storage.session.set({ [KEY]: next });
}

/** For tests of the shell: forget the in-memory mirror (as a worker restart would). */
export function forgetHostPauseMirror(): void {
  mirror = null;
}
