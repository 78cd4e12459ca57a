import type { MissingAccess } from '../../shared/view-state';

/**
 * What a Genesys 403 says is missing, when it says it. Genesys answers a permission it checks
 * with `code` `missing.permissions` / `missing.any.permissions` (and division variants) and the
 * permissions in brackets at the end of `message` ("…the following permission(s): [a:b:c]"),
 * sometimes also under `messageParams`; an OAuth client without a scope the call needs is said
 * with "scope" in the code or message. Nothing is guessed: no names found, none are shown.
 */
const PERMISSION = /^[\w*-]+:[\w*-]+:[\w*-]+$/;
const SCOPE = /^[a-z][\w-]*(?::readonly)?$/i;

interface ErrorBody {
  message?: string | undefined;
  code?: string | undefined;
  messageParams?: unknown;
}

function candidates(body: ErrorBody): string[] {
  const found: string[] = [];
  for (const match of (body.message ?? '').matchAll(/\[([^\]]*)\]/g)) found.push(...(match[1] ?? '').split(/[\s,]+/));
  if (body.messageParams && typeof body.messageParams === 'object') {
    for (const value of Object.values(body.messageParams as Record<string, unknown>)) {
      if (typeof value === 'string') found.push(...value.replace(/[[\]]/g, '').split(/[\s,]+/));
    }
  }
  return found.map((name) => name.trim()).filter((name) => name.length > 0 && name.length <= 128);
}

export function missingAccessFrom(body: ErrorBody): MissingAccess | null {
  const code = (body.code ?? '').toLowerCase();
  const message = (body.message ?? '').toLowerCase();
  const kind = code.includes('scope') || /\bscopes?\b/.test(message) ? 'scope' : code.includes('permission') || message.includes('permission') ? 'permission' : null;
  if (!kind) return null;
  const pattern = kind === 'scope' ? SCOPE : PERMISSION;
  const names = [...new Set(candidates(body).filter((name) => pattern.test(name)))].slice(0, 10);
  return { kind, names };
}
