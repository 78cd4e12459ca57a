import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurationProblem, DEFAULT_SETTINGS, parseSettings, parseSettingsWithPolicy, resolveEndpoints, SECRET_SETTING_KEYS, SETTING_KEYS, urlProblem, type Settings } from './settings';

const STORE = { allowLoopbackHttp: false };
const SIM = { allowLoopbackHttp: true };
const keysOf = (issues: readonly { key: string }[]) => issues.map((issue) => issue.key);

/** The `default` column of docs/settings.md's table, by key: `none` is no value, the rest JSON or a bare word. */
function documentedDefaults(): Record<string, unknown> {
  const doc = readFileSync(new URL('../../docs/settings.md', import.meta.url), 'utf8');
  const rows = doc.split('\n').filter((line) => /^\| `[A-Za-z]+` \|/.test(line));
  return Object.fromEntries(
    rows.map((row) => {
      const [key = '', , written = ''] = row.split(' | ').map((cell) => cell.replace(/^\| /, ''));
      const literal = /^`(.*)`$/.exec(written)?.[1];
      if (literal === undefined) return [key.replaceAll('`', ''), undefined];
      const json = literal === "''" ? '""' : literal;
      try {
        return [key.replaceAll('`', ''), JSON.parse(json) as unknown];
      } catch {
        return [key.replaceAll('`', ''), literal];
      }
    }),
  );
}

