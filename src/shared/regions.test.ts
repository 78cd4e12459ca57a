import { describe, expect, it } from 'vitest';
import manifestJson from '../../manifest.json' with { type: 'json' };
import { GENESYS_REGIONS, hostsForRegion, isGenesysDesktopOrigin } from './regions';

interface Manifest {
  host_permissions: string[];
  content_scripts: { matches: string[]; all_frames?: boolean }[];
  permissions: string[];
}
const manifest: Manifest = manifestJson;

// The 17 region domains Genesys Cloud documents (docs/genesys-api.md, "Hosts and regions").
const DOCUMENTED_REGIONS = [
  'mypurecloud.com',
  'mypurecloud.ie',
  'mypurecloud.com.au',
  'mypurecloud.jp',
  'mypurecloud.de',
  'usw2.pure.cloud',
  'cac1.pure.cloud',
  'apne2.pure.cloud',
  'euw2.pure.cloud',
  'aps1.pure.cloud',
  'use2.us-gov-pure.cloud',
  'sae1.pure.cloud',
  'mec1.pure.cloud',
  'apne3.pure.cloud',
  'euc2.pure.cloud',
  'mxc1.pure.cloud',
  'apse1.pure.cloud',
];

describe('regions', () => {
  it('are exactly the documented Genesys regions', () => {
    expect([...GENESYS_REGIONS].sort()).toEqual([...DOCUMENTED_REGIONS].sort());
    expect(new Set(GENESYS_REGIONS).size).toBe(GENESYS_REGIONS.length);
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
