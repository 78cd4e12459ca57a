import * as z from 'zod/mini';
import { SIMULATOR_BUILD } from './build-flags';
import { DesktopProfileOverrides } from './desktop-profile-schema';
import { GENESYS_REGIONS, hostsForRegion } from './regions';
import { SETTINGS_STORAGE_KEY } from './settings-keys';

export { SETTINGS_STORAGE_KEY };

/**
 * The settings contract (docs/settings.md): `chrome.storage.local` key `settings` holds a
 * possibly partial object of these keys; defaults fill the rest; an invalid value is reported and
 * falls back to its default. Admins and tests rely on this exact shape.
 */
export const PROVIDERS = ['recommendations-query', 'conversation-suggestions', 'knowledge-search'] as const;
export const Provider = z.enum(PROVIDERS);
export type Provider = z.infer<typeof Provider>;

export const REGION_CHOICES = [...GENESYS_REGIONS, 'custom'] as const;

const fields = {
  region: z.enum(REGION_CHOICES),
  loginBaseUrl: z.optional(z.string()),
  apiBaseUrl: z.optional(z.string()),
  clientId: z.string().check(z.maxLength(200)),
  provider: Provider,
  knowledgeBaseIds: z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.maxLength(100)),
  minRelevanceScore: z.number().check(z.gte(0), z.lte(1)),
  maxContentAgeDays: z.number().check(z.gt(0), z.lte(36_500)),
  cacheTtlSeconds: z.int().check(z.gte(0), z.lte(86_400)),
  feedbackWebhookUrl: z.optional(z.string()),
  auditRetentionDays: z.int().check(z.gte(1), z.lte(3650)),
  desktopProfile: z.optional(DesktopProfileOverrides),
  /** Store a redacted transcript excerpt with each audit delivery (off: transcripts hold customer data). */
  auditTranscriptExcerpts: z.boolean(),
  /** Mask card numbers, e-mails and phones in text sent to services that do not already hold it. */
  redactOutgoingText: z.boolean(),
  /** Fleet path (docs/fleet.md): the ClickHouse HTTP interface every agent's events go to. */
  fleetClickHouseUrl: z.optional(z.string()),
  fleetTable: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63})?$/, 'must be database.table (letters, digits, underscores)')),
  fleetInsertUser: z.optional(z.string().check(z.maxLength(128))),
  fleetReadUser: z.optional(z.string().check(z.maxLength(128))),
};

/**
 * Settings that are secrets (the ClickHouse passwords): part of the contract (policy may set them,
 * public/managed_schema.json), but never part of `Settings`, never in storage.local, never in a
 * page. The worker reads them from the policy itself or from its own store (background/fleet/fleet-secrets.ts).
 */
export const SECRET_SETTING_KEYS = ['fleetInsertPassword', 'fleetReadPassword'] as const;
export type SecretSettingKey = (typeof SECRET_SETTING_KEYS)[number];
export const SecretSettingValue = z.string().check(z.minLength(1), z.maxLength(256));

/** A policy or stored object without its secret keys. */
export function withoutSecrets<T extends Record<string, unknown>>(raw: T): T {
  const copy = { ...raw };
  for (const key of SECRET_SETTING_KEYS) delete copy[key];
  return copy;
}

export const Settings = z.object(fields);
export type Settings = z.infer<typeof Settings>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(fields) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  region: 'mypurecloud.com',
  clientId: '',
  provider: 'recommendations-query',
  knowledgeBaseIds: [],
  minRelevanceScore: 0.8,
  maxContentAgeDays: 7,
  cacheTtlSeconds: 120,
  auditRetentionDays: 30,
  auditTranscriptExcerpts: false,
  redactOutgoingText: true,
  fleetTable: 'agent_assist.events',
};

export interface SettingsIssue {
  key: string;
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  issues: SettingsIssue[];
  /** Keys set by the administrator's managed policy: they override local values and are read-only. */
  locked?: SettingKey[];
}

export interface ParseOptions {
  /** Plain-http loopback URLs (the simulator) are accepted only in simulator builds. */
  allowLoopbackHttp: boolean;
}

const URL_KEYS = ['loginBaseUrl', 'apiBaseUrl', 'feedbackWebhookUrl', 'fleetClickHouseUrl'] as const;

/** Why a configured URL is not acceptable, or null when it is. */
export function urlProblem(value: string, options: ParseOptions): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return null;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && loopback) {
    return options.allowLoopbackHttp ? null : 'must use https (loopback http is allowed only in simulator builds)';
  }
  return 'must use https';
}

function describeIssue(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'is invalid';
  const where = first.path.length ? ` at ${first.path.join('.')}` : '';
  return `${first.message}${where}`;
}

/**
 * Validates stored settings key by key. One bad value never discards the others: it is reported
 * and replaced by its default, so a typo in a policy cannot switch the extension off.
 */
