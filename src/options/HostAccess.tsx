import { t } from '../shared/i18n';
import { describeHosts } from './host-access';

export type HostAccessState = { kind: 'ok' } | { kind: 'missing'; patterns: string[] } | { kind: 'denied'; patterns: string[] };

/** Says when the custom hosts in the settings are out of the extension's reach, with the button that asks. */
export function HostAccess({ state, onAllow }: { state: HostAccessState; onAllow: () => void }) {
  if (state.kind === 'ok') return null;
  return (
    <div class="notice notice--warning" role="alert" data-testid="host-access" data-state={state.kind}>
      <p>{state.kind === 'denied' ? t('hostAccessDenied', describeHosts(state.patterns)) : t('hostAccessMissing', describeHosts(state.patterns))}</p>
      <button type="button" class="button" data-testid="host-access-allow" onClick={onAllow}>
        {t('hostAccessAllow')}
      </button>
    </div>
  );
}
