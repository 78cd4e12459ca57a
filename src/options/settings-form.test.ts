import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { candidateFrom, formValuesFrom, splitIds, validateForm, type FormValues } from './settings-form';

const strict = { allowLoopbackHttp: false };
const simulator = { allowLoopbackHttp: true };

function values(overrides: Partial<FormValues> = {}): FormValues {
  return { ...formValuesFrom(DEFAULT_SETTINGS), ...overrides };
}

describe('formValuesFrom / candidateFrom', () => {
  it('round-trips settings through the form', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      region: 'custom',
      loginBaseUrl: 'http://127.0.0.1:4010',
      apiBaseUrl: 'http://127.0.0.1:4010/api',
      clientId: 'client-1',
      knowledgeBaseIds: ['kb-1', 'kb-2'],
      feedbackWebhookUrl: 'https://hooks.example.com/feedback',
    };
    expect(validateForm(formValuesFrom(settings), settings, simulator)).toEqual({ ok: true, settings });
  });

  it('splits knowledge base ids on lines and commas', () => {
    expect(splitIds(' kb-1, kb-2\n\nkb-3 ,kb-1\n')).toEqual(['kb-1', 'kb-2', 'kb-3']);
    expect(splitIds('  ')).toEqual([]);
  });

  it('drops the custom URLs for a named region and keeps keys the form does not edit', () => {
    const stored: Settings = { ...DEFAULT_SETTINGS, desktopProfile: { transcriptSelector: '#t' } };
    const candidate = candidateFrom(values({ loginBaseUrl: 'https://login.example.com', feedbackWebhookUrl: '  ' }), stored);
    expect(candidate).not.toHaveProperty('loginBaseUrl');
    expect(candidate).not.toHaveProperty('feedbackWebhookUrl');
    expect(candidate.desktopProfile).toEqual({ transcriptSelector: '#t' });
  });

  it("keeps the fleet section's settings when the main form is saved", () => {
    const stored: Settings = { ...DEFAULT_SETTINGS, fleetClickHouseUrl: 'https://ch.example.com:8443', fleetTable: 'floor.events', fleetInsertUser: 'ins', fleetReadUser: 'rd' };
    const result = validateForm(values({ clientId: 'abc' }), stored, { allowLoopbackHttp: false });
    expect(result.ok && result.settings).toMatchObject({ fleetClickHouseUrl: 'https://ch.example.com:8443', fleetTable: 'floor.events', fleetInsertUser: 'ins', fleetReadUser: 'rd' });
  });
});

describe('validateForm', () => {
  it('returns the exact settings object for valid input', () => {
    const result = validateForm(
      values({
        region: 'mypurecloud.ie',
        clientId: '  abc-123 ',
        provider: 'conversation-suggestions',
        knowledgeBaseIds: 'kb-a,kb-b',
        minRelevanceScore: '0.65',
        maxContentAgeDays: '14',
        cacheTtlSeconds: '0',
        feedbackWebhookUrl: 'https://hooks.example.com/x',
        auditRetentionDays: '90',
      }),
      DEFAULT_SETTINGS,
      strict,
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        region: 'mypurecloud.ie',
        clientId: 'abc-123',
        provider: 'conversation-suggestions',
        knowledgeBaseIds: ['kb-a', 'kb-b'],
        minRelevanceScore: 0.65,
        maxContentAgeDays: 14,
        cacheTtlSeconds: 0,
        feedbackWebhookUrl: 'https://hooks.example.com/x',
        auditRetentionDays: 90,
        auditTranscriptExcerpts: false,
        redactOutgoingText: true,
        // Not on this form (the Fleet section edits it): carried over unchanged.
        fleetTable: 'agent_assist.events',
      },
    });
  });

  it('maps each bad number to its field, first invalid in form order', () => {
    const result = validateForm(
      values({ minRelevanceScore: '1.5', maxContentAgeDays: '0', cacheTtlSeconds: '2.5', auditRetentionDays: '' }),
      DEFAULT_SETTINGS,
      strict,
    );
    expect(result).toEqual({
      ok: false,
      firstInvalid: 'minRelevanceScore',
      errors: {
        minRelevanceScore: 'Enter a number from 0 to 1.',
        maxContentAgeDays: 'Enter a number of days greater than 0 (at most 36500).',
        cacheTtlSeconds: 'Enter a whole number of seconds from 0 to 86400.',
        auditRetentionDays: 'Enter a whole number of days from 1 to 3650.',
      },
    });
  });

  it('explains URL problems with the shared urlProblem', () => {
    const result = validateForm(
      values({ region: 'custom', loginBaseUrl: 'http://127.0.0.1:4010', apiBaseUrl: 'not a url', feedbackWebhookUrl: 'http://hooks.example.com' }),
      DEFAULT_SETTINGS,
      strict,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.firstInvalid).toBe('loginBaseUrl');
    expect(result.errors.loginBaseUrl).toBe('This address must use https (loopback http is allowed only in simulator builds).');
    expect(result.errors.apiBaseUrl).toBe('This address is not a valid URL.');
    expect(result.errors.feedbackWebhookUrl).toBe('This address must use https.');
    expect(result.errors.region).toBeUndefined();
  });

  it('accepts loopback http in simulator builds', () => {
    const result = validateForm(values({ region: 'custom', loginBaseUrl: 'http://127.0.0.1:4010', apiBaseUrl: 'http://localhost:4010' }), DEFAULT_SETTINGS, simulator);
    expect(result).toMatchObject({ ok: true, settings: { region: 'custom', loginBaseUrl: 'http://127.0.0.1:4010', apiBaseUrl: 'http://localhost:4010' } });
  });

  it('requires both URLs for a custom region, on the empty fields', () => {
    const result = validateForm(values({ region: 'custom', loginBaseUrl: 'https://login.example.com', apiBaseUrl: ' ' }), DEFAULT_SETTINGS, strict);
    expect(result).toEqual({ ok: false, firstInvalid: 'apiBaseUrl', errors: { apiBaseUrl: 'Required for a custom region.' } });
  });

  it('rejects values outside the choices and oversized ids', () => {
    const result = validateForm(
      values({ region: 'example.com', provider: 'magic', clientId: 'x'.repeat(201), knowledgeBaseIds: 'k'.repeat(129) }),
      DEFAULT_SETTINGS,
      strict,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['region', 'clientId', 'provider', 'knowledgeBaseIds']);
    expect(result.firstInvalid).toBe('region');
  });
});
