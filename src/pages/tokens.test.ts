import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The pages' stylesheets once each carried their own colours and button rules, and drifted apart.
 * This holds them to one source: each imports src/pages/tokens.css first and defines no colour
 * token or base rule of its own.
 */
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const PAGES = { 'side panel': '../sidepanel/panel.css', options: '../options/options.css', supervisor: '../supervisor/supervisor.css' };
const tokens = read('./tokens.css');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

function declaredTokens(css: string): string[] {
  return [...withoutComments(css).matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]!);
}

describe.each(Object.entries(PAGES))('the %s stylesheet', (_name, path) => {
  const css = withoutComments(read(path));

  it('imports the tokens before any rule of its own', () => {
    expect(css.trimStart().startsWith("@import '../pages/tokens.css';")).toBe(true);
  });

  it('declares none of the shared tokens, and no colour scheme of its own', () => {
    const shared = new Set(declaredTokens(tokens));
    expect(declaredTokens(css).filter((name) => shared.has(name))).toEqual([]);
    expect(css).not.toMatch(/prefers-color-scheme|color-scheme\s*:/);
  });

  it('leaves the button’s colours, states and variants to the tokens', () => {
    expect(css).not.toMatch(/\.button:disabled|\.button--primary\s*\{|\.button--quiet\s*\{|\.button:hover/);
  });

  it('uses only tokens that exist (a var() with a fallback may name an optional one)', () => {
    const known = new Set([...declaredTokens(tokens), ...declaredTokens(css)]);
    const used = [...css.matchAll(/var\((--[a-z0-9-]+)\)/g)].map((match) => match[1]!);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('the tokens', () => {
  it('give every colour a dark value', () => {
    const [light, dark] = tokens.split('@media (prefers-color-scheme: dark)');
    const colours = (css: string) => declaredTokens(css).filter((name) => new RegExp(`${name}\\s*:\\s*#`).test(css));
    expect(colours(dark!).sort()).toEqual(colours(light!).sort());
  });
});
