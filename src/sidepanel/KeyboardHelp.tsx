import { t } from '../shared/i18n';

/** The panel's keyboard shortcuts (card-keys.ts) and the browser commands (manifest `commands`). */
export function KeyboardHelp() {
  const rows: [string, string][] = [
    [t('keysMove'), t('keysMoveHelp')],
    [t('keysToggle'), t('keysToggleHelp')],
    ['O', t('keysOpenHelp')],
    ['C', t('keysCopyHelp')],
    ['I', t('keysInsertHelp')],
    ['H', t('keysHelpfulHelp')],
    ['N', t('keysNotHelpfulHelp')],
    [t('keysDismiss'), t('keysDismissHelp')],
    ['Alt+Shift+A', t('keysOpenPanelHelp')],
    ['Alt+Shift+I', t('keysInsertTopHelp')],
  ];
  return (
    <details class="keyboard-help" data-testid="keyboard-help">
      <summary>{t('keysHeading')}</summary>
      <p class="hint">{t('keysIntro')}</p>
      <dl>
        {rows.map(([keys, help]) => (
          <div class="keyboard-help__row" key={help}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{help}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('keysCommandsNote')}</p>
    </details>
  );
}
