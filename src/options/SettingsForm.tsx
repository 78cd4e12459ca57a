import type { ComponentChildren } from 'preact';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { t } from '../shared/i18n';
import { PROVIDERS, REGION_CHOICES, type Provider } from '../shared/settings';
import { FormField, type ControlProps } from './FormField';
import { regionLabel } from './region-names';
import type { FieldErrors, FormField as FieldKey, FormValues } from './settings-form';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  saving: boolean;
  /** False until the stored settings are in the form: editing defaults then saving would overwrite them. */
  ready: boolean;
  onChange: (field: FieldKey, value: string) => void;
  onSubmit: () => void;
  /** Shown beside the Save button (the save status). */
  footer?: ComponentChildren;
}

export const PROVIDER_LABELS: Record<Provider, () => string> = {
  'recommendations-query': () => t('providerRecommendationsQuery'),
  'conversation-suggestions': () => t('providerConversationSuggestions'),
  'knowledge-search': () => t('providerKnowledgeSearch'),
};

/** One line per provider: the licence it needs, so an admin can tell which one their org can use. */
const PROVIDER_LICENCES: Record<Provider, () => string> = {
  'recommendations-query': () => t('providerLicenceRecommendationsQuery'),
  'conversation-suggestions': () => t('providerLicenceConversationSuggestions'),
  'knowledge-search': () => t('providerLicenceKnowledgeSearch'),
};

/** What the content-age threshold compares, per provider (the pipeline hides an item only when its date is known). */
const CONTENT_AGE_BASIS: Partial<Record<Provider, () => string>> = {
  'recommendations-query': () => t('hintContentAgeRecommendationsQuery'),
  'conversation-suggestions': () => t('hintContentAgeConversationSuggestions'),
};

/** The custom region is for the simulator only in simulator builds; in store builds, for an own service or a proxy. */
const customRegionLabel = () => (SIMULATOR_BUILD ? t('regionCustom') : t('regionCustomHosts'));

