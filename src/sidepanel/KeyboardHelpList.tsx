import { INSERT_TOP_COMMAND, OPEN_PANEL_COMMAND } from '../shared/commands';
import { t } from '../shared/i18n';

/**
 * The panel's keyboard shortcuts (card-keys.ts) and the browser commands with the keys the agent
 * has for them now (they can change them at chrome://extensions/shortcuts).
 */
export function KeyboardHelpList({ shortcuts }: { shortcuts: Readonly<Record<string, string>> }) {
  const rows: [string, string][] = [
    [t('keysMove'), t('keysMoveHelp')],
    [t('keysToggle'), t('keysToggleHelp')],
    ['O', t('keysOpenHelp')],
    ['C', t('keysCopyHelp')],
    ['I', t('keysInsertHelp')],
    ['H', t('keysHelpfulHelp')],
    ['N', t('keysNotHelpfulHelp')],
    [t('keysDismiss'), t('keysDismissHelp')],
    [shortcuts[OPEN_PANEL_COMMAND] || t('keysNotSet'), t('keysOpenPanelHelp')],
    [shortcuts[INSERT_TOP_COMMAND] || t('keysNotSet'), t('keysInsertTopHelp')],
  ];
  return (
    <>
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
    </>
  );
}
