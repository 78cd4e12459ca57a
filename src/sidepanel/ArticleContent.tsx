import { h, type ComponentChildren } from 'preact';
import type { ArticleNode } from '../shared/dom/article-content';

/**
 * The allowlisted article tree (src/shared/dom/article-content.ts) as Preact elements. Each element
 * is created by tag name with no attributes from the content but a checked https `href`: there is
 * no path from article text to markup.
 */
function render(node: ArticleNode, key: number): ComponentChildren {
  if (typeof node === 'string') return node;
  const children = node.children.map(render);
  if (node.tag === 'a') {
    return h('a', { key, href: node.href, target: '_blank', rel: 'noopener noreferrer', class: 'article-link' }, children);
  }
  return h(node.tag, { key }, children);
}

export function ArticleContent({ nodes }: { nodes: readonly ArticleNode[] }) {
  return <>{nodes.map(render)}</>;
}
