// @vitest-environment happy-dom
// Scripts run in this test's DOM (off by default in happy-dom), so "nothing executes" means something:
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleText, excerpt } from './article-text';

const scope = window as unknown as { pwned?: number };

afterEach(() => {
  delete scope.pwned;
});

it('runs scripts added to the live document (the control for the tests below)', () => {
  const script = document.createElement('script');
  script.textContent = 'window.pwned = 99';
  document.body.append(script);
  expect(scope.pwned).toBe(99);
  script.remove();
});

describe('articleText', () => {
  it('reads the text of HTML, one line per block, whitespace collapsed', () => {
    expect(articleText('<h2>Reset  a\n password</h2><p>Open <b>Accounts</b>,\n then   <i>Reset</i>.</p><ul><li>One</li><li>Two</li></ul>')).toBe(
      'Reset a password\nOpen Accounts, then Reset.\nOne\nTwo',
    );
  });

  it('keeps line breaks from <br> and decodes entities', () => {
    expect(articleText('Fish &amp; chips<br>costs &lt;5&gt; &#8364;')).toBe('Fish & chips\ncosts <5> €');
  });

  it('leaves plain text alone apart from whitespace, keeping its lines', () => {
    expect(articleText('  First line \n\n\n second   line ')).toBe('First line\nsecond line');
    expect(articleText('a < b and c > d')).toBe('a < b and c > d');
  });

  it('returns the text of hostile markup without running or loading anything', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const hostile = [
      '<p>Before</p>',
      '<script>window.pwned = 1</script>',
      '<img src="https://attacker.invalid/x.png" onerror="window.pwned = 2">',
      '<svg onload="window.pwned = 3"><text>svg</text></svg>',
      '<iframe srcdoc="<script>parent.pwned = 4</script>"></iframe>',
      '<style>body { display: none }</style>',
      '<a href="javascript:window.pwned = 5">link text</a>',
      '<p>After</p>',
    ].join('');
    const text = articleText(hostile);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text).toBe('Before\nlink text\nAfter');
    expect(scope.pwned).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.querySelector('script, img, iframe, svg')).toBeNull();
  });

  it('survives deep nesting', () => {
    const depth = 5000;
    expect(articleText(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`)).toBe('deep');
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('short text', 100)).toEqual({ text: 'short text', truncated: false });
    expect(excerpt('x'.repeat(110), 100).truncated).toBe(false);
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(100).trim();
    const result = excerpt(text, 52);
    expect(result.truncated).toBe(true);
    expect(result.text).toBe(`${'word '.repeat(10).trim()}…`);
  });

  it('cuts a long unbroken string hard', () => {
    expect(excerpt('y'.repeat(500), 100)).toEqual({ text: `${'y'.repeat(100)}…`, truncated: true });
  });
});
