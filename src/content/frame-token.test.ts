// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFrameToken, FRAME_TOKEN_ATTRIBUTE, frameTokenOf, stampFrameToken } from './frame-token';

describe('frame tokens', () => {
  it('are 32 hex digits, different each time', () => {
    const first = createFrameToken();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(createFrameToken()).not.toBe(first);
    expect(createFrameToken((bytes) => bytes.fill(255))).toBe('f'.repeat(32));
  });

  it("are written on the frame's own root element", () => {
    stampFrameToken(document, 'a'.repeat(32));
    expect(document.documentElement.getAttribute(FRAME_TOKEN_ATTRIBUTE)).toBe('a'.repeat(32));
  });

  it('are read from an iframe only when its document carries a well-formed one', () => {
    const frame = (value: string | null) => ({ contentDocument: { documentElement: { getAttribute: () => value } } }) as unknown as Element;
    expect(frameTokenOf(frame('b'.repeat(32)))).toBe('b'.repeat(32));
    expect(frameTokenOf(frame('<script>'))).toBeNull();
    expect(frameTokenOf(frame(null))).toBeNull();
    expect(frameTokenOf({ contentDocument: null } as unknown as Element)).toBeNull();
    expect(frameTokenOf(document.createElement('div'))).toBeNull();
    const throwing = {
      get contentDocument(): never {
        throw new Error('cross-origin');
      },
    } as unknown as Element;
    expect(frameTokenOf(throwing)).toBeNull();
  });
});
