import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { KeyboardHelpListView } from './lazy-views';

const preload = () => void KeyboardHelpListView.preload();

/**
 * "Keyboard shortcuts", closed until the agent opens it: the summary (the focusable part) is here
 * from the start, the list arrives on the first open.
 */
export function KeyboardHelp({ shortcuts }: { shortcuts: Readonly<Record<string, string>> }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="keyboard-help" data-testid="keyboard-help" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary onPointerEnter={preload} onFocus={preload}>
        {t('keysHeading')}
      </summary>
      {opened && <KeyboardHelpListView shortcuts={shortcuts} />}
    </details>
  );
}
