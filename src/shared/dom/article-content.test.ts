// @vitest-environment happy-dom
// Scripts run in this test's DOM (off by default in happy-dom), so "nothing executes" means something:
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true}}
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_TAGS, articleNodes, cutAtWord, excerptNodes, nodesText, type ArticleNode } from './article-content';

/** The tree as compact markup, for readable expectations (the code never builds such strings). */
function show(nodes: readonly ArticleNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.tag === 'br') return '<br>';
      const href = node.href ? ` href=${node.href}` : '';
      return `<${node.tag}${href}>${show(node.children)}</${node.tag}>`;
    })
    .join('');
}

function allElements(nodes: readonly ArticleNode[]): { tag: string; keys: string[] }[] {
  return nodes.flatMap((node) => (typeof node === 'string' ? [] : [{ tag: node.tag, keys: Object.keys(node) }, ...allElements(node.children)]));
}

describe('articleNodes', () => {
  it('keeps paragraphs, lists, emphasis and https links', () => {
    expect(
      show(articleNodes('<h2>Reset  a password</h2><p>Open <b>Accounts</b>,\n then <i>Reset</i>.</p><ul><li>One</li><li>Two <a href="https://help.example.com/x?a=1">more</a></li></ul>')),
    ).toBe('<p><strong>Reset a password</strong></p><p>Open <strong>Accounts</strong>, then <em>Reset</em>.</p><ul><li>One</li><li>Two <a href=https://help.example.com/x?a=1>more</a></li></ul>');
  });

  it('turns plain text into paragraphs and line breaks', () => {
    expect(show(articleNodes('First  line\nsecond line\n\n\nNext paragraph'))).toBe('<p>First line<br>second line</p><p>Next paragraph</p>');
  });

  it('drops every attribute but a checked href, and links that are not https', () => {
    const nodes = articleNodes(
      '<p style="color:red" class="x" onclick="alert(1)" id="p">Text</p>' +
        '<a href="javascript:alert(1)">js</a> <a href="http://example.com">http</a> <a href="data:text/html,x">data</a> ' +
        '<a href="https://user:pw@example.com/">creds</a> <a href="//example.com/x">relative</a> <a href="https://ok.example/" target="_self" onmouseover="x()">ok</a>',
    );
    expect(show(nodes)).toBe('<p>Text</p><p>js http data creds relative <a href=https://ok.example/>ok</a></p>');
    for (const element of allElements(nodes)) {
      expect(ARTICLE_TAGS).toContain(element.tag);
      expect(element.keys.every((key) => ['tag', 'children', 'href'].includes(key))).toBe(true);
    }
  });

  it('unwraps unknown elements, drops scripts and embedded content, and runs or loads nothing', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const nodes = articleNodes(
      '<p>Before <span title="t">inside</span></p><script>window.pwned = 1</script><img src="https://attacker.invalid/x.png" onerror="window.pwned = 2">' +
        '<svg onload="window.pwned = 3"><text>svg</text></svg><iframe srcdoc="<script>parent.pwned = 4</script>"></iframe><style>p{}</style>' +
        '<details><summary>Sum</summary>mary</details><table><tr><td>a</td><td>b</td></tr></table><p>After</p>',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(show(nodes)).toBe('<p>Before inside</p><p>Summary</p><p>a b</p><p>After</p>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('gives paragraphs in a paragraph-like block their own place, and inline runs beside blocks a paragraph', () => {
    expect(show(articleNodes('<div><p>One</p><p>Two</p></div>'))).toBe('<p>One</p><p>Two</p>');
    expect(show(articleNodes('<li>Steps: <b>first</b><ul><li>a</li></ul></li>'))).toBe('<li><p>Steps: <strong>first</strong></p><ul><li>a</li></ul></li>');
  });

  it('survives deep and wide hostile nesting', () => {
    const depth = 5000;
    const deep = articleNodes(`${'<em>'.repeat(depth)}deep${'</em>'.repeat(depth)}`);
    expect(nodesText(deep)).toBe('deep');
    const measure = (nodes: readonly ArticleNode[]): number => Math.max(0, ...nodes.map((node) => (typeof node === 'string' ? 0 : 1 + measure(node.children))));
    expect(measure(deep)).toBeLessThanOrEqual(12);
    expect(nodesText(articleNodes('<b>x</b> '.repeat(2400))).length).toBeLessThanOrEqual(3000);
    // Parsing 5,000 nested elements in happy-dom takes seconds on a busy 2-core machine; the subject is the bound on depth, not speed.
  }, 20_000);
});

describe('cutAtWord', () => {
  it('cuts at the last word that fits, never inside one unless told to', () => {
    expect(cutAtWord('Refund the duplicate charge', 15)).toBe('Refund the');
    expect(cutAtWord('Refund the', 15)).toBe('Refund the');
    expect(cutAtWord('Supercalifragilistic', 5)).toBe('');
    expect(cutAtWord('Supercalifragilistic', 5, true)).toBe('Super');
  });
});

describe('excerptNodes', () => {
  it('keeps short content whole', () => {
    const nodes = articleNodes('<p>Short <b>text</b></p>');
    expect(excerptNodes(nodes, 100)).toEqual({ nodes, truncated: false });
  });

  it('cuts inside the structure at a word, with an ellipsis, and keeps what comes before', () => {
    const nodes = articleNodes('<p>When a customer sees the <strong>same amount taken twice</strong>, check the history.</p><ul><li>Both payments settled: raise a refund.</li><li>Pending: wait.</li></ul>');
    const { nodes: cut, truncated } = excerptNodes(nodes, 40);
    expect(truncated).toBe(true);
    expect(show(cut)).toBe('<p>When a customer sees the <strong>same amount…</strong></p>');
    expect(nodesText(cut).endsWith('…')).toBe(true);
  });

  it('never ends in half a word', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau';
    for (let limit = 8; limit < 60; limit++) {
      const words = nodesText(excerptNodes(articleNodes(text), limit).nodes).replace('…', '').split(' ');
      for (const word of words) expect(text.split(' ')).toContain(word);
    }
  });
});
