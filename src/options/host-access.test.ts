import { describe, expect, it } from 'vitest';
import { customHostPatterns, describeHosts } from './host-access';

describe('customHostPatterns', () => {
  it('names the custom login and API hosts once each, without ports or paths', () => {
    expect(customHostPatterns({ region: 'custom', loginBaseUrl: 'https://login.example.com:8443/base', apiBaseUrl: 'https://recs.example.com/v1' })).toEqual([
      'https://login.example.com/*',
      'https://recs.example.com/*',
    ]);
    expect(customHostPatterns({ region: 'custom', loginBaseUrl: 'https://proxy.example.com', apiBaseUrl: 'https://proxy.example.com/api' })).toEqual(['https://proxy.example.com/*']);
  });

  it('asks for nothing in a Genesys region or for a URL that is not one', () => {
    expect(customHostPatterns({ region: 'mypurecloud.ie', loginBaseUrl: 'https://x.example.com', apiBaseUrl: undefined })).toEqual([]);
    expect(customHostPatterns({ region: 'custom', loginBaseUrl: 'not a url', apiBaseUrl: 'ftp://files.example.com' })).toEqual([]);
    expect(describeHosts(['https://a.example/*', 'https://b.example/*'])).toBe('https://a.example, https://b.example');
  });
});
