import { describe, expect, it } from 'vitest';
import { luminance, pageTheme, parseCssColour, themeFromColorScheme } from './page-theme';

function tree(backgrounds: string[], colorScheme = 'normal') {
  // backgrounds[0] is the innermost element; the last is the root.
  const styles = new Map<object, Partial<CSSStyleDeclaration>>();
  const root = { parentElement: null } as unknown as Element;
  let node: Element = root;
  const nodes: Element[] = [];
  for (let i = backgrounds.length - 1; i >= 0; i--) {
    const element = i === backgrounds.length - 1 ? root : ({ parentElement: node } as unknown as Element);
    styles.set(element, { backgroundColor: backgrounds[i], color: 'rgb(0, 0, 0)', colorScheme: i === backgrounds.length - 1 ? colorScheme : 'normal' });
    nodes.unshift(element);
    node = element;
  }
  for (const element of nodes) Object.assign(element, { ownerDocument: { documentElement: root } });
  return { inner: nodes[0]!, style: (element: Element) => styles.get(element) as CSSStyleDeclaration };
}

describe('page theme', () => {
  it('reads computed colours, ignoring transparent ones', () => {
    expect(parseCssColour('rgb(30, 36, 44)')).toEqual({ r: 30, g: 36, b: 44 });
    expect(parseCssColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseCssColour('rgb(0 0 0 / 10%)')).toBeNull();
    expect(parseCssColour('transparent')).toBeNull();
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
  });

  it('takes the first opaque background behind the transcript', () => {
    const dark = tree(['rgba(0, 0, 0, 0)', 'rgb(30, 36, 44)', 'rgb(255, 255, 255)']);
    expect(pageTheme(dark.inner, dark.style)).toBe('dark');
    const light = tree(['rgba(0, 0, 0, 0)', 'rgb(243, 245, 248)']);
    expect(pageTheme(light.inner, light.style)).toBe('light');
  });

  it('says nothing when the page paints nothing, and trusts an explicit color-scheme first', () => {
    const bare = tree(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    expect(pageTheme(bare.inner, bare.style)).toBeNull();
    bare.style(bare.inner).color = 'rgb(228, 232, 238)';
    expect(pageTheme(bare.inner, bare.style)).toBe('dark');
    const declared = tree(['rgb(255, 255, 255)'], 'dark');
    expect(pageTheme(declared.inner, declared.style)).toBe('dark');
    expect(themeFromColorScheme('light dark')).toBeNull();
    expect(themeFromColorScheme('only light')).toBe('light');
    expect(pageTheme(null, () => ({}) as CSSStyleDeclaration)).toBeNull();
  });
});
