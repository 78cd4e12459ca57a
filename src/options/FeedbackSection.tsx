import { useCallback, useEffect, useState } from 'preact/hooks';
import { renderPrometheus } from '../shared/metrics/prometheus';
import type { OutboxStatus } from '../shared/outbox-status';
import type { OptionsConnector } from './connector';
import { downloadText } from '../shared/dom/download';
import { FeedbackDelivery } from './FeedbackDelivery';
import { errorText } from '../pages/error-text';

/** Reloads the outbox status while the page is open: delivery goes on in the worker meanwhile. */
const REFRESH_MS = 5_000;

export function FeedbackSection({ connector, save = downloadText, now = () => new Date() }: { connector: OptionsConnector; save?: typeof downloadText; now?: () => Date }) {
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      connector.outboxStatus().then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          setLoadError(null);
        },
        (error: unknown) => {
          if (!stopped) setLoadError(errorText(error));
        },
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [connector]);

  const onExport = useCallback(async () => {
    setExporting(true);
    setExportError(null);
    try {
      const [report, outbox] = await Promise.all([connector.metricsReport(), connector.outboxStatus()]);
      save(`agent-assist-metrics-${now().toISOString().slice(0, 10)}.prom`, renderPrometheus(report.days, outbox), 'text/plain; version=0.0.4; charset=utf-8');
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(false);
    }
  }, [connector, save, now]);

  return <FeedbackDelivery status={status} loadError={loadError} exporting={exporting} exportError={exportError} onExport={() => void onExport()} />;
}
