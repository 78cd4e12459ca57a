import type { ChainBreakReason, ChainReport } from '../shared/audit/hash-chain';
import { t } from '../shared/i18n';
import type { StoredChainReport } from './connector';

export type VerifyState =
  | { kind: 'idle' }
  | { kind: 'running'; what: 'stored' | 'file'; checked: number }
  | { kind: 'done'; what: 'stored'; report: StoredChainReport }
  | { kind: 'done'; what: 'file'; report: ChainReport & { lines: number }; fileName: string }
  | { kind: 'failed'; message: string };

const REASONS: Record<ChainBreakReason, () => string> = {
  malformed: () => t('auditBreakMalformed'),
  'out-of-order': () => t('auditBreakOutOfOrder'),
  'hash-mismatch': () => t('auditBreakHashMismatch'),
  'link-mismatch': () => t('auditBreakLinkMismatch'),
  'missing-entries': () => t('auditBreakMissingEntries'),
  'truncated-tail': () => t('auditBreakTruncatedTail'),
  'head-mismatch': () => t('auditBreakHeadMismatch'),
};

interface Props {
  state: VerifyState;
  onVerifyStored: () => void;
  onVerifyFile: (file: File) => void;
}

function Report({ state }: { state: Extract<VerifyState, { kind: 'done' }> }) {
  const { report } = state;
  const where = report.firstBreak?.line !== undefined ? t('auditBreakLine', report.firstBreak.line) : '';
  return (
    <div class={report.ok ? 'notice' : 'notice notice--error'} data-testid="verify-result" data-ok={String(report.ok)} data-break-seq={report.firstBreak?.seq ?? ''} data-break-reason={report.firstBreak?.reason ?? ''} data-checked={report.checked}>
      {report.ok ? (
        <p>{t('auditVerifyOk', [report.checked, report.firstSeq ?? 0, report.lastSeq ?? 0])}</p>
      ) : (
        <p>{t('auditVerifyBroken', [report.firstBreak?.seq ?? '?', REASONS[report.firstBreak!.reason](), where])}</p>
      )}
      {state.what === 'file' && report.gapCount > 0 && <p data-testid="verify-gaps">{t('auditVerifyGaps', [report.gapCount, report.gaps.slice(0, 5).map((gap) => (gap.from === gap.to ? gap.from : `${gap.from}–${gap.to}`)).join(', ')])}</p>}
      {state.what === 'stored' && state.report.head && (
        <p>
          {t('auditVerifyHead', state.report.head.seq)} <code data-testid="head-hash">{state.report.head.hash}</code>
        </p>
      )}
    </div>
  );
}

/** "Verify integrity": the hash chain of the stored log, or of an exported NDJSON file. */
export function IntegrityPanel({ state, onVerifyStored, onVerifyFile }: Props) {
  const running = state.kind === 'running';
  return (
    <section class="integrity" aria-labelledby="integrity-title" data-testid="integrity">
      <h2 id="integrity-title">{t('auditVerifyTitle')}</h2>
      <div class="integrity__actions">
        <button type="button" class="button" disabled={running} onClick={onVerifyStored} data-testid="verify-stored">
          {t('auditVerifyStored')}
        </button>
        <label class="button">
          {t('auditVerifyFile')}
          <input
            type="file"
            class="visually-hidden"
            accept=".ndjson,.jsonl,application/x-ndjson"
            disabled={running}
            data-testid="verify-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onVerifyFile(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {running && <p role="status">{t('auditVerifyRunning', state.checked)}</p>}
      {state.kind === 'done' && <Report state={state} />}
      {state.kind === 'failed' && (
        <p class="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
