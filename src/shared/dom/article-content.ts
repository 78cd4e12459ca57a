/**
 * Article content with its structure kept (paragraphs, lists, emphasis, links) but nothing else:
 * hostile HTML is read with DOMParser (an inert document: nothing runs, nothing loads) and walked
 * into a small tree of allowlisted elements with no attributes but a checked `href`. The panel
 * renders that tree as Preact nodes; no HTML string is ever handed to the page.
 */

export const ARTICLE_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote'] as const;
export type ArticleTag = (typeof ARTICLE_TAGS)[number];

export interface ArticleElement {
  tag: ArticleTag;
  /** Only on `a`: an https URL without credentials. */
  href?: string;
  children: ArticleNode[];
}
export type ArticleNode = string | ArticleElement;

/** Source elements mapped onto the allowlist; anything else is unwrapped (its text kept). */
const RENAMED: Record<string, ArticleTag> = {
  P: 'p', BR: 'br', UL: 'ul', OL: 'ol', LI: 'li', STRONG: 'strong', B: 'strong', EM: 'em', I: 'em', A: 'a', BLOCKQUOTE: 'blockquote',
  // Headings inside a card would break the panel's outline: a paragraph of strong text instead.
  H1: 'p', H2: 'p', H3: 'p', H4: 'p', H5: 'p', H6: 'p', DIV: 'p', SECTION: 'p', ARTICLE: 'p', TR: 'p', DT: 'p', DD: 'p', PRE: 'p',
};
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Code, styling, metadata and embedded content: dropped with everything inside. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'IMG', 'VIDEO', 'AUDIO']);
const BLOCK_TAGS = new Set<ArticleTag>(['p', 'ul', 'ol', 'li', 'blockquote']);

/** Hostile nesting is flattened past this depth, and content stops after this many nodes (the walk itself is bounded by the content's 20,000 characters). */
const MAX_DEPTH = 12;
const MAX_NODES = 3000;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function safeHref(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

function looksLikeHtml(content: string): boolean {
  return /<[a-zA-Z!/?]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/.test(content);
}

/** Plain text: blank lines separate paragraphs, single line breaks stay. */
function plainTextNodes(content: string): ArticleNode[] {
  return content
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ tag: 'p' as const, children: lines.flatMap((line, index) => (index === 0 ? [line] : [{ tag: 'br' as const, children: [] }, line])) }));
}

/** Drops whitespace-only text between blocks and empty elements; merges adjacent text. */
function tidy(nodes: ArticleNode[], inBlockContainer: boolean): ArticleNode[] {
  const out: ArticleNode[] = [];
  const isBlock = (node: ArticleNode) => typeof node !== 'string' && BLOCK_TAGS.has(node.tag);
  // A paragraph holding blocks (a div of paragraphs) gives way to them: no paragraph in a paragraph.
  const flat = nodes.flatMap((node) => (typeof node !== 'string' && node.tag === 'p' && node.children.some(isBlock) ? node.children : [node]));
  for (const node of flat) {
    if (typeof node === 'string') {
      const last = out.at(-1);
      if (typeof last === 'string') out[out.length - 1] = last + node;
      else out.push(node);
      continue;
    }
    if (node.tag !== 'br' && node.children.every((child) => typeof child === 'string' && child.trim() === '')) continue;
    out.push(node);
  }
  const collapsed = out.map((node) => (typeof node === 'string' ? node.replace(/\s+/g, ' ') : node));
  if (!collapsed.some(isBlock)) return inBlockContainer ? trimEdges(collapsed) : collapsed;
  // Inline runs between blocks become paragraphs of their own.
  const result: ArticleNode[] = [];
  let run: ArticleNode[] = [];
  const flush = () => {
    const trimmed = trimEdges(run);
    if (trimmed.some((node) => typeof node === 'string' || node.tag !== 'br')) result.push({ tag: 'p', children: trimmed });
    run = [];
  };
  for (const node of collapsed) {
    if (isBlock(node)) {
      flush();
      result.push(node);
    } else run.push(node);
  }
  flush();
  return result;
}

