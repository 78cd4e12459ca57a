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
  /** `text` between quotes, with each of its quotes doubled. */
  writeQuoted(text: string): void;
}

/** csvText into a sink: the same bytes, without making the quoted copy of the text as a string. */
export function writeCsvText(sink: CsvSink, value: string): void {
  const text = startsFormula(value) ? `'${value}` : value;
  if (NEEDS_QUOTES.test(text)) sink.writeQuoted(text);
  else sink.write(text);
}

/** `"` in UTF-8. */
export const QUOTE_BYTE = 0x22;

/**
 * Doubles every quote in the UTF-8 bytes `bytes[start, end)` where they lie, and returns their new
 * end; the array must have room for one more byte per quote after `end`. A quote's byte never
 * occurs inside a multi-byte UTF-8 character, so this gives exactly the bytes of the text with
 * its quotes doubled.
 */
export function doubleQuoteBytes(bytes: Uint8Array, start: number, end: number): number {
  let quotes = 0;
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE_BYTE) quotes += 1;
  const doubledEnd = end + quotes;
  // From the end backwards, so that no byte is overwritten before it is moved; once the write
  // position meets the read position, every byte before it is already in place.
  let to = doubledEnd;
  for (let from = end - 1; to > from + 1; from--) {
    const byte = bytes[from]!;
    bytes[--to] = byte;
    if (byte === QUOTE_BYTE) bytes[--to] = QUOTE_BYTE;
  }
  return doubledEnd;
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
