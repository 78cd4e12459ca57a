import { useEffect, useState } from 'preact/hooks';
import type { DesktopDiagnostic, TabDesktopDiagnostics } from '../shared/desktop-diagnostics';
import { t } from '../shared/i18n';
import type { OptionsConnector } from './connector';

/**
 * Problems the content script met reading the agent desktop (a profile selector that matches
 * nothing), one line per tab and selector, so an admin sees why the panel stays empty and which
 * `desktopProfile` key to fix. Kept current while the page is open.
 */
function describe(problem: DesktopDiagnostic): string {
  return problem.key === 'transcriptSelector' ? t('desktopTranscriptNotFound', [problem.selector]) : t('desktopConversationFrameUnread', [problem.selector]);
}

export function DesktopDiagnostics({ connector }: { connector: OptionsConnector }) {
  const [tabs, setTabs] = useState<TabDesktopDiagnostics[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      connector.desktopDiagnostics().then(
        (next) => {
          if (!controller.signal.aborted) setTabs(next);
        },
        // The worker will answer next time; the section simply stays as it was meanwhile.
        () => undefined,
      );
    connector.watchDesktopDiagnostics(() => void load(), controller.signal);
    void load();
    return () => controller.abort();
  }, [connector]);

  const problems = tabs.flatMap((tab) => tab.problems.map((problem) => ({ tabId: tab.tabId, problem })));
  if (problems.length === 0) return null;
  return (
    <section class="notice notice--warning" data-testid="desktop-diagnostics" aria-labelledby="desktop-diagnostics-heading">
      <h2 id="desktop-diagnostics-heading">{t('desktopDiagnosticsHeading')}</h2>
      <ul>
        {problems.map(({ tabId, problem }) => (
          <li key={`${tabId}:${problem.key}:${problem.selector}`} data-testid="desktop-diagnostic" data-key={problem.key}>
            <strong>{describe(problem)}</strong>
            <br />
            <small>{t('desktopDiagnosticWhere', [String(tabId), problem.frameUrl, problem.profileId])}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