export function parseSettings(raw: unknown, options: ParseOptions = { allowLoopbackHttp: SIMULATOR_BUILD }): ParsedSettings {
  const issues: SettingsIssue[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, knowledgeBaseIds: [...DEFAULT_SETTINGS.knowledgeBaseIds] };
  if (raw === undefined || raw === null) return { settings, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, issues: [{ key: SETTINGS_STORAGE_KEY, message: 'must be an object; all defaults used' }] };
  }
  const input = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if ((SECRET_SETTING_KEYS as readonly string[]).includes(key)) {
      issues.push({ key, message: 'is a password: set it by policy or on the options page (the worker keeps it); ignored here' });
      continue;
    }
    if (!Object.hasOwn(fields, key)) {
      issues.push({ key, message: 'is not a known setting and was ignored' });
      continue;
    }
    if (value === undefined) continue;
    const typedKey = key as SettingKey;
    const result = fields[typedKey].safeParse(value);
    if (!result.success) {
      issues.push({ key, message: `${describeIssue(result.error)}; the default is used` });
      continue;
    }
    Object.assign(settings, { [typedKey]: result.data });
  }
  for (const key of URL_KEYS) {
    const value = settings[key];
    if (value === undefined || value === '') {
      delete settings[key];
      continue;
    }
    const problem = urlProblem(value, options);
    if (problem) {
      issues.push({ key, message: `${problem}; the setting is ignored` });
      delete settings[key];
    }
  }
  if (settings.region === 'custom' && (!settings.loginBaseUrl || !settings.apiBaseUrl)) {
    issues.push({ key: 'region', message: 'custom needs both loginBaseUrl and apiBaseUrl' });
  }
  return { settings, issues };
}

export interface Endpoints {
  loginBaseUrl: string;
  apiBaseUrl: string;
}

/** Login and API base URLs (no trailing slash), or null when the settings do not name them. */
export function resolveEndpoints(settings: Settings): Endpoints | null {
  if (settings.region !== 'custom') {
    const { loginBaseUrl, apiBaseUrl } = hostsForRegion(settings.region);
    return { loginBaseUrl, apiBaseUrl };
  }
  if (!settings.loginBaseUrl || !settings.apiBaseUrl) return null;
  return { loginBaseUrl: trimSlash(settings.loginBaseUrl), apiBaseUrl: trimSlash(settings.apiBaseUrl) };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** What is missing before sign-in can work, or null when nothing is. */
export function configurationProblem(settings: Settings): string | null {
  if (!resolveEndpoints(settings)) return 'region';
  if (!settings.clientId) return 'clientId';
  return null;
}

/**
 * Local settings with the administrator's managed policy (`storage.managed`) on top. A managed
 * value that is valid wins and locks its key; an invalid one is reported and ignored, so a typo in
 * a policy never switches the extension off.
 */
export function parseSettingsWithPolicy(localRaw: unknown, managedRaw: unknown, options: ParseOptions = { allowLoopbackHttp: SIMULATOR_BUILD }): ParsedSettings {
  const managed = isPlainObject(managedRaw) ? managedRaw : {};
  const policy = parseSettings(managed, options);
  const rejected = new Set(policy.issues.map((issue) => issue.key));
  const locked = SETTING_KEYS.filter((key) => Object.hasOwn(managed, key) && managed[key] !== undefined && !rejected.has(key));
  const localIssues: SettingsIssue[] = [];
  let local: Record<string, unknown> = {};
  if (isPlainObject(localRaw)) local = localRaw;
  else if (localRaw !== undefined && localRaw !== null) localIssues.push({ key: SETTINGS_STORAGE_KEY, message: 'must be an object; all defaults used' });
  const parsed = parseSettings({ ...local, ...Object.fromEntries(locked.map((key) => [key, managed[key]])) }, options);
  return {
    settings: parsed.settings,
    issues: [...policy.issues.map((issue) => ({ key: issue.key, message: `policy: ${issue.message}` })), ...localIssues, ...parsed.issues],
    locked,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the side panel needs of the effective settings: whether sign-in can work, the provider
 * (for knowledge search) and the thresholds it names beside hidden items. The worker reads the
 * settings with the policy and answers this (`page/get-panel-settings`), so the panel loads
 * neither zod nor the policy reader at start (docs/performance.md P8).
 */
export const PanelSettings = z.strictObject({
  configured: z.boolean(),
  provider: Provider,
  minRelevanceScore: fields.minRelevanceScore,
  maxContentAgeDays: fields.maxContentAgeDays,
});
export type PanelSettings = z.infer<typeof PanelSettings>;

export function panelSettingsOf(settings: Settings): PanelSettings {
  return {
    configured: configurationProblem(settings) === null,
    provider: settings.provider,
    minRelevanceScore: settings.minRelevanceScore,
    maxContentAgeDays: settings.maxContentAgeDays,
  };
}
