/**
 * RFC 4180 CSV, made safe to open in a spreadsheet: fields with a comma, quote, CR or LF are
 * quoted with inner quotes doubled; records end with CRLF. A text cell that starts with `=`, `+`,
 * `-`, `@`, tab or CR would be run as a formula by Excel, LibreOffice or Sheets (CSV injection,
 * OWASP): it gets a leading `'`, which spreadsheets show as text and a reader can strip.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvCell = string | number | boolean | null | undefined;

/** `=`, `+`, `-`, `@`, tab or CR first: a character-code test, since an export asks it of every text cell. */
function startsFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

export function neutraliseFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** A text cell: neutralised, then quoted only when it has a quote, comma, CR or LF. */
export function csvText(value: string): string {
  const text = startsFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Where a record's bytes go: plain text as it is, or a quoted field whose quotes the sink doubles
 * (`src/supervisor/blob-writer.ts` does that on the UTF-8 bytes, far cheaper than replaceAll on
 * a long string).
 */
export interface CsvSink {
  write(text: string): void;
  /** `before`, then `text` between quotes with each of its quotes doubled, then `after`. */
  writeQuoted(text: string, before?: string, after?: string): void;
}

/**
 * csvText into a sink, between `before` and `after` (the rest of its record, so that a record is
 * one write): the same bytes, without making the quoted copy of the text as a string.
 */
export function writeCsvText(sink: CsvSink, value: string, before = '', after = ''): void {
  const text = startsFormula(value) ? `'${value}` : value;
  if (NEEDS_QUOTES.test(text)) sink.writeQuoted(text, before, after);
  else sink.write(`${before}${text}${after}`);
}

/** `"` in UTF-8. */
export const QUOTE_BYTE = 0x22;

/**
 * Doubles every quote in the UTF-8 bytes `bytes[start, end)` where they lie, moves the bytes from
 * `end` to `last` (by default none) along behind them, and returns the new `last`; the array must
 * have room for one more byte per quote after `last`. A quote's byte never occurs inside a
 * multi-byte UTF-8 character, so this gives exactly the bytes of the text with its quotes doubled.
 */
export function doubleQuoteBytes(bytes: Uint8Array, start: number, end: number, last = end): number {
  let quotes = 0;
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE_BYTE) quotes += 1;
  if (quotes === 0) return last;
  if (last > end) bytes.copyWithin(end + quotes, end, last);
  const doubledEnd = end + quotes;
  // From the end backwards, so that no byte is overwritten before it is moved; once the write
  // position meets the read position, every byte before it is already in place.
  let to = doubledEnd;
  for (let from = end - 1; to > from + 1; from--) {
    const byte = bytes[from]!;
    bytes[--to] = byte;
    if (byte === QUOTE_BYTE) bytes[--to] = QUOTE_BYTE;
  }
  return last + quotes;
}

/** The length of `text` in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, three bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers we write are counts and ids, never negative: they cannot start a formula. Neither a
  // number nor a boolean prints a quote, comma or line break, so neither needs the quoting test.
  return typeof value === 'string' ? csvText(value) : String(value);
}

export function csvRecord(cells: readonly CsvCell[]): string {
  // A loop, not map().join(): 100,000 records should not leave 100,000 arrays behind.
  let record = '';
  for (let i = 0; i < cells.length; i++) record += i === 0 ? csvField(cells[i]) : `,${csvField(cells[i])}`;
  return `${record}\r\n`;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
