import { cutAtWord } from './article-content';

/**
 * Article content is hostile (docs/architecture.md, "Trust"): it is shown as text, never as markup. HTML is
 * read with DOMParser, whose documents are inert: scripts do not run, event handlers do not fire
 * and images, styles and frames are not fetched. Only text nodes are read from it.
 */

/** Elements whose text is not article prose (code, styling, metadata). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'SELECT']);

/** Elements that start a new line, so `<p>a</p><p>b</p>` does not read "ab". */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TR', 'UL',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether the content looks like markup (a tag or an entity); plain text keeps its own line breaks. */
function looksLikeHtml(content: string): boolean {
  return /<[a-zA-Z!/?]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/.test(content);
}

function tidyLines(lines: string[]): string {
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The readable text of an HTML fragment; an explicit stack, as hostile nesting could be deep. */
function textOfHtml(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  if (!body) return '';
  let out = '';
  const stack: (Node | string)[] = [body];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      // In HTML a newline inside text is just a space; line breaks come from elements.
      out += (item.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      out += '\n';
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) stack.push('\n');
    const children = item.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
    if (block) stack.push('\n');
  }
  return out;
}

/** Article content (plain text or HTML) as plain text: one line per paragraph, whitespace collapsed. */
export function articleText(content: string): string {
  return tidyLines((looksLikeHtml(content) ? textOfHtml(content) : content).split('\n'));
}

export interface ExcerptText {
  text: string;
  truncated: boolean;
}

/**
 * The first `limit` characters, cut after the last whole word, with an ellipsis (a single word
 * longer than the limit is cut hard). Text only slightly longer than the limit is kept whole: a
 * "Show more" for three words is noise.
 */
export function excerpt(text: string, limit: number): ExcerptText {
  if (text.length <= limit * 1.2) return { text, truncated: false };
  return { text: `${cutAtWord(text, limit, true)}…`, truncated: true };
}