function inputValue(event: Event): string {
  return (event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}

export function SettingsForm({ values, errors, saving, ready, onChange, onSubmit, footer }: Props) {
  // Controls for FormField: called as functions (not mounted as components), so no remounts.
  const text =
    (field: FieldKey, type: 'text' | 'url' = 'text', extra: Record<string, string> = {}) =>
    (props: ControlProps) => <input {...props} {...extra} type={type} value={values[field]} onInput={(event) => onChange(field, inputValue(event))} />;
  const number = (field: FieldKey, min: string, max: string, step: string) => (props: ControlProps) => (
    <input {...props} type="number" inputMode="decimal" min={min} max={max} step={step} value={values[field]} onInput={(event) => onChange(field, inputValue(event))} />
  );

  return (
    <form
      class="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset disabled={!ready}>
        <legend>{t('optionsConnectionLegend')}</legend>
        <FormField
          id="region"
          label={t('labelRegion')}
          error={errors.region}
          {...(values.region === 'custom' && { hint: t('hintRegionCustom') })}
          control={(props) => (
            <select {...props} value={values.region} onChange={(event) => onChange('region', inputValue(event))}>
              {REGION_CHOICES.map((region) => (
                <option key={region} value={region}>
                  {region === 'custom' ? customRegionLabel() : regionLabel(region)}
                </option>
              ))}
            </select>
          )}
        />
        {values.region === 'custom' && (
          <>
            <FormField id="loginBaseUrl" label={t('labelLoginBaseUrl')} hint={t('hintLoginBaseUrl')} error={errors.loginBaseUrl} control={text('loginBaseUrl', 'url')} />
            <FormField id="apiBaseUrl" label={t('labelApiBaseUrl')} hint={t('hintApiBaseUrl')} error={errors.apiBaseUrl} control={text('apiBaseUrl', 'url')} />
          </>
        )}
        <FormField
          id="clientId"
          label={t('labelClientId')}
          hint={t('hintClientId')}
          error={errors.clientId}
          control={text('clientId', 'text', { autocomplete: 'off', spellcheck: 'false' })}
        />
        <FormField
          id="provider"
          label={t('labelProvider')}
          error={errors.provider}
          control={(props) => (
            <>
              <select
                {...props}
                aria-describedby={[props['aria-describedby'], 'provider-licences'].filter(Boolean).join(' ')}
                value={values.provider}
                onChange={(event) => onChange('provider', inputValue(event))}
              >
                {PROVIDERS.map((provider) => (
                  <option key={provider} value={provider}>
                    {PROVIDER_LABELS[provider]()}
                  </option>
                ))}
              </select>
              <div class="field__hint" id="provider-licences" data-testid="provider-licences">
                <p>{t('providerLicencesHeading')}</p>
                <ul>
                  {PROVIDERS.map((provider) => (
                    <li key={provider} data-provider={provider}>
                      {PROVIDER_LICENCES[provider]()}
                    </li>
                  ))}
                </ul>
              </div>
            </>
          )}
        />
        <FormField
          id="knowledgeBaseIds"
          label={t('labelKnowledgeBaseIds')}
          hint={t('hintKnowledgeBaseIds')}
          error={errors.knowledgeBaseIds}
          control={(props) => (
            <textarea {...props} rows={3} spellcheck={false} value={values.knowledgeBaseIds} onInput={(event) => onChange('knowledgeBaseIds', inputValue(event))} />
          )}
        />
      </fieldset>

      <fieldset disabled={!ready}>
        <legend>{t('optionsThresholdsLegend')}</legend>
        <FormField id="minRelevanceScore" label={t('labelMinRelevanceScore')} hint={t('hintMinRelevanceScore')} error={errors.minRelevanceScore} control={number('minRelevanceScore', '0', '1', '0.01')} />
        <FormField
          id="maxContentAgeDays"
          label={t('labelMaxContentAgeDays')}
          hint={[t('hintMaxContentAgeDays'), CONTENT_AGE_BASIS[values.provider as Provider]?.()].filter(Boolean).join(' ')}
          error={errors.maxContentAgeDays}
          control={number('maxContentAgeDays', '0', '36500', 'any')}
        />
        <FormField id="cacheTtlSeconds" label={t('labelCacheTtlSeconds')} hint={t('hintCacheTtlSeconds')} error={errors.cacheTtlSeconds} control={number('cacheTtlSeconds', '0', '86400', '1')} />
      </fieldset>

      <fieldset disabled={!ready}>
        <legend>{t('optionsDataLegend')}</legend>
        <FormField id="feedbackWebhookUrl" label={t('labelFeedbackWebhookUrl')} hint={t('hintFeedbackWebhookUrl')} error={errors.feedbackWebhookUrl} control={text('feedbackWebhookUrl', 'url')} />
        <FormField id="auditRetentionDays" label={t('labelAuditRetentionDays')} hint={t('hintAuditRetentionDays')} error={errors.auditRetentionDays} control={number('auditRetentionDays', '1', '3650', '1')} />
        <FormField
          id="auditTranscriptExcerpts"
          label={t('labelAuditTranscriptExcerpts')}
          hint={t('hintAuditTranscriptExcerpts')}
          error={errors.auditTranscriptExcerpts}
          control={(props) => (
            <input
              {...props}
              type="checkbox"
              class="field__checkbox"
              checked={values.auditTranscriptExcerpts === 'true'}
              onChange={(event) => onChange('auditTranscriptExcerpts', String(event.currentTarget.checked))}
            />
          )}
        />
        <FormField
          id="redactOutgoingText"
          label={t('labelRedactOutgoingText')}
          hint={t('hintRedactOutgoingText')}
          error={errors.redactOutgoingText}
          control={(props) => (
            <input
              {...props}
              type="checkbox"
              class="field__checkbox"
              checked={values.redactOutgoingText === 'true'}
              onChange={(event) => onChange('redactOutgoingText', String(event.currentTarget.checked))}
            />
          )}
        />
      </fieldset>

      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={saving || !ready} aria-busy={saving}>
          {t('save')}
        </button>
        {footer}
      </div>
    </form>
  );
}
