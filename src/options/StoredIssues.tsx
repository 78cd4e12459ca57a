import { t } from '../shared/i18n';
import type { SettingsIssue } from '../shared/settings';

/** What was wrong with the stored settings (a bad value that fell back to its default, say). */
export function StoredIssues({ issues }: { issues: readonly SettingsIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <section class="notice notice--warning" data-testid="stored-issues" aria-labelledby="stored-issues-heading">
      <h2 id="stored-issues-heading">{t('storedIssuesHeading')}</h2>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.key}:${issue.message}`} data-key={issue.key}>
            <code>{issue.key}</code> {issue.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
