import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifestJson from '../../manifest.json' with { type: 'json' };
import { GENESYS_REGIONS, hostsForRegion, isGenesysDesktopOrigin } from './regions';
import { parseSettings, resolveEndpoints } from './settings';

interface Manifest {
  host_permissions: string[];
  content_scripts: { matches: string[]; all_frames?: boolean }[];
  permissions: string[];
}
const manifest: Manifest = manifestJson;

// The region domains the settings page documents (docs/settings.md, the `region` row): what an
// admin reads there must be what the extension takes, and nothing more.
const settingsDoc = readFileSync(new URL('../../docs/settings.md', import.meta.url), 'utf8');
const regionRow = settingsDoc.split('\n').find((line) => line.startsWith('| `region` |')) ?? '';
const DOCUMENTED_REGIONS = [...(regionRow.split(' | ')[1] ?? '').matchAll(/`([a-z0-9-]+(?:\.[a-z0-9-]+)+)`/g)].map((match) => match[1]!);
const STORE = { allowLoopbackHttp: false };

describe('regions', () => {
  it('are taken as a setting exactly when the settings page documents them, each reaching its own hosts', () => {
    expect(DOCUMENTED_REGIONS.length).toBeGreaterThan(0);
    for (const region of DOCUMENTED_REGIONS) {
      const { settings, issues } = parseSettings({ region, clientId: 'client' }, STORE);
      expect(issues, region).toEqual([]);
      expect(resolveEndpoints(settings), region).toEqual({ loginBaseUrl: `https://login.${region}`, apiBaseUrl: `https://api.${region}` });
    }
    const undocumented = GENESYS_REGIONS.filter((region) => !DOCUMENTED_REGIONS.includes(region));
    expect(undocumented).toEqual([]);
    for (const region of ['mypurecloud.co.uk', 'pure.cloud', 'login.mypurecloud.com', 'MYPURECLOUD.COM']) {
      expect(parseSettings({ region }, STORE).issues.map((issue) => issue.key), region).toEqual(['region']);
    }
  });

  it('map to login, api and apps hosts', () => {
    expect(hostsForRegion('mypurecloud.de')).toEqual({
      loginBaseUrl: 'https://login.mypurecloud.de',
      apiBaseUrl: 'https://api.mypurecloud.de',
      desktopOrigin: 'https://apps.mypurecloud.de',
    });
  });

  it('recognise desktop origins exactly', () => {
    for (const region of GENESYS_REGIONS) expect(isGenesysDesktopOrigin(`https://apps.${region}`)).toBe(true);
    expect(isGenesysDesktopOrigin('https://apps.mypurecloud.com/')).toBe(false);
    expect(isGenesysDesktopOrigin('http://apps.mypurecloud.com')).toBe(false);
    expect(isGenesysDesktopOrigin('https://api.mypurecloud.com')).toBe(false);
    expect(isGenesysDesktopOrigin('https://apps.mypurecloud.com.evil.example')).toBe(false);
    expect(isGenesysDesktopOrigin('https://apps.mypurecloud.com:8443')).toBe(false);
    expect(isGenesysDesktopOrigin('null')).toBe(false);
  });
});

describe('manifest.json', () => {
  it('asks for host permissions on exactly the login and API hosts of every region', () => {
    const expected = GENESYS_REGIONS.flatMap((region) => [`https://login.${region}/*`, `https://api.${region}/*`]);
    expect([...manifest.host_permissions].sort()).toEqual([...expected].sort());
    expect(new Set(manifest.host_permissions).size).toBe(manifest.host_permissions.length);
  });

  it('runs the content script on exactly https://apps.{region}/* for every region, in all frames', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const script = manifest.content_scripts[0]!;
    const expected = GENESYS_REGIONS.map((region) => `https://apps.${region}/*`);
    expect([...script.matches].sort()).toEqual([...expected].sort());
    expect(new Set(script.matches).size).toBe(script.matches.length);
    expect(script.all_frames).toBe(true);
  });

  it('has no loopback or wildcard host in the store manifest', () => {
    const all = [...manifest.host_permissions, ...manifest.content_scripts.flatMap((script) => script.matches)];
    for (const pattern of all) {
      expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      expect(pattern).not.toContain('127.0.0.1');
      expect(pattern).not.toContain('localhost');
    }
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.permissions).not.toContain('tabs');
  });
});
