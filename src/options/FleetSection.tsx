import { useContext, useEffect, useState } from 'preact/hooks';
import { SIMULATOR_BUILD } from '../shared/build-flags';
import { displayLocale, t } from '../shared/i18n';
import type { FleetStatus, SecretSource } from '../shared/fleet/fleet-status';
import { hostPattern } from '../shared/fleet/host-pattern';
import { isIdentifier } from '../shared/fleet/sql-params';
import { urlProblem, type ParseOptions, type Settings } from '../shared/settings';
import type { OptionsConnector } from './connector';
import { LockedFields } from './locked-fields';
import { errorText } from '../pages/error-text';

/**
 * The fleet path on the options page (docs/fleet.md): where rows go (URL, table, the two users),
 * the passwords (handed to the worker, never shown again), the host permission the endpoint
 * needs, and the delivery status with the rows ClickHouse refused.
 */
const REFRESH_MS = 3_000;

type Values = { url: string; table: string; insertUser: string; insertPassword: string; readUser: string; readPassword: string };

function valuesFrom(settings: Settings): Values {
  return {
    url: settings.fleetClickHouseUrl ?? '',
    table: settings.fleetTable,
    insertUser: settings.fleetInsertUser ?? '',
    insertPassword: '',
    readUser: settings.fleetReadUser ?? '',
    readPassword: '',
  };
}

