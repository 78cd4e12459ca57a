// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { deepQuery, safeMatches } from './deep-query';

describe('deepQuery', () => {
  beforeEach(() => {
    document.body.innerHTML = '<outer-host id="outer"></outer-host><div class="plain"><span class="x">light</span></div>';
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<inner-host></inner-host><span class="x">outer shadow</span>';
    const inner = outer.querySelector('inner-host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span class="x">inner shadow</span>';
  });

  it('is querySelector without a shadow step', () => {
    expect(deepQuery(document, '.plain .x')?.textContent).toBe('light');
    expect(deepQuery(document, '.x')?.textContent).toBe('light');
  });

  it('steps into open shadow roots, and records each one it entered', () => {
    const entered = new Set<ShadowRoot>();
    expect(deepQuery(document, '#outer >>> .x', entered)?.textContent).toBe('outer shadow');
    expect(deepQuery(document, '#outer >>> inner-host >>> .x', entered)?.textContent).toBe('inner shadow');
    expect(entered.size).toBe(2);
    expect([...entered].every((root) => root instanceof ShadowRoot)).toBe(true);
  });

  it('finds nothing through a host without an open shadow root, or past a step that matches nothing', () => {
    const closed = document.createElement('closed-host');
    closed.attachShadow({ mode: 'closed' }).innerHTML = '<span class="x">hidden</span>';
    document.body.append(closed);
    expect(deepQuery(document, 'closed-host >>> .x')).toBeNull();
    expect(deepQuery(document, '.plain >>> .x')).toBeNull();
    expect(deepQuery(document, '#missing >>> .x')).toBeNull();
  });

  it('returns null for an invalid selector instead of throwing in the host page', () => {
    expect(deepQuery(document, '[[[')).toBeNull();
    expect(deepQuery(document, '#outer >>> ')).toBeNull();
    expect(safeMatches(document.body, '[[[')).toBe(false);
  });
});
