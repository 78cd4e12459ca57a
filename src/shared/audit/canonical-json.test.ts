import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ seq: 1, kind: 'x', data: { b: 2, a: 1 } })).toBe(canonicalJson({ data: { a: 1, b: 2 }, kind: 'x', seq: 1 }));
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3, '€': 4 })).toBe('{"A":3,"z":2,"é":1,"€":4}');
  });

  it('escapes strings as JSON.stringify does (quotes, control characters, lone surrogates)', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001 😀 \ud800' })).toBe('{"s":"a\\"b\\\\c\\n\\u0001 😀 \\ud800"}');
  });

  it('writes numbers in their shortest form and drops undefined members', () => {
    expect(canonicalJson({ a: 1.5, b: 1e21, c: -0, d: undefined, e: [undefined] })).toBe('{"a":1.5,"b":1e+21,"c":0,"e":[null]}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
  });
});
