import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Exchange, redirect, sendGenesysError, sendText } from './http-helpers';

/**
 * The realistic simulated desktop (public/directory/ and public/messaging-gadget/): the Genesys
 * Cloud agent desktop's structure as docs/desktop-profile.md describes it — an Ember-like top frame at
 * `/directory/#/activity`, the conversations' messaging gadgets in same-origin iframes inside a
 * shadow root, and a ProseMirror-like composer. The extension reads it with the built-in Genesys
 * profile (REALISTIC_SIMULATOR_PROFILE in src/shared/desktop-profile.ts only changes the URLs).
 * It reads the same seed conversations as the simple desktop (`/desktop/api/conversations`) and
 * reports its lines the same way.
 */
const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

const STATIC_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/directory/': { file: 'directory/index.html', type: HTML },
  '/directory/directory.js': { file: 'directory/directory.js', type: JS },
  '/directory/directory.css': { file: 'directory/directory.css', type: CSS },
  '/messaging-gadget/messaging-gadget.html': { file: 'messaging-gadget/messaging-gadget.html', type: HTML },
  '/messaging-gadget/messaging-gadget.js': { file: 'messaging-gadget/messaging-gadget.js', type: JS },
  '/messaging-gadget/prose-editor.js': { file: 'messaging-gadget/prose-editor.js', type: JS },
  '/messaging-gadget/messaging-gadget.css': { file: 'messaging-gadget/messaging-gadget.css', type: CSS },
};

export function isRealisticDesktopPath(pathname: string): boolean {
  return pathname === '/directory' || pathname.startsWith('/directory/') || pathname.startsWith('/messaging-gadget/');
}

export async function handleRealisticDesktop(exchange: Exchange): Promise<void> {
  const { pathname, search } = exchange.url;
  if (exchange.req.method !== 'GET' && exchange.req.method !== 'HEAD') {
    return sendGenesysError(exchange, 405, 'method.not.allowed', 'The desktop is read-only', { Allow: 'GET' });
  }
  if (pathname === '/directory') return redirect(exchange, `/directory/${search}`);
  const entry = STATIC_FILES[pathname];
  if (!entry) return sendGenesysError(exchange, 404, 'not.found', `No desktop file ${pathname}`);
  sendText(exchange, 200, await readFile(join(PUBLIC_DIR, entry.file), 'utf8'), entry.type);
}
