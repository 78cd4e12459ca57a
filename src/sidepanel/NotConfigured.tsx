import { t } from '../shared/i18n';

export function NotConfigured({ onOpenSettings, opening }: { onOpenSettings: () => void; opening: boolean }) {
  return (
    <section class="state" data-testid="not-configured" aria-labelledby="not-configured-heading">
      <h2 id="not-configured-heading">{t('notConfiguredHeading')}</h2>
      <p>{t('notConfiguredBody')}</p>
      <button type="button" class="button button--primary" onClick={onOpenSettings} disabled={opening}>
        {t('openSettings')}
      </button>
    </section>
  );
}
