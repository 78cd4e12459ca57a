import { describe, expect, it } from 'vitest';
import { BlobWriter } from './blob-writer';

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('BlobWriter', () => {
  it('gives the same bytes as a Blob of the strings, across buffer refills and multi-byte characters', async () => {
    const texts = ['\uFEFFseq,time\r\n', 'plain ascii line\n', 'ünïcødé 😀 中文\n', '', 'x'.repeat(40), 'lone \uD800 surrogate\n', 'ok\n'];
    // A 16-byte buffer: most writes refill it, and the 40-character one is longer than all of it.
    const writer = new BlobWriter(16);
    for (const text of texts) writer.write(text);
    const blob = writer.finish('text/csv;charset=utf-8');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await bytesOf(blob)).toEqual(await bytesOf(new Blob(texts)));
  });

  it('reuses its buffer without changing bytes already handed over', async () => {
    const writer = new BlobWriter(8);
    writer.write('aa');
    writer.write('bb'); // fills past 8 worst-case bytes: the first part is made, then the buffer is reused
    writer.write('cc');
    expect(await writer.finish('text/plain').text()).toBe('aabbcc');
  });

  it('writes quoted fields with their quotes doubled, in order with plain text, across refills and past the buffer', async () => {
    const pieces: [string, boolean][] = [['a,', false], ['say "hi"', true], [',', false], ['ünï "😀" \uD800', true], ['"'.repeat(20), true], ['', true], ['\r\n', false]];
    // 24 bytes: some quoted fields fit, some refill the buffer, the 20 quotes are longer than all of it.
    const writer = new BlobWriter(24);
    for (const [text, quoted] of pieces) {
      if (quoted) writer.writeQuoted(text);
      else writer.write(text);
    }
    const expected = pieces.map(([text, quoted]) => (quoted ? `"${text.replaceAll('"', '""')}"` : text));
    expect(await bytesOf(writer.finish('text/csv'))).toEqual(await bytesOf(new Blob(expected)));
  });

  it('writes a quoted field between the rest of its record in one go, only the field\'s quotes doubled, ASCII or not, across refills', async () => {
    const records: [string, string, string][] = [
      ['1,"x",', '{"a":"b"}', ',h\r\n'],
      ['ünï,"😀",', '{"t":"中文 \\"q\\""}', ',"h,1"\r\n'],
      ['', '', ''],
      ['a,', 'plain "quoted"', ''],
      ['', 'lone \uD800 "s"', ',\uDC00\r\n'],
      ['2,', '"'.repeat(100), ',end\r\n'],
      ['4,ü,', 'x"ü"'.repeat(20), ',"😀"\r\n'],
      ['3,', 'no quotes', ',"ü"\r\n'],
    ];
    // 256 bytes: records fit, refill the buffer, or (the 100 quotes) are longer than all of it.
    const writer = new BlobWriter(256);
    for (const [before, text, after] of records) writer.writeQuoted(text, before, after);
    const expected = records.map(([before, text, after]) => `${before}"${text.replaceAll('"', '""')}"${after}`);
    expect(await bytesOf(writer.finish('text/csv'))).toEqual(await bytesOf(new Blob(expected)));
  });

  it('makes an empty Blob when nothing was written', async () => {
    const blob = new BlobWriter().finish('application/x-ndjson');
    expect(blob.size).toBe(0);
    expect(blob.type).toBe('application/x-ndjson');
  });
});
