// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryAnyOpenShadowRoot } from './deep-query';
import { findComposer, insertIntoComposer } from './insert-into-composer';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function recordInputs(target: EventTarget): { inputType: string; data: string | null }[] {
  const seen: { inputType: string; data: string | null }[] = [];
  target.addEventListener('input', (event) => seen.push({ inputType: (event as InputEvent).inputType, data: (event as InputEvent).data }));
  return seen;
}

/** Nothing may send: no submit, no Enter, no click on a button. */
function recordSends(): string[] {
  const sends: string[] = [];
  document.addEventListener('submit', () => sends.push('submit'), true);
  document.addEventListener('keydown', (event) => sends.push(`keydown ${event.key}`), true);
  document.addEventListener('click', () => sends.push('click'), true);
  return sends;
}

describe('a textarea composer', () => {
  it('inserts at the cursor, replacing the selection, and fires an input event the page sees', () => {
    document.body.innerHTML = '<form><textarea class="reply-box"></textarea><button>Send</button></form>';
    const area = document.querySelector('textarea')!;
    area.value = 'Hello Jordan, thanks.';
    area.setSelectionRange(13, 13);
    const inputs = recordInputs(document);
    const sends = recordSends();
    expect(insertIntoComposer(document, 'textarea.reply-box', ' refunds take 3–5 days.')).toBe('inserted');
    expect(area.value).toBe('Hello Jordan, refunds take 3–5 days. thanks.');
    expect(inputs).toEqual([{ inputType: 'insertText', data: ' refunds take 3–5 days.' }]);
    expect(document.activeElement).toBe(area);

    area.setSelectionRange(0, 5);
    insertIntoComposer(document, 'textarea.reply-box', 'Hi');
    expect(area.value.startsWith('Hi Jordan')).toBe(true);
    expect(sends).toEqual([]);
  });

  it('keeps multi-line text and never reads it as markup', () => {
    document.body.innerHTML = '<textarea class="reply-box"></textarea>';
    insertIntoComposer(document, 'textarea.reply-box', 'Line one\n<b>Line two</b>');
    expect(document.querySelector('textarea')!.value).toBe('Line one\n<b>Line two</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('refuses a disabled or read-only box as no composer', () => {
    document.body.innerHTML = '<textarea class="reply-box" disabled></textarea>';
    expect(insertIntoComposer(document, 'textarea.reply-box', 'x')).toBe('no-composer');
    document.body.innerHTML = '<textarea class="reply-box" readonly></textarea>';
    expect(insertIntoComposer(document, 'textarea.reply-box', 'x')).toBe('no-composer');
  });
});

describe('a contenteditable composer', () => {
  /** A ProseMirror-like editor: it handles paste itself (and cancels it), as ProseMirror does. */
  function proseMirrorLike(): HTMLElement {
    document.body.innerHTML = '<div data-automation-id="editor-content"><div class="ProseMirror" contenteditable="true" role="textbox"><p>Hi Jordan,</p></div></div>';
    const editor = document.querySelector<HTMLElement>('.ProseMirror')!;
    editor.addEventListener('paste', (event) => {
      const text = (event).clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      const paragraph = editor.querySelector('p')!;
      paragraph.append(document.createTextNode(text));
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
    });
    return editor;
  }

  it('lets an editor that handles paste insert the text itself (ProseMirror-like), with no markup', () => {
    const editor = proseMirrorLike();
    const inputs = recordInputs(document);
    const sends = recordSends();
    const result = insertIntoComposer(document, '[data-automation-id="editor-content"] [contenteditable="true"]', ' <img src=x onerror=alert(1)>refunds take 3–5 days.');
    expect(result).toBe('inserted');
    expect(editor.textContent).toBe('Hi Jordan, <img src=x onerror=alert(1)>refunds take 3–5 days.');
    expect(editor.querySelector('img')).toBeNull();
    expect(inputs.map((input) => input.inputType)).toEqual(['insertFromPaste']);
    expect(sends).toEqual([]);
  });

  it("uses the browser's insertText command when it works, and nothing else", () => {
    const editor = proseMirrorLike();
    const paste = vi.fn();
    editor.addEventListener('paste', paste);
    const exec = vi.fn((command: string, _ui: boolean, text: string) => {
      editor.querySelector('p')!.append(document.createTextNode(text));
      return command === 'insertText';
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    try {
      expect(insertIntoComposer(document, 'div[role="textbox"][contenteditable="true"]', ' ok')).toBe('inserted');
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
    expect(exec).toHaveBeenCalledWith('insertText', false, ' ok');
    expect(paste).not.toHaveBeenCalled();
    expect(editor.textContent).toBe('Hi Jordan, ok');
  });

  it('puts a text node at the caret of a plain contenteditable, and says so with an input event', () => {
    document.body.innerHTML = '<div id="box" contenteditable="true">Dear customer,<br>Regards</div>';
    const editor = document.getElementById('box')!;
    // The caret after "Dear customer,".
    const range = document.createRange();
    range.setStart(editor.firstChild!, 'Dear customer,'.length);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const inputs = recordInputs(editor);
    expect(insertIntoComposer(document, '#box', ' here is how.')).toBe('inserted');
    expect(editor.textContent).toBe('Dear customer, here is how.Regards');
    expect(inputs).toEqual([{ inputType: 'insertText', data: ' here is how.' }]);
  });

  it('appends after the draft when the caret is elsewhere on the page', () => {
    document.body.innerHTML = '<input id="search" value="elsewhere"><div id="box" contenteditable="true">Draft</div>';
    (document.getElementById('search') as HTMLInputElement).select();
    expect(insertIntoComposer(document, '#box', ' more')).toBe('inserted');
    expect(document.getElementById('box')!.textContent).toBe('Draft more');
    expect((document.getElementById('search') as HTMLInputElement).value).toBe('elsewhere');
  });
});

describe('finding the composer', () => {
  it('says there is none when the selector finds nothing, is missing or is invalid', () => {
    document.body.innerHTML = '<div>no reply box</div>';
    expect(insertIntoComposer(document, 'textarea.reply-box', 'x')).toBe('no-composer');
    expect(insertIntoComposer(document, undefined, 'x')).toBe('no-composer');
    expect(insertIntoComposer(document, '[[[', 'x')).toBe('no-composer');
  });

  it('looks inside open shadow roots, and inside a wrapper the selector names', () => {
    document.body.innerHTML = '<app-view id="host"></app-view>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="editor-wrapper"><div contenteditable="true">in the shadow</div></div>';
    expect(queryAnyOpenShadowRoot(document, '.editor-wrapper')).toBe(root.querySelector('.editor-wrapper'));
    expect(findComposer(document, '.editor-wrapper')).toBe(root.querySelector('[contenteditable]'));
  });

  it('follows a `>>>` path like the profile\'s other selectors, and not into a host the path does not name', () => {
    document.body.innerHTML = '<app-view id="host"></app-view><other-view id="other"></other-view>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="editor-wrapper"><div contenteditable="true">in the shadow</div></div>';
    document.getElementById('other')!.attachShadow({ mode: 'open' }).innerHTML = '<div class="editor-wrapper"><textarea></textarea></div>';
    expect(findComposer(document, '#host >>> .editor-wrapper')).toBe(root.querySelector('[contenteditable]'));
    expect(findComposer(document, '#nowhere >>> .editor-wrapper')).toBeNull();
  });

  it('does not take a wrapper with nothing editable inside', () => {
    document.body.innerHTML = '<div class="editor-wrapper"><p>read only</p></div>';
    expect(findComposer(document, '.editor-wrapper')).toBeNull();
  });
});
