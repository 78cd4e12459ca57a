import { t } from '../shared/i18n';
import type { SourceProblem } from '../shared/view-state';

const MESSAGES: Record<SourceProblem['kind'], string> = {
  forbidden: 'sourceProblemForbidden',
  'not-found': 'sourceProblemNotFound',
  failed: 'sourceProblemFailed',
};

/**
 * Knowledge bases that did not answer while others did, one line each, by name: the agent knows the
 * list is partial and what to tell their administrator. The API's own message is kept in a title.
 */
export function SourceProblems({ problems }: { problems: readonly SourceProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="notice notice--warning" role="status" data-testid="source-problems">
      <p class="visually-hidden">{t('sourceProblemsHeading')}</p>
      <ul class="source-problems">
        {problems.map((problem) => (
          <li key={problem.sourceId} data-testid="source-problem" data-source-id={problem.sourceId} data-kind={problem.kind} title={problem.message}>
            {t(MESSAGES[problem.kind], [problem.sourceName || problem.sourceId])}
          </li>
        ))}
      </ul>
    </div>
  );
}