function time(epochMs: number): string {
  return new Intl.DateTimeFormat(displayLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(epochMs);
}

function sourceText(source: SecretSource): string {
  return source === 'policy' ? t('fleetPasswordPolicy') : source === 'local' ? t('fleetPasswordStored') : t('fleetPasswordNone');
}

interface Props {
  connector: OptionsConnector;
  parseOptions?: ParseOptions;
}

export function FleetSection({ connector, parseOptions = { allowLoopbackHttp: SIMULATOR_BUILD } }: Props) {
  const locked = useContext(LockedFields);
  const [stored, setStored] = useState<Settings | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<{ url?: string; table?: string }>({});
  const [status, setStatus] = useState<FleetStatus | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const show = (settings: Settings) => {
      setStored(settings);
      setValues((previous) => previous ?? valuesFrom(settings));
    };
    connector.watch((parsed) => show(parsed.settings), controller.signal);
    void connector.load().then((parsed) => !controller.signal.aborted && show(parsed.settings));
    const load = () =>
      connector.fleetStatus().then(
        (next) => !controller.signal.aborted && setStatus(next),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [connector]);

  if (!values || !stored) return null;

  const set = (key: keyof Values) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setValues({ ...values, [key]: value });
    setMessage(null);
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    const url = values.url.trim();
    const problem = url === '' ? null : urlProblem(url, parseOptions);
    const table = values.table.trim() || 'agent_assist.events';
    const nextErrors = { ...(problem && { url: t('fleetInvalidUrl', problem) }), ...(!isIdentifier(table) && { table: t('fleetInvalidTable') }) };
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    setBusy(true);
    try {
      const latest = (await connector.load()).settings;
      const next: Settings = { ...latest, fleetTable: table };
      const optional = { fleetClickHouseUrl: url, fleetInsertUser: values.insertUser.trim(), fleetReadUser: values.readUser.trim() } as const;
      for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][]) {
        if (value) next[key] = value;
        else delete next[key];
      }
      await connector.save(next);
      const secrets = { ...(values.insertPassword && { insertPassword: values.insertPassword }), ...(values.readPassword && { readPassword: values.readPassword }) };
      if (Object.keys(secrets).length > 0) setStatus(await connector.setFleetSecrets(secrets));
      setValues({ ...values, insertPassword: '', readPassword: '' });
      setMessage({ kind: 'ok', text: t('fleetSaved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('saveFailed', [errorText(error)]) });
    } finally {
      setBusy(false);
    }
  };

  const onAllow = async () => {
    const url = stored.fleetClickHouseUrl;
    if (!url) return;
    let granted = false;
    try {
      granted = await connector.requestHostAccess([hostPattern(url)]);
    } catch {
      granted = false;
    }
    setRefused(granted ? null : new URL(url).origin);
    setStatus(await connector.fleetStatus().catch(() => status));
  };

  const field = (key: keyof Values, settingKey: string, label: string, type = 'text', hint?: string, error?: string) => (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={`fleet-${key}`}>{label}</label>
      <input
        id={`fleet-${key}`}
        type={type}
        value={values[key]}
        autocomplete={type === 'password' ? 'new-password' : 'off'}
        disabled={locked.has(settingKey)}
        aria-invalid={Boolean(error)}
        aria-describedby={[error && `fleet-${key}-error`, hint && `fleet-${key}-hint`].filter(Boolean).join(' ') || undefined}
        data-testid={`fleet-${key}`}
        onInput={set(key)}
      />
      {locked.has(settingKey) && <p class="field__locked">{t('fieldLockedByPolicy')}</p>}
      {error && (
        <p class="field__error" id={`fleet-${key}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field__hint" id={`fleet-${key}-hint`} data-testid={`fleet-${key}-source`}>
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <section class="help fleet" aria-labelledby="fleet-heading" data-testid="fleet-section">
      <h2 id="fleet-heading">{t('fleetHeading')}</h2>
      <p class="field__hint">{t('fleetIntro')}</p>
      <form onSubmit={(event) => void onSave(event)} noValidate>
        {field('url', 'fleetClickHouseUrl', t('fleetLabelUrl'), 'url', undefined, errors.url)}
        {field('table', 'fleetTable', t('fleetLabelTable'), 'text', undefined, errors.table)}
        {field('insertUser', 'fleetInsertUser', t('fleetLabelInsertUser'))}
        {status?.secrets.insertPassword !== 'policy' && field('insertPassword', 'fleetInsertPassword', t('fleetLabelInsertPassword'), 'password', sourceText(status?.secrets.insertPassword ?? 'none'))}
        {field('readUser', 'fleetReadUser', t('fleetLabelReadUser'))}
        {status?.secrets.readPassword !== 'policy' && field('readPassword', 'fleetReadPassword', t('fleetLabelReadPassword'), 'password', sourceText(status?.secrets.readPassword ?? 'none'))}
        <button type="submit" disabled={busy} data-testid="fleet-save">
          {t('fleetSave')}
        </button>
        <p role="status" class={message?.kind === 'error' ? 'notice notice--error' : 'save-status'} data-testid="fleet-save-status">
          {message?.text ?? ''}
        </p>
      </form>
      {status && <FleetDeliveryStatus status={status} refused={refused} onAllow={() => void onAllow()} />}
    </section>
  );
}

function problemText(status: FleetStatus): string | null {
  switch (status.problem) {
    case null:
      return null;
    case 'no-url':
      return t('fleetProblemNoUrl');
    case 'no-user':
      return t('fleetProblemNoUser');
    case 'no-password':
      return t('fleetProblemNoPassword');
    case 'no-permission':
      return t('fleetProblemNoPermission', status.origin ?? '');
  }
}

function FleetDeliveryStatus({ status, refused, onAllow }: { status: FleetStatus; refused: string | null; onAllow(): void }) {
  const problem = problemText(status);
  return (
    <div data-testid="fleet-status" data-problem={status.problem ?? ''} data-pending={status.pending} data-parked={status.parkedCount} data-delivered={status.delivered} data-failures={status.failures}>
      {problem && <p class="notice">{problem}</p>}
      {status.problem === 'no-permission' && status.origin && (
        <button type="button" onClick={onAllow} data-testid="fleet-allow">
          {t('fleetAllow', status.origin)}
        </button>
      )}
      {refused && (
        <p class="notice notice--error" role="alert" data-testid="fleet-refused">
          {t('fleetRefused', refused)}
        </p>
      )}
      {status.problem !== 'no-url' && (
        <p data-testid="fleet-summary">{t('fleetSummary', [String(status.pending), String(status.delivered), status.lastDeliveredAt === null ? t('fleetNever') : time(status.lastDeliveredAt)])}</p>
      )}
      {status.lastError && status.failures > 0 && (
        <p class="notice notice--error" data-testid="fleet-error">
          {status.retryAt !== null ? t('fleetRetrying', [time(status.retryAt), status.lastError.message]) : t('fleetLastError', status.lastError.message)}
        </p>
      )}
      {status.parked.length > 0 && (
        <div data-testid="fleet-parked">
          <h3>{t('fleetParkedHeading')}</h3>
          <p class="field__hint">{t('fleetParkedHint')}</p>
          <table class="feedback__parked">
            <thead>
              <tr>
                <th scope="col">{t('fleetColumnSeq')}</th>
                <th scope="col">{t('fleetColumnKind')}</th>
                <th scope="col">{t('fleetColumnMessage')}</th>
              </tr>
            </thead>
            <tbody>
              {status.parked.map((row) => (
                <tr key={row.eventId} data-testid="fleet-parked-row" data-seq={row.seq}>
                  <td>{row.seq}</td>
                  <td>{row.kind}</td>
                  <td>{row.error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