/** Leading and trailing whitespace of a block's content is layout, not text. */
function trimEdges(nodes: ArticleNode[]): ArticleNode[] {
  const out = [...nodes];
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = out[last].trimEnd();
  return out.filter((node) => node !== '');
}

interface Frame {
  source: Node;
  target: ArticleNode[];
  depth: number;
}

/** The allowlisted tree of article content (plain text or HTML). */
export function articleNodes(content: string): ArticleNode[] {
  if (!looksLikeHtml(content)) return plainTextNodes(content);
  const body = new DOMParser().parseFromString(content, 'text/html').body;
  if (!body) return [];
  const root: ArticleNode[] = [];
  // Elements are finished (tidied) after their children: a post-order walk with an explicit stack.
  const finish: { element: ArticleElement; heading: boolean }[] = [];
  const stack: Frame[] = [];
  const pushChildren = (source: Node, target: ArticleNode[], depth: number) => {
    const children = source.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push({ source: children[index]!, target, depth });
  };
  pushChildren(body, root, 0);
  let count = 0;
  while (stack.length > 0 && count < MAX_NODES) {
    const { source, target, depth } = stack.pop()!;
    if (source.nodeType === TEXT_NODE) {
      count++;
      target.push(source.nodeValue ?? '');
      continue;
    }
    if (source.nodeType !== ELEMENT_NODE) continue;
    const name = source.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    const tag = RENAMED[name];
    if (tag === 'br') {
      target.push({ tag: 'br', children: [] });
      continue;
    }
    const href = tag === 'a' ? safeHref((source as Element).getAttribute('href')) : null;
    if (!tag || depth >= MAX_DEPTH || (tag === 'a' && !href)) {
      // Unwrapped: its text stays where it was, a cell or unknown block keeps a space around it.
      if (name === 'TD' || name === 'TH') target.push(' ');
      pushChildren(source, target, depth);
      continue;
    }
    count++;
    const element: ArticleElement = { tag, children: [], ...(href && { href }) };
    target.push(element);
    finish.push({ element, heading: HEADINGS.has(name) });
    pushChildren(source, element.children, depth + 1);
  }
  for (let index = finish.length - 1; index >= 0; index--) {
    const { element, heading } = finish[index]!;
    element.children = tidy(element.children, BLOCK_TAGS.has(element.tag));
    if (heading) element.children = [{ tag: 'strong', children: element.children }];
  }
  return tidy(root, true);
}

export function nodesText(nodes: readonly ArticleNode[]): string {
  let text = '';
  for (const node of nodes) text += typeof node === 'string' ? node : nodesText(node.children);
  return text;
}

/**
 * Text cut to at most `max` characters at a word boundary; empty when not even one word fits.
 * `force` cuts inside the word instead (the very first word of an excerpt must show something).
 */
export function cutAtWord(text: string, max: number, force = false): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const boundary = head.search(/\s\S*$/);
  if (boundary > 0) return head.slice(0, boundary).trimEnd();
  return force ? text.slice(0, max) : '';
}

export interface ArticleExcerpt {
  nodes: ArticleNode[];
  truncated: boolean;
}

/**
 * The first `limit` characters of the tree, structure kept, cut at a word with an ellipsis.
 * Content only slightly longer than the limit stays whole: a "Show more" for three words is noise.
 */
export function excerptNodes(nodes: readonly ArticleNode[], limit: number): ArticleExcerpt {
  if (nodesText(nodes).length <= limit * 1.2) return { nodes: [...nodes], truncated: false };
  let left = limit;
  let done = false;
  const walk = (list: readonly ArticleNode[]): ArticleNode[] => {
    const out: ArticleNode[] = [];
    for (const node of list) {
      if (done) break;
      if (typeof node === 'string') {
        if (node.length <= left) {
          out.push(node);
          left -= node.length;
          continue;
        }
        const cut = cutAtWord(node, left, left === limit);
        out.push(`${cut.trimEnd()}…`);
        done = true;
        break;
      }
      out.push({ ...node, children: walk(node.children) });
    }
    return out;
  };
  return { nodes: walk(nodes), truncated: true };
}
