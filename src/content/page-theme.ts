/**
 * Which theme the desktop page shows, light or dark, from what the page itself says: an explicit
 * `color-scheme` on the root, else the computed background colour behind the transcript. Genesys
 * Cloud documents no theme class or attribute, so the colours are what we trust (docs/desktop-profile.md).
 * null when the page paints no background of its own: then the operating system's setting applies.
 */
export type PageTheme = 'light' | 'dark';

/** Parses `rgb(…)` / `rgba(…)` as computed styles give them; null for anything else or fully transparent. */
export function parseCssColour(value: string): { r: number; g: number; b: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!match) return null;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  if (!(alpha > 0.5)) return null;
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]) };
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** `color-scheme` naming exactly one of light or dark; null for `normal`, `light dark` and the like. */
export function themeFromColorScheme(value: string): PageTheme | null {
  const words = value.trim().split(/\s+/);
  if (words.includes('only') || words.length === 1) {
    if (words.includes('dark') && !words.includes('light')) return 'dark';
    if (words.includes('light') && !words.includes('dark')) return 'light';
  }
  return null;
}

/** The page's theme at `from` (the transcript): the first opaque background up the tree decides. */
export function pageTheme(from: Element | null, style: (element: Element) => CSSStyleDeclaration): PageTheme | null {
  const root = from?.ownerDocument.documentElement;
  if (root) {
    const declared = themeFromColorScheme(style(root).colorScheme ?? '');
    if (declared) return declared;
  }
  for (let node: Element | null = from; node; node = node.parentElement) {
    const colour = parseCssColour(style(node).backgroundColor);
    if (colour) return luminance(colour) < 0.2 ? 'dark' : 'light';
  }
  // No background of its own (a frame the page behind shows through): light text still says dark.
  // Dark text says nothing, as it is also the browser's default.
  const text = from ? parseCssColour(style(from).color) : null;
  return text && luminance(text) > 0.5 ? 'dark' : null;
}
