import { render } from 'preact';
import { t } from '../shared/i18n';
import { createExtensionConnector } from './extension-connector';
import { SupervisorApp } from './SupervisorApp';
import './supervisor.css';

document.documentElement.lang = t('uiLanguage');
document.title = t('supervisorTitle');
render(<SupervisorApp connector={createExtensionConnector()} />, document.getElementById('app')!);
