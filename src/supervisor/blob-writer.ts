/**
 * Builds a large Blob from many short strings, in a fixed amount of page memory: the text is
 * encoded as UTF-8 into one staging buffer, and each time the buffer fills its bytes become one
 * Blob part (the browser copies them out of the page) and the buffer is reused.
 *
 * Why not a Blob of the strings themselves: Chromium turns every string part into UTF-8 on the
 * page's main thread and in its own copy, which took as long as reading the entries from
 * IndexedDB (docs/performance.md, P7), and every string stays in the JS heap until that Blob is
 * made. Here each string is garbage as soon as it is written, and the page makes a few dozen parts
 * instead of hundreds.
 */
import { doubleQuoteBytes, utf8Length, type CsvSink } from './csv';

const encoder = new TextEncoder();

/** UTF-8 takes at most three bytes per UTF-16 code unit (a surrogate pair: four bytes for two). */
const MAX_BYTES_PER_UNIT = 3;

export const STAGING_BYTES = 4 * 1024 * 1024;

export class BlobWriter implements CsvSink {
  private readonly parts: Blob[] = [];
  private readonly staging: Uint8Array<ArrayBuffer>;
  private used = 0;

  constructor(capacity = STAGING_BYTES) {
    this.staging = new Uint8Array(new ArrayBuffer(capacity));
  }

  write(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_UNIT > this.staging.length) {
      this.flush();
      // Longer than the whole buffer: it becomes a part of its own, in order.
      if (text.length * MAX_BYTES_PER_UNIT > this.staging.length) {
        this.parts.push(new Blob([text]));
        return;
      }
    }
    this.used += encoder.encodeInto(text, this.staging.subarray(this.used)).written;
  }

  /**
   * `text` as a quoted CSV field between `before` and `after`: all three encoded at once, then the
   * field's quotes doubled in the buffer. Doubling on the bytes costs a fraction of replaceAll on
   * the string, which for the export's largest field (an entry's data as JSON, full of quotes)
   * took longer than JSON.stringify made it; and one encode per record instead of three saves a
   * buffer view and a call for each piece (P7).
   */
  writeQuoted(text: string, before = '', after = ''): void {
    const whole = `${before}"${text}"${after}`;
    // A quote is one byte and becomes two: within the three per unit.
    const room = whole.length * MAX_BYTES_PER_UNIT;
    if (this.used + room > this.staging.length) {
      this.flush();
      if (room > this.staging.length) {
        this.parts.push(new Blob([`${before}"${text.replaceAll('"', '""')}"${after}`]));
        return;
      }
    }
    const at = this.used;
    const written = encoder.encodeInto(whole, this.staging.subarray(at)).written;
    // As many bytes as units: all ASCII, and the field's bytes sit where its units do. Otherwise
    // they are found by the UTF-8 lengths of what is around them.
    const ascii = written === whole.length;
    const start = at + (ascii ? before.length : utf8Length(before)) + 1;
    const end = ascii ? start + text.length : at + written - utf8Length(after) - 1;
    this.used = doubleQuoteBytes(this.staging, start, end, at + written);
  }

  /** The Blob of everything written, in order. The writer must not be used after. */
  finish(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }

  private flush(): void {
    if (this.used === 0) return;
    // The Blob constructor copies the bytes, so the buffer can take the next ones.
    this.parts.push(new Blob([this.staging.subarray(0, this.used)]));
    this.used = 0;
  }
}
