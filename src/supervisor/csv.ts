/**
 * RFC 4180 CSV, made safe to open in a spreadsheet: fields with a comma, quote, CR or LF are
 * quoted with inner quotes doubled; records end with CRLF. A text cell that starts with `=`, `+`,
 * `-`, `@`, tab or CR would be run as a formula by Excel, LibreOffice or Sheets (CSV injection,
 * OWASP): it gets a leading `'`, which spreadsheets show as text and a reader can strip.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvCell = string | number | boolean | null | undefined;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers we write are counts and ids, never negative: they cannot start a formula.
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(cells: readonly CsvCell[]): string {
  // A loop, not map().join(): 100,000 records should not leave 100,000 arrays behind.
  let record = '';
  for (let i = 0; i < cells.length; i++) record += i === 0 ? csvField(cells[i]) : `,${csvField(cells[i])}`;
  return `${record}\r\n`;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