describe('parseSettings: shape', () => {
  it('gives the defaults with no issues for nothing stored', () => {
    expect(parseSettings(undefined, STORE)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
    expect(parseSettings(null, STORE)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
    expect(parseSettings({}, STORE)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });

  it('with nothing stored, gives every setting the default the settings page documents', () => {
    const { settings } = parseSettings(undefined, STORE);
    const documented = documentedDefaults();
    // The passwords are documented with the rest but kept by the worker, never in `settings`.
    expect(Object.keys(documented).sort()).toEqual([...SETTING_KEYS, ...SECRET_SETTING_KEYS].sort());
    for (const key of SETTING_KEYS) expect(settings[key], key).toEqual(documented[key]);
  });

  it('with nothing stored, talks to the default region and asks only for the client id', () => {
    const { settings } = parseSettings(undefined, STORE);
    expect(resolveEndpoints(settings)).toEqual({ loginBaseUrl: 'https://login.mypurecloud.com', apiBaseUrl: 'https://api.mypurecloud.com' });
    expect(configurationProblem(settings)).toBe('clientId');
    expect(configurationProblem(parseSettings({ clientId: 'client' }, STORE).settings)).toBeNull();
  });

  it.each([['a string'], [42], [[1, 2]], [true]])('reports a non-object (%j) and uses all defaults', (raw) => {
    const { settings, issues } = parseSettings(raw, STORE);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(keysOf(issues)).toEqual(['settings']);
  });

  it('never shares the default knowledge-base array with the caller', () => {
    const { settings } = parseSettings({}, STORE);
    settings.knowledgeBaseIds.push('kb-x');
    expect(DEFAULT_SETTINGS.knowledgeBaseIds).toEqual([]);
  });

  it('accepts a full valid object', () => {
    const full: Settings = {
      region: 'euw2.pure.cloud',
      clientId: 'abc-123',
      provider: 'conversation-suggestions',
      knowledgeBaseIds: ['kb1', 'kb2'],
      minRelevanceScore: 0.5,
      maxContentAgeDays: 30,
      cacheTtlSeconds: 0,
      feedbackWebhookUrl: 'https://hooks.example.com/feedback',
      auditRetentionDays: 365,
      desktopProfile: { messageSelector: '.msg' },
      auditTranscriptExcerpts: true,
      redactOutgoingText: false,
      fleetClickHouseUrl: 'https://clickhouse.example.com:8443',
      fleetTable: 'fleet.events',
      fleetInsertUser: 'fleet_insert',
      fleetReadUser: 'fleet_read',
    };
    expect(parseSettings(full, STORE)).toEqual({ settings: full, issues: [] });
  });
});

describe('parseSettings: per-key fallback', () => {
  it('replaces only the invalid value by its default, and reports it by key', () => {
    const { settings, issues } = parseSettings({ clientId: 'good', minRelevanceScore: 1.5, maxContentAgeDays: 0, provider: 'other' }, STORE);
    expect(settings.clientId).toBe('good');
    expect(settings.minRelevanceScore).toBe(0.8);
    expect(settings.maxContentAgeDays).toBe(7);
    expect(settings.provider).toBe('recommendations-query');
    expect(keysOf(issues).sort()).toEqual(['maxContentAgeDays', 'minRelevanceScore', 'provider']);
    expect(issues.every((issue) => issue.message.endsWith('the default is used'))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['region', 'mypurecloud.example'],
    ['clientId', 'x'.repeat(201)],
    ['knowledgeBaseIds', ['ok', '']],
    ['knowledgeBaseIds', 'kb1'],
    ['minRelevanceScore', -0.01],
    ['minRelevanceScore', '0.9'],
    ['maxContentAgeDays', -1],
    ['cacheTtlSeconds', 1.5],
    ['cacheTtlSeconds', -1],
    ['auditRetentionDays', 0],
    ['feedbackWebhookUrl', 42],
    ['desktopProfile', { messageSelector: 5 }],
  ])('reports %s = %j and keeps the default', (key, value) => {
    const { settings, issues } = parseSettings({ [key]: value }, STORE);
    expect(keysOf(issues)).toEqual([key]);
    expect(settings[key as keyof Settings]).toEqual(DEFAULT_SETTINGS[key as keyof Settings]);
  });

  it('accepts the threshold bounds', () => {
    expect(parseSettings({ minRelevanceScore: 0 }, STORE).settings.minRelevanceScore).toBe(0);
    expect(parseSettings({ minRelevanceScore: 1 }, STORE).settings.minRelevanceScore).toBe(1);
    expect(parseSettings({ cacheTtlSeconds: 0 }, STORE).settings.cacheTtlSeconds).toBe(0);
    expect(parseSettings({ auditRetentionDays: 1 }, STORE).settings.auditRetentionDays).toBe(1);
    expect(parseSettings({ maxContentAgeDays: 0.5 }, STORE).settings.maxContentAgeDays).toBe(0.5);
  });

  it('ignores keys whose value is undefined', () => {
    expect(parseSettings({ clientId: undefined }, STORE)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });

  it('reports unknown keys and ignores them', () => {
    const { settings, issues } = parseSettings({ clientId: 'c', colour: 'blue', minScore: 0.1 }, STORE);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, clientId: 'c' });
    expect(settings).not.toHaveProperty('colour');
    expect(keysOf(issues)).toEqual(['colour', 'minScore']);
    expect(issues[0]!.message).toContain('not a known setting');
  });

  it.each(['toString', 'constructor', '__proto__'])(
    'reports %s as an unknown key instead of throwing (stored JSON can carry any key)',
    (key) => {
      const raw: unknown = JSON.parse(`{"${key}": "x", "clientId": "c"}`);
      const parsed = parseSettings(raw, STORE);
      expect(parsed.settings.clientId).toBe('c');
      expect(keysOf(parsed.issues)).toEqual([key]);
    },
  );
});

describe('URL rules', () => {
  it('accepts https', () => {
    expect(urlProblem('https://api.example.com', STORE)).toBeNull();
    expect(urlProblem('https://127.0.0.1:8443/x', STORE)).toBeNull();
  });

  it('accepts http only on loopback and only when allowed', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:3000/', 'http://[::1]:8080']) {
      expect(urlProblem(url, SIM)).toBeNull();
      expect(urlProblem(url, STORE)).toMatch(/https/);
    }
  });

  it('refuses http elsewhere even when loopback is allowed', () => {
    for (const url of ['http://example.com', 'http://127.0.0.2', 'http://localhost.evil.com', 'http://10.0.0.1']) {
      expect(urlProblem(url, SIM)).toBe('must use https');
    }
  });

  it('refuses other schemes and non-URLs', () => {
    expect(urlProblem('ftp://example.com', SIM)).toBe('must use https');
    expect(urlProblem('javascript:alert(1)', SIM)).toBe('must use https');
    expect(urlProblem('not a url', SIM)).toBe('is not a valid URL');
    expect(urlProblem('/relative', SIM)).toBe('is not a valid URL');
  });

  it('refuses credentials in the URL, whatever the scheme', () => {
    expect(urlProblem('https://user:pass@api.example.com', STORE)).toBe('must not contain credentials');
    expect(urlProblem('https://user@api.example.com', STORE)).toBe('must not contain credentials');
    expect(urlProblem('http://user:pass@127.0.0.1:1', SIM)).toBe('must not contain credentials');
  });

  it('drops a refused URL setting with an issue', () => {
    const { settings, issues } = parseSettings({ feedbackWebhookUrl: 'http://hooks.example.com' }, STORE);
    expect(settings).not.toHaveProperty('feedbackWebhookUrl');
    expect(issues).toEqual([{ key: 'feedbackWebhookUrl', message: 'must use https; the setting is ignored' }]);
  });

  it('drops an empty URL setting silently', () => {
    const { settings, issues } = parseSettings({ feedbackWebhookUrl: '' }, STORE);
    expect(settings).not.toHaveProperty('feedbackWebhookUrl');
    expect(issues).toEqual([]);
  });

  it('accepts loopback custom endpoints in simulator builds only', () => {
    const raw = { region: 'custom', loginBaseUrl: 'http://127.0.0.1:8787', apiBaseUrl: 'http://127.0.0.1:8787' };
    const sim = parseSettings(raw, SIM);
    expect(sim.issues).toEqual([]);
    expect(resolveEndpoints(sim.settings)).toEqual({ loginBaseUrl: 'http://127.0.0.1:8787', apiBaseUrl: 'http://127.0.0.1:8787' });
    const store = parseSettings(raw, STORE);
    expect(keysOf(store.issues).sort()).toEqual(['apiBaseUrl', 'loginBaseUrl', 'region']);
    expect(resolveEndpoints(store.settings)).toBeNull();
  });

  it('defaults to the build flag, which is off in unit tests (a store build)', () => {
    const { issues } = parseSettings({ feedbackWebhookUrl: 'http://127.0.0.1:9/x' });
    expect(keysOf(issues)).toEqual(['feedbackWebhookUrl']);
  });
});

describe('custom region', () => {
  it('needs both URLs', () => {
    expect(keysOf(parseSettings({ region: 'custom' }, STORE).issues)).toEqual(['region']);
    expect(keysOf(parseSettings({ region: 'custom', loginBaseUrl: 'https://login.example.com' }, STORE).issues)).toEqual(['region']);
    expect(keysOf(parseSettings({ region: 'custom', apiBaseUrl: 'https://api.example.com' }, STORE).issues)).toEqual(['region']);
    expect(parseSettings({ region: 'custom', loginBaseUrl: 'https://login.example.com', apiBaseUrl: 'https://api.example.com' }, STORE).issues).toEqual([]);
  });
});

describe('resolveEndpoints', () => {
  it('gives the region hosts for a Genesys region', () => {
    expect(resolveEndpoints({ ...DEFAULT_SETTINGS, region: 'mypurecloud.com.au' })).toEqual({
      loginBaseUrl: 'https://login.mypurecloud.com.au',
      apiBaseUrl: 'https://api.mypurecloud.com.au',
    });
  });

  it('ignores custom URLs when a Genesys region is chosen', () => {
    expect(resolveEndpoints({ ...DEFAULT_SETTINGS, region: 'usw2.pure.cloud', apiBaseUrl: 'https://api.example.com' })).toEqual({
      loginBaseUrl: 'https://login.usw2.pure.cloud',
      apiBaseUrl: 'https://api.usw2.pure.cloud',
    });
  });

  it('gives the custom URLs without trailing slashes', () => {
    expect(resolveEndpoints({ ...DEFAULT_SETTINGS, region: 'custom', loginBaseUrl: 'https://login.example.com//', apiBaseUrl: 'https://api.example.com/' })).toEqual({
      loginBaseUrl: 'https://login.example.com',
      apiBaseUrl: 'https://api.example.com',
    });
  });

  it('is null for a custom region missing a URL', () => {
    expect(resolveEndpoints({ ...DEFAULT_SETTINGS, region: 'custom', loginBaseUrl: 'https://login.example.com' })).toBeNull();
  });
});

describe('configurationProblem', () => {
  it('names the region first, then the client id, then nothing', () => {
    expect(configurationProblem({ ...DEFAULT_SETTINGS, region: 'custom' })).toBe('region');
    expect(configurationProblem(DEFAULT_SETTINGS)).toBe('clientId');
    expect(configurationProblem({ ...DEFAULT_SETTINGS, clientId: 'c' })).toBeNull();
    expect(configurationProblem({ ...DEFAULT_SETTINGS, region: 'custom', loginBaseUrl: 'https://l.example', apiBaseUrl: 'https://a.example', clientId: 'c' })).toBeNull();
  });
});

describe('parseSettingsWithPolicy', () => {
  const options = { allowLoopbackHttp: false };

  it('lets valid managed values win and lock their keys', () => {
    const parsed = parseSettingsWithPolicy({ clientId: 'local', minRelevanceScore: 0.5 }, { clientId: 'from-policy', region: 'mypurecloud.ie' }, options);
    expect(parsed.settings).toMatchObject({ clientId: 'from-policy', region: 'mypurecloud.ie', minRelevanceScore: 0.5 });
    expect(parsed.locked).toEqual(['region', 'clientId']);
    expect(parsed.issues).toEqual([]);
  });

  it('reports and ignores an invalid managed value, keeping the local one unlocked', () => {
    const parsed = parseSettingsWithPolicy({ minRelevanceScore: 0.7 }, { minRelevanceScore: 7, feedbackWebhookUrl: 'http://example.com/hook' }, options);
    expect(parsed.settings.minRelevanceScore).toBe(0.7);
    expect(parsed.settings.feedbackWebhookUrl).toBeUndefined();
    expect(parsed.locked).toEqual([]);
    expect(parsed.issues.map((issue) => issue.key).sort()).toEqual(['feedbackWebhookUrl', 'minRelevanceScore']);
    expect(parsed.issues.every((issue) => issue.message.startsWith('policy: '))).toBe(true);
  });

  it('keeps policy values when the local settings are garbage', () => {
    const parsed = parseSettingsWithPolicy('garbage', { clientId: 'from-policy' }, options);
    expect(parsed.settings.clientId).toBe('from-policy');
    expect(parsed.issues).toEqual([{ key: 'settings', message: 'must be an object; all defaults used' }]);
  });

  it('treats a missing or non-object policy as none', () => {
    expect(parseSettingsWithPolicy({ clientId: 'x' }, undefined, options)).toMatchObject({ settings: { clientId: 'x' }, locked: [] });
    expect(parseSettingsWithPolicy({ clientId: 'x' }, ['nope'], options)).toMatchObject({ settings: { clientId: 'x' }, locked: [] });
  });
});

describe('public/managed_schema.json', () => {
  it('describes every setting and nothing else, so admins can set each through policy', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTING_KEYS, ...SECRET_SETTING_KEYS].sort());
  });
});

