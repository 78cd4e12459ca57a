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
