import { t } from '../shared/i18n';

/** The supervisor page (audit log, exports, CTR and latency), opened in a tab beside the panel. */
export const SUPERVISOR_PAGE_PATH = '../supervisor/index.html';

export function SupervisorLink() {
  return (
    <footer class="panel-footer">
      <a href={SUPERVISOR_PAGE_PATH} target="_blank" rel="noopener" data-testid="supervisor-link">
        {t('supervisorViewLink')}
      </a>
    </footer>
  );
}
