/** Genesys Cloud region domains (docs/genesys-api.md, "Hosts and regions"). The manifest's host
 *  permissions and content-script matches are generated from the same list; a unit test keeps
 *  them in step. */
export const GENESYS_REGIONS = [
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
] as const;

export type GenesysRegion = (typeof GENESYS_REGIONS)[number];

export interface RegionHosts {
  loginBaseUrl: string;
  apiBaseUrl: string;
  desktopOrigin: string;
}

export function hostsForRegion(region: GenesysRegion): RegionHosts {
  return {
    loginBaseUrl: `https://login.${region}`,
    apiBaseUrl: `https://api.${region}`,
    desktopOrigin: `https://apps.${region}`,
  };
}

const DESKTOP_ORIGINS = new Set(GENESYS_REGIONS.map((region) => hostsForRegion(region).desktopOrigin));

/** Whether an origin is a Genesys agent desktop (`https://apps.{region}`), in any region. */
export function isGenesysDesktopOrigin(origin: string): boolean {
  return DESKTOP_ORIGINS.has(origin);
}
