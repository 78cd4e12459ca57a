import type { Turn } from '../shared/conversation';
import { REPORTED_TURNS } from '../shared/conversation-limits';

/**
 * The end of one transcript, kept between reads so that a new message costs the same at 10 or
 * 10,000 messages (docs/performance.md P4). Each message element is parsed (read, normalised) once,
 * until a mutation record says it changed. When the records since the last read only appended
 * messages at the end, a read parses just those and keeps the turns it already holds. Anything
 * else they show (an edit, a removal, an insert above the end, an attribute that can change a
 * role) and a new container make the next read walk back from the end again, through the parsed
 * messages, stopping after REPORTED_TURNS turns: bounded by what is reported, never by the length
 * of the conversation.
 *
 * Only records it is given count: the caller feeds every record from inside the container (the
 * watcher's observers cover the document and the shadow roots on the way to it), or asks for a walk.
 */
export interface TranscriptParser {
  /** The message elements `node` is or holds, in document order. */
  messagesIn(node: Element): ArrayLike<Element>;
  /** The message element `node` is or sits in, if any. */
  messageOf(node: Node): Element | null;
  /** Whether `element` itself is a message element (no look at its ancestors). */
  isMessage(element: Element): boolean;
  /** One message's turn: null for an excluded line or one without text (yet). */
  parse(message: Element): Turn | null;
}

export interface TranscriptTail {
  /** Mutation records from inside the container last read (other records are the caller's business). */
  note(records: Iterable<MutationRecord>): void;
  /**
   * The last REPORTED_TURNS turns of `container`. `changes`: from what the noted records say
   * changed; `walk`: from the end of the container, whatever was noted. The same array as the last
   * read when nothing in it changed, so a caller can compare by identity.
   */
  read(container: Element, how: 'changes' | 'walk'): Turn[];
}

interface Entry {
  message: Element;
  turn: Turn;
}

export function createTranscriptTail(parser: TranscriptParser, keep = REPORTED_TURNS): TranscriptTail {
  let parsed = new WeakMap<Element, Turn>();
  let container: Element | null = null;
  let entries: Entry[] = [];
  let turns: Turn[] = [];
  // Message elements appended at the end since the last read, in order.
  const appended = new Set<Element>();
  let walkNext = true;

  function turnOf(message: Element): Turn | null {
    const known = parsed.get(message);
    if (known) return known;
    const turn = parser.parse(message);
    // Only kept once it has text: the desktop may fill a message in after inserting it.
    if (turn) parsed.set(message, turn);
    return turn;
  }

  function appendsAtEnd(record: MutationRecord): boolean {
    if (record.type !== 'childList' || record.removedNodes.length > 0 || record.nextSibling !== null || !container) return false;
    const { target } = record;
    // Into the container, or into its last child (a group of messages), and not into a message.
    // That child's ancestors are the container's, which no message holds, so only the child
    // itself needs a look: this runs for every record of every new message (docs/performance.md P4).
    return target === container || (target.parentNode === container && target === container.lastElementChild && !parser.isMessage(target as Element));
  }

  function forget(record: MutationRecord): void {
    const message = parser.messageOf(record.target);
    if (message) {
      parsed.delete(message);
      return;
    }
    // An attribute above the messages (a group's class) can change the role of those it holds.
    if (record.type === 'attributes') for (const entry of entries) if (record.target.contains(entry.message)) parsed.delete(entry.message);
  }

  function walk(from: Element): Entry[] {
    const found: Entry[] = [];
    for (let child = from.lastElementChild; child && found.length < keep; child = child.previousElementSibling) {
      const messages = parser.messagesIn(child);
      for (let index = messages.length - 1; index >= 0 && found.length < keep; index--) {
        const message = messages[index]!;
        const turn = turnOf(message);
        if (turn) found.push({ message, turn });
      }
    }
    return found.reverse();
  }

  return {
    note(records) {
      if (walkNext) return;
      for (const record of records) {
        if (appendsAtEnd(record)) {
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            const messages = parser.messagesIn(node as Element);
            for (let index = 0; index < messages.length; index++) appended.add(messages[index]!);
          }
          continue;
        }
        forget(record);
        walkNext = true;
        appended.clear();
        return;
      }
    },
    read(from, how) {
      if (how === 'walk' || walkNext || from !== container) return walkFrom(from);
      if (appended.size === 0) return turns;
      const added: Entry[] = [];
      let previous = entries.at(-1)?.message ?? null;
      for (const message of appended) {
        if (previous && !(previous.compareDocumentPosition(message) & Node.DOCUMENT_POSITION_FOLLOWING)) {
          // Already read by the walk that came before its record; otherwise it went in above the end.
          if (parsed.has(message)) continue;
          return walkFrom(from);
        }
        previous = message;
        const turn = turnOf(message);
        if (turn) added.push({ message, turn });
      }
      appended.clear();
      if (added.length === 0) return turns;
      entries = [...entries, ...added].slice(-keep);
      turns = entries.map((entry) => entry.turn);
      return turns;
    },
  };

  function walkFrom(from: Element): Turn[] {
    if (from !== container) parsed = new WeakMap();
    container = from;
    walkNext = false;
    appended.clear();
    entries = walk(from);
    turns = entries.map((entry) => entry.turn);
    return turns;
  }
}
