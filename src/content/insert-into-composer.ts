/**
 * Insert into reply: writes text into the desktop's reply box at the cursor the way typing or
 * pasting would, so the page's framework notices (input events, its own editor transactions),
 * and never sends: no Enter key, no click on Send, no form submit. The agent reviews and sends.
 *
 * - textarea / text input: `setRangeText` over the selection, then an `input` event (what React,
 *   Ember and Angular listen to; a framework's value tracker sees the new value).
 * - contenteditable (the Genesys composer looks like ProseMirror, docs/desktop-profile.md): the
 *   browser's own `execCommand('insertText')`, which fires beforeinput/input and keeps undo; else a
 *   synthetic paste, which editors such as ProseMirror handle themselves; else a text node at the
 *   selection plus an `input` event. Never `innerHTML`: the text is only ever text.
 *
 * Checked against: the simulator desktop (`textarea.reply-box`, e2e/specs/card-actions.spec.ts), a
 * ProseMirror-like contenteditable in a DOM implementation (insert-into-composer.test.ts), and the
 * realistic desktop's ProseMirror-like composer in its messaging gadget, where execCommand is what
 * the editor accepts (e2e/specs/realistic-desktop.spec.ts).
 */
import { deepQuery, queryAnyOpenShadowRoot, SHADOW_STEP } from './deep-query';

export type InsertResult = 'inserted' | 'no-composer';

const EDITABLE_INSIDE = 'textarea, input[type="text"], input:not([type]), [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/** The composer for a profile selector, looking into open shadow roots too (the desktop's sub-apps use them). */
export function findComposer(doc: Document, selector: string): HTMLElement | null {
  // A `>>>` path like the profile's other selectors; a plain selector is also looked for in every
  // open shadow root, since admins write the composer's selector from what DevTools shows them.
  const found = selector.includes(SHADOW_STEP) ? deepQuery(doc, selector) : queryAnyOpenShadowRoot(doc, selector);
  if (!found) return null;
  if (isEditable(found)) return found;
  // The selector may name a wrapper around the editor.
  const inner = queryAnyOpenShadowRoot(found, EDITABLE_INSIDE);
  return inner && isEditable(inner) ? inner : null;
}

export function insertIntoComposer(doc: Document, selector: string | undefined, text: string): InsertResult {
  const composer = selector ? findComposer(doc, selector) : null;
  if (!composer) return 'no-composer';
  if (isTextField(composer)) insertIntoField(composer, text);
  else insertIntoEditable(composer, text);
  return 'inserted';
}

function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  return element.localName === 'textarea' || element.localName === 'input';
}

function isEditable(element: Element): element is HTMLElement {
  if (isTextField(element)) return !element.disabled && !element.readOnly;
  return (element as HTMLElement).isContentEditable === true || ['', 'true', 'plaintext-only'].includes(element.getAttribute('contenteditable') ?? 'no');
}

function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.focus();
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

function insertIntoEditable(editor: HTMLElement, text: string): void {
  const doc = editor.ownerDocument;
  editor.focus();
  const selection = doc.getSelection();
  if (!selection) return insertTextNode(editor, null, text);
  if (selection.rangeCount === 0 || !editor.contains(selection.anchorNode)) {
    // No caret in the editor: after the draft, as clicking below the last line would.
    const range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const before = editor.textContent;
  if (execInsertText(doc, text) && editor.textContent !== before) return;
  if (pasteText(editor, text)) return;
  insertTextNode(editor, selection, text);
}

function execInsertText(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** True when the editor took the paste (it cancels the event and inserts by itself). */
function pasteText(editor: HTMLElement, text: string): boolean {
  if (typeof DataTransfer !== 'function' || typeof ClipboardEvent !== 'function') return false;
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    return !editor.dispatchEvent(paste);
  } catch {
    return false;
  }
}

function insertTextNode(editor: HTMLElement, selection: Selection | null, text: string): void {
  const doc = editor.ownerDocument;
  const node = doc.createTextNode(text);
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (range && editor.contains(range.commonAncestorContainer)) {
    range.deleteContents();
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
  } else {
    editor.append(node);
  }
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}
