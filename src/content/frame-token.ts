/**
 * Each frame's content script gives itself a random token and writes it on its own document's
 * root element; the top frame reads it from the conversation iframe it finds (a same-origin
 * iframe's document is readable from the parent's content script) and names that frame to the
 * worker by it. Chrome has no runtime.getFrameId() for an iframe element, and the worker already
 * knows each sender's frame id, so the token is the join key. It is the one attribute we write on
 * the host page: opaque, and on a root element no framework renders.
 */
export const FRAME_TOKEN_ATTRIBUTE = 'data-agent-assist-frame';
const TOKEN = /^[0-9a-f]{32}$/;

export function createFrameToken(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function stampFrameToken(doc: Document, token: string): void {
  doc.documentElement.setAttribute(FRAME_TOKEN_ATTRIBUTE, token);
}

/** The token of the document an iframe shows, or null while its content script has not run (or it is not readable). */
export function frameTokenOf(frame: Element): string | null {
  try {
    const value = (frame as HTMLIFrameElement).contentDocument?.documentElement?.getAttribute(FRAME_TOKEN_ATTRIBUTE) ?? null;
    return value !== null && TOKEN.test(value) ? value : null;
  } catch {
    return null;
  }
}
