import { t } from '../shared/i18n';

export function EmptyResults({ hiddenCount }: { hiddenCount: number }) {
  return (
    <div class="state" data-testid="empty">
      <p>{t('emptyNoneAccepted')}</p>
      {hiddenCount > 0 && <p class="hint">{hiddenCount === 1 ? t('emptyHiddenCountOne') : t('emptyHiddenCount', [hiddenCount])}</p>}
    </div>
  );
}

export function StaleNote() {
  return (
    <p class="note" data-testid="stale">
      {t('staleResults')}
    </p>
  );
}

export function InvalidNote({ count }: { count: number }) {
  return (
    <p class="note" data-testid="invalid-count">
      {count === 1 ? t('invalidCountOne') : t('invalidCount', [count])}
    </p>
  );
}
