import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ExportFormat, ExportProgress } from './export-audit';
import { errorText } from '../pages/error-text';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; format: ExportFormat; progress: ExportProgress }
  | { kind: 'done'; format: ExportFormat; fileName: string; written: number; ms: number; url: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ExportRun {
  fileName: string;
  written: number;
  /** Object URL of the file (kept for the Save link until the next export). */
  url: string;
}

interface Props {
  matches: number;
  /** Runs one export to the end (or rejects, e.g. when the signal aborts). */
  run: (format: ExportFormat, options: { signal: AbortSignal; onProgress(progress: ExportProgress): void }) => Promise<ExportRun>;
  /** Frees an earlier export's object URL. */
  release: (url: string) => void;
}

/** Progress repaints at most this often: a 100,000-entry export should spend its time exporting. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * CSV and NDJSON exports of the filtered entries, with progress and cancel (supervisors only).
 * The export's state lives here, so progress updates repaint this panel, not the whole page.
 */
export function ExportPanel({ matches, run, release }: Props) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [runs, setRuns] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const running = state.kind === 'running';
  const doneUrl = state.kind === 'done' ? state.url : null;
  // The file stays reachable through the Save link until the next export replaces it.
  useEffect(() => () => void (doneUrl && release(doneUrl)), [doneUrl, release]);

  const onExport = async (format: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    const started = performance.now();
    let shownAt = 0;
    setRuns((count) => count + 1);
    setState({ kind: 'running', format, progress: { scanned: 0, total: 0, written: 0 } });
    try {
      const done = await run(format, {
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - shownAt < PROGRESS_INTERVAL_MS) return;
          shownAt = now;
          setState({ kind: 'running', format, progress });
        },
      });
      setState({ kind: 'done', format, fileName: done.fileName, written: done.written, ms: performance.now() - started, url: done.url });
    } catch (error) {
      setState(controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: errorText(error) });
    } finally {
      abort.current = null;
    }
  };
  const onCancel = () => abort.current?.abort();
  return (
    <section class="export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t('auditExportTitle')}</h2>
      <p>{t('auditExportHint', matches)}</p>
      <div class="export__actions">
        <button type="button" class="button" disabled={running || matches === 0} onClick={() => void onExport('csv')} data-testid="export-csv">
          {t('auditExportCsv')}
        </button>
        <button type="button" class="button" disabled={running || matches === 0} onClick={() => void onExport('ndjson')} data-testid="export-ndjson">
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
      <p role="status" data-testid="export-status" data-run={runs} data-state={state.kind} data-written={state.kind === 'done' ? state.written : ''} data-ms={state.kind === 'done' ? Math.round(state.ms) : ''}>
        {state.kind === 'done' && (
          <>
            {t('auditExportDone', [state.written, state.fileName])}{' '}
            <a href={state.url} download={state.fileName} data-testid="export-save">
              {t('auditExportSave')}
            </a>
          </>
        )}
        {state.kind === 'cancelled' && t('auditExportCancelled')}
        {state.kind === 'failed' && t('auditExportFailed', state.message)}
      </p>
    </section>
  );
}
