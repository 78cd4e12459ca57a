import { t } from '../shared/i18n';
import { parseSettings, urlProblem, type ParseOptions, type Settings, type SettingsIssue } from '../shared/settings';

/**
 * The options form as pure functions: settings → form values (strings, as inputs hold them),
 * form values → a candidate settings object, and the shared parser's issues → field errors.
 * The form's input ids are these keys, which are the setting keys (a documented contract).
 */
export const FORM_FIELDS = [
  'region',
  'loginBaseUrl',
  'apiBaseUrl',
  'clientId',
  'provider',
  'knowledgeBaseIds',
  'minRelevanceScore',
  'maxContentAgeDays',
  'cacheTtlSeconds',
  'feedbackWebhookUrl',
  'auditRetentionDays',
  'auditTranscriptExcerpts',
  'redactOutgoingText',
] as const satisfies readonly (keyof Settings)[];

export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;
export type FieldErrors = Partial<Record<FormField, string>>;

const URL_FIELDS = new Set<FormField>(['loginBaseUrl', 'apiBaseUrl', 'feedbackWebhookUrl']);

export function formValuesFrom(settings: Settings): FormValues {
  return {
    region: settings.region,
    loginBaseUrl: settings.loginBaseUrl ?? '',
    apiBaseUrl: settings.apiBaseUrl ?? '',
    clientId: settings.clientId,
    provider: settings.provider,
    knowledgeBaseIds: settings.knowledgeBaseIds.join('\n'),
    minRelevanceScore: String(settings.minRelevanceScore),
    maxContentAgeDays: String(settings.maxContentAgeDays),
    cacheTtlSeconds: String(settings.cacheTtlSeconds),
    feedbackWebhookUrl: settings.feedbackWebhookUrl ?? '',
    auditRetentionDays: String(settings.auditRetentionDays),
    auditTranscriptExcerpts: String(settings.auditTranscriptExcerpts),
    redactOutgoingText: String(settings.redactOutgoingText),
  };
}

/** Knowledge base ids typed one per line or comma-separated; blanks and repeats dropped. */
export function splitIds(text: string): string[] {
  const ids = text
    .split(/[\n,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** An empty box is not zero: it becomes NaN, which the schema rejects. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The settings object the form describes, before validation. Keys the form does not edit
 * (`desktopProfile`, the fleet section's own settings, anything a later section adds) are carried
 * over from `stored`, so saving this form never resets another section's choices.
 */
export function candidateFrom(values: FormValues, stored: Settings): Record<string, unknown> {
  const custom = values.region === 'custom';
  const untouched = Object.fromEntries(Object.entries(stored).filter(([key]) => !isFormField(key)));
  const candidate: Record<string, unknown> = {
    ...untouched,
    region: values.region,
    loginBaseUrl: custom ? optionalText(values.loginBaseUrl) : undefined,
    apiBaseUrl: custom ? optionalText(values.apiBaseUrl) : undefined,
    clientId: values.clientId.trim(),
    provider: values.provider,
    knowledgeBaseIds: splitIds(values.knowledgeBaseIds),
    minRelevanceScore: toNumber(values.minRelevanceScore),
    maxContentAgeDays: toNumber(values.maxContentAgeDays),
    cacheTtlSeconds: toNumber(values.cacheTtlSeconds),
    feedbackWebhookUrl: optionalText(values.feedbackWebhookUrl),
    auditRetentionDays: toNumber(values.auditRetentionDays),
    auditTranscriptExcerpts: values.auditTranscriptExcerpts === 'true',
    redactOutgoingText: values.redactOutgoingText === 'true',
  };
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  return candidate;
}

// What to fix, per field (thunks with literal keys, so the messages test finds them).
const FIELD_HINTS: Record<FormField, () => string> = {
  region: () => t('fieldErrorRegion'),
  loginBaseUrl: () => t('fieldErrorRequiredForCustom'),
  apiBaseUrl: () => t('fieldErrorRequiredForCustom'),
  clientId: () => t('fieldErrorClientId'),
  provider: () => t('fieldErrorProvider'),
  knowledgeBaseIds: () => t('fieldErrorKnowledgeBaseIds'),
  minRelevanceScore: () => t('fieldErrorMinRelevanceScore'),
  maxContentAgeDays: () => t('fieldErrorMaxContentAgeDays'),
  cacheTtlSeconds: () => t('fieldErrorCacheTtlSeconds'),
  feedbackWebhookUrl: () => t('fieldErrorUrlRequired'),
  auditRetentionDays: () => t('fieldErrorAuditRetentionDays'),
  auditTranscriptExcerpts: () => t('fieldErrorAuditTranscriptExcerpts'),
  redactOutgoingText: () => t('fieldErrorAuditTranscriptExcerpts'),
};

function isFormField(key: string): key is FormField {
  return (FORM_FIELDS as readonly string[]).includes(key);
}

/** The parser's issues as messages next to the fields they concern. */
export function fieldErrorsFrom(issues: readonly SettingsIssue[], values: FormValues, options: ParseOptions): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (!isFormField(issue.key)) continue;
    const field = issue.key;
    if (field === 'region' && values.region === 'custom') {
      // "custom needs both loginBaseUrl and apiBaseUrl": point at the empty box(es). A box that is
      // filled but invalid has its own URL issue.
      for (const urlField of ['loginBaseUrl', 'apiBaseUrl'] as const) {
        if (values[urlField].trim() === '') errors[urlField] ??= FIELD_HINTS[urlField]();
      }
      continue;
    }
    if (URL_FIELDS.has(field)) {
      const problem = urlProblem(values[field].trim(), options);
      errors[field] ??= problem ? t('fieldErrorUrl', [problem]) : FIELD_HINTS[field]();
      continue;
    }
    errors[field] ??= FIELD_HINTS[field]();
  }
  return errors;
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors; firstInvalid: FormField };

/** Validates the form with the shared parser. Nothing is saved unless this says ok. */
export function validateForm(values: FormValues, stored: Settings, options: ParseOptions): FormResult {
  const parsed = parseSettings(candidateFrom(values, stored), options);
  if (parsed.issues.length === 0) return { ok: true, settings: parsed.settings };
  const errors = fieldErrorsFrom(parsed.issues, values, options);
  const firstInvalid = FORM_FIELDS.find((field) => errors[field] !== undefined);
  // An issue on no form field (a stored desktopProfile, say) still blocks saving; show it on region.
  if (firstInvalid === undefined) {
    return { ok: false, errors: { region: parsed.issues.map((issue) => `${issue.key}: ${issue.message}`).join('; ') }, firstInvalid: 'region' };
  }
  return { ok: false, errors, firstInvalid };
}
