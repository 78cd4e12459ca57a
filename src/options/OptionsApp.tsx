import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { t } from '../shared/i18n';
import { LockedFields } from './locked-fields';
import { DEFAULT_SETTINGS, type ParsedSettings, type ParseOptions, type Provider, type Settings, type SettingsIssue } from '../shared/settings';
import type { OptionsConnector } from './connector';
import { DesktopDiagnostics } from './DesktopDiagnostics';
import { FeedbackSection } from './FeedbackSection';
import { customHostPatterns } from './host-access';
import { HostAccess, type HostAccessState } from './HostAccess';
import { OAuthRequirements } from './OAuthRequirements';
import { FleetSection } from './FleetSection';
import { RedirectUri } from './RedirectUri';
import { formValuesFrom, validateForm, type FieldErrors, type FormField, type FormValues } from './settings-form';
import { PROVIDER_LABELS, SettingsForm } from './SettingsForm';
import { SetupHelp } from './SetupHelp';
import { StoredIssues } from './StoredIssues';
import { errorText } from '../pages/error-text';

interface Props {
  connector: OptionsConnector;
  /** Loopback http (the simulator) is accepted only in simulator builds. */
  parseOptions?: ParseOptions;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function OptionsApp({ connector, parseOptions = { allowLoopbackHttp: SIMULATOR_BUILD } }: Props) {
  const [loaded, setLoaded] = useState(false);
  const [values, setValues] = useState<FormValues>(() => formValuesFrom(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [storedIssues, setStoredIssues] = useState<SettingsIssue[]>([]);
  const [locked, setLocked] = useState<ReadonlySet<string>>(new Set());
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [focusField, setFocusField] = useState<{ field: FormField } | null>(null);
  const [hostAccess, setHostAccess] = useState<HostAccessState>({ kind: 'ok' });
  // Read inside storage callbacks, which must see the latest value, not the one of their render.
  const dirty = useRef(false);
  const stored = useRef<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    const controller = new AbortController();
    const show = (parsed: ParsedSettings) => {
      stored.current = parsed.settings;
      void checkHostAccess(parsed.settings);
      setValues(formValuesFrom(parsed.settings));
      setStoredIssues(parsed.issues);
      setLocked(new Set(parsed.locked ?? []));
      setErrors({});
      setChangedElsewhere(false);
      setLoaded(true);
    };
    connector.watch((parsed) => {
      if (controller.signal.aborted) return;
      // Never overwrite what the agent is typing; say the stored values moved instead.
      if (dirty.current) {
        stored.current = parsed.settings;
        setChangedElsewhere(true);
      } else {
        show(parsed);
      }
    }, controller.signal);
    connector
      .load()
      .then((parsed) => {
        if (!controller.signal.aborted && !dirty.current) show(parsed);
      })
      .catch((error: unknown) => setSave({ kind: 'failed', message: t('loadFailed', [errorText(error)]) }));
    return () => controller.abort();
  }, [connector]);

  // Layout effect: focus moves in the same task as the submit, before anyone reads it.
  useLayoutEffect(() => {
    if (focusField) document.getElementById(focusField.field)?.focus();
  }, [focusField]);

  // Custom hosts (typed here or pushed by policy) need a host permission the browser grants on a click.
  const checkHostAccess = async (settings: Settings) => {
    const patterns = customHostPatterns(settings);
    const ok = patterns.length === 0 || (await connector.hasHostAccess(patterns).catch(() => false));
    setHostAccess(ok ? { kind: 'ok' } : { kind: 'missing', patterns });
  };
  const askHostAccess = (patterns: string[]) => {
    if (patterns.length === 0) return;
    connector.requestHostAccess(patterns).then(
      (granted) => setHostAccess(granted ? { kind: 'ok' } : { kind: 'denied', patterns }),
      () => setHostAccess({ kind: 'denied', patterns }),
    );
  };

  const onChange = (field: FormField, value: string) => {
    dirty.current = true;
    setValues((previous) => ({ ...previous, [field]: value }));
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };

  const onSubmit = async () => {
    if (!loaded) return;
    const result = validateForm(values, stored.current, parseOptions);
    if (!result.ok) {
      setErrors(result.errors);
      setSave({ kind: 'idle' });
      setFocusField({ field: result.firstInvalid });
      return;
    }
    setErrors({});
    // Still inside the click: the browser shows its permission prompt only now, not after an await.
    askHostAccess(customHostPatterns(result.settings));
    setSave({ kind: 'saving' });
    try {
      await connector.save(result.settings);
      dirty.current = false;
      stored.current = result.settings;
      setStoredIssues([]);
      setChangedElsewhere(false);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: t('saveFailed', [errorText(error)]) });
    }
  };

  return (
    <LockedFields.Provider value={locked}>
      <main class="options" data-testid="options" aria-busy={!loaded}>
        <h1>{t('optionsTitle')}</h1>
        <SetupHelp />
        <RedirectUri uri={connector.redirectUri()} />
        <OAuthRequirements provider={values.provider as Provider} providerName={PROVIDER_LABELS[values.provider as Provider]?.() ?? values.provider} />
        <HostAccess state={hostAccess} onAllow={() => askHostAccess(hostAccess.kind === 'ok' ? [] : hostAccess.patterns)} />
        <StoredIssues issues={storedIssues} />
        <DesktopDiagnostics connector={connector} />
        {changedElsewhere && (
          <p class="notice" data-testid="changed-elsewhere">
            {t('settingsChangedElsewhere')}
          </p>
        )}
        <SettingsForm
          values={values}
          errors={errors}
          saving={save.kind === 'saving'}
          ready={loaded}
          onChange={onChange}
          onSubmit={() => void onSubmit()}
          footer={
            <p class="save-status" role="status" data-testid="save-status">
              {save.kind === 'saved' ? t('saved') : save.kind === 'saving' ? t('saving') : ''}
            </p>
          }
        />
        {save.kind === 'failed' && (
          <p class="notice notice--error" role="alert" data-testid="save-error">
            {save.message}
          </p>
        )}
        <FeedbackSection connector={connector} />
        <FleetSection connector={connector} parseOptions={parseOptions} />
        <p class="supervisor-link">
          <a href={connector.supervisorPageUrl()} data-testid="supervisor-link" target="_blank" rel="noopener">
            {t('supervisorViewLink')}
          </a>
        </p>
      </main>
    </LockedFields.Provider>
  );
}
