import { t } from '../shared/i18n';

export function LoadingIndicator() {
  return (
    <p class="loading" data-testid="loading" role="status" aria-busy="true">
      <span class="spinner" aria-hidden="true" />
      {t('loadingRecommendations')}
    </p>
  );
}
