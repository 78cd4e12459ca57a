import { t } from '../shared/i18n';
import type { GenesysRegion } from '../shared/regions';

/** Regions by the names Genesys gives them (thunks with literal keys, for the messages test). */
export const REGION_NAMES: Record<GenesysRegion, () => string> = {
  'mypurecloud.com': () => t('regionUsEast1'),
  'mypurecloud.ie': () => t('regionEuWest1'),
  'mypurecloud.com.au': () => t('regionApSoutheast2'),
  'mypurecloud.jp': () => t('regionApNortheast1'),
  'mypurecloud.de': () => t('regionEuCentral1'),
  'usw2.pure.cloud': () => t('regionUsWest2'),
  'cac1.pure.cloud': () => t('regionCaCentral1'),
  'apne2.pure.cloud': () => t('regionApNortheast2'),
  'euw2.pure.cloud': () => t('regionEuWest2'),
  'aps1.pure.cloud': () => t('regionApSouth1'),
  'use2.us-gov-pure.cloud': () => t('regionUsEast2'),
  'sae1.pure.cloud': () => t('regionSaEast1'),
  'mec1.pure.cloud': () => t('regionMeCentral1'),
  'apne3.pure.cloud': () => t('regionApNortheast3'),
  'euc2.pure.cloud': () => t('regionEuCentral2'),
  'mxc1.pure.cloud': () => t('regionMxCentral1'),
  'apse1.pure.cloud': () => t('regionApSoutheast1'),
};

/** "US East (Virginia) — mypurecloud.com": the name to recognise, the domain to check. */
export function regionLabel(region: GenesysRegion): string {
  return `${REGION_NAMES[region]()} — ${region}`;
}
