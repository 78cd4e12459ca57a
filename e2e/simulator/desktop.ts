import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleDesktopMessage, isDesktopMessagePath } from './copilot-desktop';
import { INITIAL_LINES, seedConversations, TIMELINE_INTERVAL_MS } from './conversations';
import { type Exchange, redirect, sendGenesysError, sendJson, sendText } from './http-helpers';
import { handleRealisticDesktop, isRealisticDesktopPath } from './realistic-desktop';
import type { SimulatorState } from './state';
import { AGENT } from './users';

/**
 * The simulated agent desktop: a static page (public/) that reads the seed conversations from
 * `/desktop/api/conversations`. Its DOM is what SIMULATOR_DESKTOP_PROFILE in
 * src/shared/desktop-profile.ts reads.
 *
 * No Content-Security-Policy on purpose: the extension's inline overlay renders article content in
 * this page, and a page CSP would hide a sanitizer bug from the hostile-content tests.
 */

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');

const STATIC_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/desktop/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/desktop/desktop.js': { file: 'desktop.js', type: 'text/javascript; charset=utf-8' },
  '/desktop/desktop.css': { file: 'desktop.css', type: 'text/css; charset=utf-8' },
};

/** What the page needs: the conversations without the test expectations. */
export function desktopConversations(): unknown {
  return {
    agent: { id: AGENT.id, name: AGENT.name },
    initialLines: INITIAL_LINES,
    intervalMs: TIMELINE_INTERVAL_MS,
    conversations: seedConversations.map(({ id, channel, customerName, subject, queue, timeline }) => ({ id, channel, customerName, subject, queue, timeline })),
  };
}

export async function handleDesktop(exchange: Exchange, state: SimulatorState, origin: string): Promise<void> {
  const { pathname, search } = exchange.url;
  // The page reports each line it shows (Copilot, the messaging API and the conversations topic use them).
  if (isDesktopMessagePath(pathname)) return handleDesktopMessage(exchange, state, origin);
  if (isRealisticDesktopPath(pathname)) return handleRealisticDesktop(exchange);
  if (exchange.req.method !== 'GET' && exchange.req.method !== 'HEAD') {
    return sendGenesysError(exchange, 405, 'method.not.allowed', 'The desktop is read-only', { Allow: 'GET' });
  }
  if (pathname === '/' || pathname === '/desktop') return redirect(exchange, `/desktop/${search}`);
  if (pathname === '/desktop/api/conversations') return sendJson(exchange, 200, desktopConversations());
  const entry = STATIC_FILES[pathname];
  if (!entry) return sendGenesysError(exchange, 404, 'not.found', `No desktop file ${pathname}`);
  const text = await readFile(join(PUBLIC_DIR, entry.file), 'utf8');
  sendText(exchange, 200, text, entry.type);
}
