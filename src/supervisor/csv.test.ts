import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvText, doubleQuoteBytes, neutraliseFormula, utf8Length, writeCsvText, type CsvSink } from './csv';

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
  });
});

describe('csvField and csvRecord (RFC 4180)', () => {
  it('quotes only what needs it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('ends records with CRLF', () => {
    expect(csvRecord(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('round-trips through a real CSV parser, formula cells coming back neutralised', () => {
    const cells = ['comma, here', 'quote " here', 'line\r\nbreak', 'ünïcødé 😀 中文', '=HYPERLINK("http://x")', '-2+3', '@cmd', 'plain'];
    const text = csvRecord(cells) + csvRecord(['second', '', 'row', '', '', '', '', '']);
    const rows: string[][] = parse(text, { relax_column_count: false });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  });
});

describe('writeCsvText', () => {
  it.each(['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+1', '-"x"', '', '{"a":1,"b":"c"}'])('gives %j the bytes csvText gives it', (value) => {
    let written = '';
    const sink: CsvSink = {
      write: (text) => void (written += text),
      writeQuoted: (text, before = '', after = '') => void (written += `${before}"${text.replaceAll('"', '""')}"${after}`),
    };
    writeCsvText(sink, value);
    expect(written).toBe(csvText(value));
    written = '';
    writeCsvText(sink, value, '1,"a",', ',x\r\n');
    expect(written).toBe(`1,"a",${csvText(value)},x\r\n`);
  });
});

describe('utf8Length', () => {
  it.each(['', 'ascii', 'ünï', '中文', '😀', 'a\uD800b', '\uDC00', 'end \uD83D', '\uD83D\uD83D\uDE00', '\u007f\u0080\u07ff\u0800\uffff'])('is the TextEncoder length of %j', (text) => {
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('doubleQuoteBytes', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it.each(['', 'no quotes here', '"', '""', '"start', 'end"', 'a"b""c', '{"ünï":"😀 \\"x\\""}', '"'.repeat(50)])('doubles the quotes of %j in place', (text) => {
    const encoded = utf8(text);
    // Two bytes before the text and room after it: the ones before must stay as they were.
    const bytes = new Uint8Array(2 + encoded.length * 2 + 3).fill(0x7e);
    bytes.set(encoded, 2);
    const end = doubleQuoteBytes(bytes, 2, 2 + encoded.length);
    expect(new TextDecoder().decode(bytes.subarray(0, end))).toBe(`~~${text.replaceAll('"', '""')}`);
  });

  it('moves what follows the text along, its own quotes left as they are', () => {
    const encoded = utf8('~a"b"c",\"ü"\r\n');
    const bytes = new Uint8Array(encoded.length + 8).fill(0x7e);
    bytes.set(encoded);
    // The text is `a"b"c`, bytes 1 to 6; after it, `",\"ü"\r\n` up to the end.
    const last = doubleQuoteBytes(bytes, 1, 6, encoded.length);
    expect(new TextDecoder().decode(bytes.subarray(0, last))).toBe('~a""b""c",\"ü"\r\n');
  });
});
