import { describe, expect, it } from 'vitest';
import { shortIds } from './short-ids';

describe('shortIds', () => {
  it('keeps the tail that tells ids with a common prefix apart', () => {
    const ids = ['5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a01', '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a02'];
    expect([...shortIds(ids).values()]).toEqual(['…3f4a01', '…3f4a02']);
  });

  it('grows until every id is distinct, and leaves short ids whole', () => {
    const ids = ['conv-aaaaaaa-123456', 'conv-bbbbbbb-123456', 'c-1'];
    const short = shortIds(ids);
    expect(short.get('conv-aaaaaaa-123456')).toBe('…a-123456');
    expect(short.get('conv-bbbbbbb-123456')).toBe('…b-123456');
    expect(short.get('c-1')).toBe('c-1');
    const values = [...short.values()];
    expect(new Set(values).size).toBe(values.length);
  });

  it('shows an id whole when one character would be saved', () => {
    expect(shortIds(['1234567']).get('1234567')).toBe('1234567');
  });
});
