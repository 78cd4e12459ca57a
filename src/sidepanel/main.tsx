import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';
import { createExtensionConnector } from './extension-connector';
import './panel.css';

document.documentElement.lang = t('uiLanguage');
document.title = t('panelTitle');
render(<App connector={createExtensionConnector(location.search)} />, document.getElementById('app')!);
