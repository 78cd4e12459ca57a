import { t } from '../shared/i18n';

export function SetupHelp() {
  return (
    <section class="help" aria-labelledby="setup-heading" data-testid="setup-help">
      <h2 id="setup-heading">{t('setupHeading')}</h2>
      <ol>
        <li>{t('setupStepCreateClient')}</li>
        <li>{t('setupStepScopes')}</li>
        <li>{t('setupStepRedirectUri')}</li>
        <li>{t('setupStepClientId')}</li>
        <li>{t('setupStepRegion')}</li>
      </ol>
    </section>
  );
}
