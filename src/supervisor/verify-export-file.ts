import { createChainVerifier, type ChainReport } from '../shared/audit/hash-chain';

/**
 * Verifies an NDJSON export (one entry per line, README "Audit log") as it streams from disk, in
 * constant memory: each line's hash, the links between consecutive sequence numbers, and whether a
 * retention entry anchors the start. Gaps are listed, not failed: an export of filtered entries
 * has them by design; for an unfiltered export a gap is a removed entry.
 */
export async function verifyExportFile(stream: ReadableStream<Uint8Array>, options: { signal?: AbortSignal; onProgress?(lines: number): void } = {}): Promise<ChainReport & { lines: number }> {
  const verifier = createChainVerifier({ gapsAreBreaks: false });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let lines = 0;

  async function line(text: string): Promise<void> {
    lines += 1;
    if (text.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null; // reported as malformed at this line
    }
    await verifier.push(parsed, lines);
  }

  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        await line(buffered.slice(0, newline).replace(/\r$/, ''));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
      options.onProgress?.(lines);
    }
    buffered += decoder.decode();
    if (buffered.trim() !== '') await line(buffered);
  } finally {
    reader.releaseLock();
  }
  return { ...verifier.finish(null), lines };
}
