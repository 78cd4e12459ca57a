import { describe, expect, it } from 'vitest';
import { linkableUrl } from './article-link';

describe('linkableUrl', () => {
  it('links https and loopback http', () => {
    expect(linkableUrl('https://help.example.com/a?b=1')).toBe('https://help.example.com/a?b=1');
    expect(linkableUrl('http://127.0.0.1:4010/kb/1')).toBe('http://127.0.0.1:4010/kb/1');
    expect(linkableUrl('http://localhost/kb')).toBe('http://localhost/kb');
  });

  it('does not link anything else', () => {
    for (const url of [
      undefined,
      '',
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://help.example.com/a',
      'file:///etc/passwd',
      'chrome://settings',
      'https://user:pass@help.example.com/',
      '/relative/path',
      'not a url',
    ]) {
      expect(linkableUrl(url), String(url)).toBeNull();
    }
  });
});
