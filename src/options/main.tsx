import { render } from 'preact';
import { t } from '../shared/i18n';
import { createExtensionConnector } from './extension-connector';
import { OptionsApp } from './OptionsApp';
import './options.css';

document.documentElement.lang = t('uiLanguage');
document.title = t('optionsTitle');
render(<OptionsApp connector={createExtensionConnector()} />, document.getElementById('app')!);
