// A ProseMirror-like editor for the simulated messaging gadget. Like ProseMirror, the document is
// its own state (text and selection), and the DOM is a rendering of it:
// - typing, execCommand('insertText') and paste are edits: `beforeinput` is handled from the
//   state (and cancelled), a `paste` event's text/plain is inserted at the selection, and a DOM
//   change that comes with a trusted `input` event (execCommand when no beforeinput was seen) is
//   read back into the state;
// - any other write to the DOM (innerHTML, textContent, a node appended by script, even followed
//   by a synthetic input event) is reverted on the next render, so the page never "sees" it.
// `create(mount)` returns { element, text(), selection(), setText(), clear(), setEditable(), focus() }.
(() => {
  'use strict';

  function create(mount, options = {}) {
    const view = document.createElement('div');
    view.className = 'ProseMirror';
    view.contentEditable = 'true';
    view.setAttribute('role', 'textbox');
    view.setAttribute('aria-multiline', 'true');
    view.setAttribute('aria-label', options.label ?? 'Message');
    view.translate = false;
    mount.append(view);

    let state = { text: '', from: 0, to: 0 };
    let trustedInput = false;
    let editable = true;

    const observer = new MutationObserver(() => {
      if (trustedInput) {
        // The browser edited the DOM for a real input (execCommand, IME): read it back.
        trustedInput = false;
        const text = readDom();
        const selection = domSelection() ?? { from: text.length, to: text.length };
        state = { text, from: selection.from, to: selection.to };
      }
      // Either way, the DOM becomes the rendering of the state again: bypassing writes are gone.
      render();
    });

    function paragraphs() {
      return [...view.children];
    }

    function blockText(block) {
      let text = '';
      const walk = (node) => {
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) text += child.data;
          else if (child.nodeName === 'BR') text += child === node.lastChild ? '' : '\n';
          else if (child.nodeType === Node.ELEMENT_NODE) {
            const block = /^(P|DIV|LI|H[1-6])$/.test(child.nodeName);
            if (block && text && !text.endsWith('\n')) text += '\n';
            walk(child);
          }
        }
      };
      walk(block);
      return text;
    }

    function readDom() {
      const lines = [];
      let inline = '';
      for (const child of view.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) inline += child.data;
        else if (child.nodeName === 'BR') {
          lines.push(inline);
          inline = '';
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (inline) {
            lines.push(inline);
            inline = '';
          }
          lines.push(blockText(child));
        }
      }
      if (inline || lines.length === 0) lines.push(inline);
      return lines.join('\n');
    }

    function offsetOf(node, offset) {
      const blocks = paragraphs();
      if (node === view) {
        let total = 0;
        for (let index = 0; index < offset && index < blocks.length; index++) total += blocks[index].textContent.length + 1;
        return Math.min(total, state.text.length);
      }
      let total = 0;
      for (const block of blocks) {
        if (block === node || block.contains(node)) {
          const range = document.createRange();
          range.setStart(block, 0);
          range.setEnd(node, offset);
          return total + range.toString().length;
        }
        total += block.textContent.length + 1;
      }
      return null;
    }

    function domSelection() {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || !view.contains(selection.anchorNode) || !view.contains(selection.focusNode)) return null;
      const anchor = offsetOf(selection.anchorNode, selection.anchorOffset);
      const focus = offsetOf(selection.focusNode, selection.focusOffset);
      if (anchor === null || focus === null) return null;
      return { from: Math.min(anchor, focus), to: Math.max(anchor, focus) };
    }

    function pointAt(offset) {
      const blocks = paragraphs();
      let rest = offset;
      for (const block of blocks) {
        const length = block.textContent.length;
        if (rest <= length) {
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (rest <= node.data.length) return [node, rest];
            rest -= node.data.length;
          }
          return [block, 0];
        }
        rest -= length + 1;
      }
      const last = blocks.at(-1);
      return last ? [last, last.childNodes.length] : [view, 0];
    }

    function render() {
      const lines = state.text.split('\n');
      view.replaceChildren(
        ...lines.map((line) => {
          const paragraph = document.createElement('p');
          if (line) paragraph.textContent = line;
          else paragraph.append(document.createElement('br'));
          return paragraph;
        }),
      );
      if (document.activeElement === view) {
        const selection = document.getSelection();
        const [anchorNode, anchorOffset] = pointAt(state.from);
        const [focusNode, focusOffset] = pointAt(state.to);
        selection?.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
      }
      observer.takeRecords();
    }

    function replaceSelection(inserted, selection = domSelection() ?? state) {
      const text = state.text.slice(0, selection.from) + inserted + state.text.slice(selection.to);
      const caret = selection.from + inserted.length;
      state = { text, from: caret, to: caret };
      render();
      options.onChange?.(state.text);
    }

    function deleteBackward(forward) {
      const selection = domSelection() ?? state;
      if (selection.from !== selection.to) return replaceSelection('', selection);
      const from = forward ? selection.from : Math.max(0, selection.from - 1);
      const to = forward ? Math.min(state.text.length, selection.to + 1) : selection.to;
      replaceSelection('', { from, to });
    }

    view.addEventListener('beforeinput', (event) => {
      if (!editable) return event.preventDefault();
      switch (event.inputType) {
        case 'insertText':
        case 'insertReplacementText':
          replaceSelection(event.data ?? event.dataTransfer?.getData('text/plain') ?? '');
          break;
        case 'insertFromPaste':
        case 'insertFromDrop':
          replaceSelection(event.dataTransfer?.getData('text/plain') ?? '');
          break;
        case 'insertParagraph':
        case 'insertLineBreak':
          replaceSelection('\n');
          break;
        case 'deleteContentBackward':
        case 'deleteWordBackward':
          deleteBackward(false);
          break;
        case 'deleteContentForward':
        case 'deleteWordForward':
          deleteBackward(true);
          break;
        case 'deleteByCut':
          replaceSelection('');
          break;
        default:
          return; // left to the browser; a trusted input event makes it an edit
      }
      event.preventDefault();
    });

    view.addEventListener('input', (event) => {
      if (event.isTrusted) trustedInput = true;
    });

    // A paste (real or synthetic) is an edit, as in ProseMirror: its plain text at the selection.
    view.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain');
      if (!editable || typeof text !== 'string') return;
      event.preventDefault();
      replaceSelection(text);
    });

    view.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        options.onSubmit?.(state.text);
      }
    });

    document.addEventListener('selectionchange', () => {
      const selection = domSelection();
      if (selection) state = { ...state, ...selection };
    });

    observer.observe(view, { childList: true, subtree: true, characterData: true });
    render();

    return {
      element: view,
      text: () => state.text,
      selection: () => ({ from: state.from, to: state.to }),
      setText(text) {
        state = { text: String(text), from: String(text).length, to: String(text).length };
        render();
      },
      clear() {
        state = { text: '', from: 0, to: 0 };
        render();
      },
      setEditable(on) {
        editable = Boolean(on);
        view.contentEditable = editable ? 'true' : 'false';
      },
      focus() {
        view.focus();
        render();
      },
    };
  }

  window.SimProseEditor = { create };
})();
