import { t } from '../shared/i18n';
import type { ExportFormat, ExportProgress } from './export-audit';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; format: ExportFormat; progress: ExportProgress }
  | { kind: 'done'; format: ExportFormat; fileName: string; written: number; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

interface Props {
  state: ExportState;
  matches: number;
  onExport: (format: ExportFormat) => void;
  onCancel: () => void;
}

/** CSV and NDJSON exports of the filtered entries, with progress and cancel (supervisors only). */
export function ExportPanel({ state, matches, onExport, onCancel }: Props) {
  const running = state.kind === 'running';
  return (
    <section class="export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t('auditExportTitle')}</h2>
      <p>{t('auditExportHint', matches)}</p>
      <div class="export__actions">
        <button type="button" class="button" disabled={running || matches === 0} onClick={() => onExport('csv')} data-testid="export-csv">
          {t('auditExportCsv')}
        </button>
        <button type="button" class="button" disabled={running || matches === 0} onClick={() => onExport('ndjson')} data-testid="export-ndjson">
          {t('auditExportNdjson')}
        </button>
        {running && (
          <button type="button" class="button button--quiet" onClick={onCancel} data-testid="export-cancel">
            {t('auditExportCancel')}
          </button>
        )}
      </div>
      {running && (
        <label class="export__progress">
          {t('auditExportProgress', [state.progress.scanned, state.progress.total])}
          <progress max={state.progress.total || 1} value={state.progress.scanned} data-testid="export-progress" />
        </label>
      )}
      <p role="status" data-testid="export-status" data-state={state.kind} data-written={state.kind === 'done' ? state.written : ''} data-ms={state.kind === 'done' ? Math.round(state.ms) : ''}>
        {state.kind === 'done' && t('auditExportDone', [state.written, state.fileName])}
        {state.kind === 'cancelled' && t('auditExportCancelled')}
        {state.kind === 'failed' && t('auditExportFailed', state.message)}
      </p>
    </section>
  );
}