describe('fleet settings', () => {
  const options = { allowLoopbackHttp: false };
  it('takes an https endpoint and a plain database.table, and never a password', () => {
    const parsed = parseSettings(
      { fleetClickHouseUrl: 'https://ch.example.com:8443', fleetTable: 'agent_assist.events', fleetInsertUser: 'fleet_insert', fleetInsertPassword: 'secret' },
      options,
    );
    expect(parsed.settings).toMatchObject({ fleetClickHouseUrl: 'https://ch.example.com:8443', fleetTable: 'agent_assist.events', fleetInsertUser: 'fleet_insert' });
    expect(parsed.settings).not.toHaveProperty('fleetInsertPassword');
    expect(parsed.issues).toEqual([{ key: 'fleetInsertPassword', message: expect.stringContaining('is a password') }]);
  });

  it('refuses plain http outside simulator builds and table names that are not identifiers', () => {
    const parsed = parseSettings({ fleetClickHouseUrl: 'http://127.0.0.1:8123', fleetTable: 'x; DROP TABLE y' }, options);
    expect(parsed.settings.fleetClickHouseUrl).toBeUndefined();
    expect(parsed.settings.fleetTable).toBe('agent_assist.events');
    expect(parsed.issues.map((issue) => issue.key).sort()).toEqual(['fleetClickHouseUrl', 'fleetTable']);
    expect(parseSettings({ fleetClickHouseUrl: 'http://127.0.0.1:8123' }, { allowLoopbackHttp: true }).settings.fleetClickHouseUrl).toBe('http://127.0.0.1:8123');
  });
});
