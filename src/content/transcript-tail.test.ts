// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Turn } from '../shared/conversation';
import { createTranscriptTail, type TranscriptParser, type TranscriptTail } from './transcript-tail';

/** The Genesys gadget's shape: groups of messages, the customer's marked .remote, system lines. */
const MESSAGE = '[data-automation-id="messaging-gadget-message-textbody"]';

function countingParser(): TranscriptParser & { parsed: string[] } {
  const parser = {
    parsed: [] as string[],
    messagesIn: (node: Element) => (node.matches(MESSAGE) ? [node] : node.querySelectorAll(MESSAGE)),
    isMessage: (element: Element) => element.matches(MESSAGE),
    messageOf(node: Node) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return element?.closest(MESSAGE) ?? null;
    },
    parse(message: Element): Turn | null {
      parser.parsed.push(message.textContent ?? '');
      if (message.closest('.system')) return null;
      const text = (message.textContent ?? '').trim();
      return text ? { role: message.closest('.remote') ? 'customer' : 'agent', text } : null;
    },
  };
  return parser;
}

const body = (text: string) => `<div data-automation-id="messaging-gadget-message-textbody">${text}</div>`;
const group = (side: 'remote' | 'local', ...texts: string[]) => `<div class="group ${side}">${texts.map(body).join('')}</div>`;

describe('createTranscriptTail', () => {
  let history: HTMLElement;
  let observer: MutationObserver;
  let parser: ReturnType<typeof countingParser>;
  let tail: TranscriptTail;

  /** What the watcher does between two reads: hands over the records from inside the container. */
  const feed = () => tail.note(observer.takeRecords());
  const texts = (turns: readonly Turn[]) => turns.map((turn) => turn.text);
  const append = (html: string, into: Element = history) => into.insertAdjacentHTML('beforeend', html);

  beforeEach(() => {
    document.body.innerHTML = `<div class="history">${group('remote', 'hello', 'my parcel')}${group('local', 'let me look')}</div>`;
    history = document.querySelector('.history')!;
    observer = new MutationObserver(() => undefined);
    observer.observe(history, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    parser = countingParser();
    tail = createTranscriptTail(parser, 5);
  });
  afterEach(() => observer.disconnect());

  it('parses each message once: a new message costs one parse, however long the transcript', () => {
    for (let index = 0; index < 200; index++) append(group(index % 2 ? 'local' : 'remote', `line ${index}`));
    expect(texts(tail.read(history, 'walk'))).toEqual(['line 195', 'line 196', 'line 197', 'line 198', 'line 199']);
    // The first read walks back only as far as the turns it reports.
    expect(parser.parsed).toHaveLength(5);
    feed();

    parser.parsed.length = 0;
    append(group('remote', 'new one'));
    feed();
    const turns = tail.read(history, 'changes');
    expect(texts(turns)).toEqual(['line 196', 'line 197', 'line 198', 'line 199', 'new one']);
    expect(turns.at(-1)?.role).toBe('customer');
    expect(parser.parsed).toEqual(['new one']);

    // Into the last group, as the gadget adds a customer's second line.
    parser.parsed.length = 0;
    append(body('and another'), history.lastElementChild!);
    feed();
    expect(texts(tail.read(history, 'changes')).slice(-2)).toEqual(['new one', 'and another']);
    expect(parser.parsed).toEqual(['and another']);
  });

  it('returns the very same turns when nothing in the transcript changed', () => {
    const first = tail.read(history, 'walk');
    feed();
    expect(tail.read(history, 'changes')).toBe(first);
    // A system line appended adds no turn: still the same array.
    append(`<div class="system">${body('Agent joined')}</div>`);
    feed();
    expect(tail.read(history, 'changes')).toBe(first);
    expect(tail.read(history, 'changes')[0]).toBe(first[0]);
  });

  it('reads an edited old message again, and only that one', () => {
    tail.read(history, 'walk');
    feed();
    parser.parsed.length = 0;
    history.querySelector(MESSAGE)!.firstChild!.textContent = 'hello again';
    feed();
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello again', 'my parcel', 'let me look']);
    expect(parser.parsed).toEqual(['hello again']);
  });

  it('reads again the messages under an element whose class changed (a group becoming the customer’s)', () => {
    tail.read(history, 'walk');
    feed();
    history.lastElementChild!.className = 'group remote';
    feed();
    expect(tail.read(history, 'changes').map((turn) => turn.role)).toEqual(['customer', 'customer', 'customer']);
  });

  it('picks up a message whose text arrives after it was added', () => {
    tail.read(history, 'walk');
    feed();
    append(group('remote', ''));
    feed();
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello', 'my parcel', 'let me look']);
    history.lastElementChild!.querySelector(MESSAGE)!.textContent = 'arrived';
    feed();
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello', 'my parcel', 'let me look', 'arrived']);
  });

  it('drops removed messages, and brings back the older turns they had pushed out', () => {
    for (let index = 0; index < 5; index++) append(group('local', `line ${index}`));
    expect(texts(tail.read(history, 'walk'))).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    feed();
    for (let removed = 0; removed < 3; removed++) history.lastElementChild!.remove();
    feed();
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello', 'my parcel', 'let me look', 'line 0', 'line 1']);
  });

  it('reads a message inserted above the end in its place', () => {
    tail.read(history, 'walk');
    feed();
    history.firstElementChild!.insertAdjacentHTML('afterend', group('local', 'late delivery'));
    feed();
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello', 'my parcel', 'late delivery', 'let me look']);
  });

  it('starts over on another container (a conversation switch), re-reading even a message it knew', () => {
    tail.read(history, 'walk');
    feed();
    const other = document.createElement('div');
    other.innerHTML = group('remote', 'a different customer');
    history.replaceWith(other);
    expect(texts(tail.read(other, 'changes'))).toEqual(['a different customer']);
    // Back to the first container: its messages are parsed afresh, not taken from the old reads.
    parser.parsed.length = 0;
    other.replaceWith(history);
    expect(texts(tail.read(history, 'changes'))).toEqual(['hello', 'my parcel', 'let me look']);
    expect(parser.parsed).toEqual(['let me look', 'my parcel', 'hello']);
  });

  it('walks from the end when asked, whatever was noted', () => {
    tail.read(history, 'walk');
    // Not fed: a walk still finds the new message.
    append(group('local', 'unnoticed'));
    expect(texts(tail.read(history, 'walk')).at(-1)).toBe('unnoticed');
  });
});
