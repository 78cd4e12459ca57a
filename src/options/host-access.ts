import type { Settings } from '../shared/settings';

/**
 * The hosts a custom region names, as host-permission patterns (`https://recs.example.com/*`).
 * The manifest's host permissions cover only the Genesys regions; any other login or API host is
 * an optional host permission (`optional_host_permissions` in manifest.json) that the browser
 * grants when an admin allows it on this page. Without it the worker's requests to that host are
 * cross-origin and fail unless the service answers CORS.
 */
export function customHostPatterns(settings: Pick<Settings, 'region' | 'loginBaseUrl' | 'apiBaseUrl'>): string[] {
  if (settings.region !== 'custom') return [];
  const patterns = new Set<string>();
  for (const url of [settings.loginBaseUrl, settings.apiBaseUrl]) {
    if (!url) continue;
    try {
      const { protocol, hostname } = new URL(url);
      // Match patterns ignore ports unless given, and a port in one would not match other ports.
      if (protocol === 'https:' || protocol === 'http:') patterns.add(`${protocol}//${hostname}/*`);
    } catch {
      // An invalid URL is the settings parser's to report.
    }
  }
  return [...patterns];
}

/** "https://a.example, https://b.example" from patterns, for the notice. */
export function describeHosts(patterns: readonly string[]): string {
  return patterns.map((pattern) => pattern.replace(/\/\*$/, '')).join(', ');
}
