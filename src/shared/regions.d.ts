/** Genesys Cloud region domains (GENESYS-API.md "Hosts and regions"). The manifest's host
 *  permissions and content-script matches are generated from the same list; a unit test keeps
 *  them in step. */
export declare const GENESYS_REGIONS: readonly ["mypurecloud.com", "mypurecloud.ie", "mypurecloud.com.au", "mypurecloud.jp", "mypurecloud.de", "usw2.pure.cloud", "cac1.pure.cloud", "apne2.pure.cloud", "euw2.pure.cloud", "aps1.pure.cloud", "use2.us-gov-pure.cloud", "sae1.pure.cloud", "mec1.pure.cloud", "apne3.pure.cloud", "euc2.pure.cloud", "mxc1.pure.cloud", "apse1.pure.cloud"];
export type GenesysRegion = (typeof GENESYS_REGIONS)[number];
export interface RegionHosts {
    loginBaseUrl: string;
    apiBaseUrl: string;
    desktopOrigin: string;
}
export declare function hostsForRegion(region: GenesysRegion): RegionHosts;
/** Whether an origin is a Genesys agent desktop (`https://apps.{region}`), in any region. */
export declare function isGenesysDesktopOrigin(origin: string): boolean;
