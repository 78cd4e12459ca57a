import { t } from '../shared/i18n';
import { permissionsFor, scopesFor, type FeaturePermission } from '../shared/oauth-requirements';
import type { Provider } from '../shared/settings';

// Thunks with literal keys, so the messages test finds every key used.
const FEATURE_NAMES: Record<FeaturePermission['feature'], () => string> = {
  suggestions: () => t('featureSuggestions'),
  engagement: () => t('featureEngagement'),
  'canned-responses': () => t('featureCannedResponses'),
  'knowledge-bases': () => t('featureKnowledgeBases'),
  'knowledge-search': () => t('featureKnowledgeSearch'),
  'knowledge-presentations': () => t('featureKnowledgePresentations'),
  'knowledge-views': () => t('featureKnowledgeViews'),
  'knowledge-copies': () => t('featureKnowledgeCopies'),
  'knowledge-feedback': () => t('featureKnowledgeFeedback'),
  'supervisor-export': () => t('featureSupervisorExport'),
};

/** The OAuth scopes the chosen provider needs, and the permission each feature checks. */
export function OAuthRequirements({ provider, providerName }: { provider: Provider; providerName: string }) {
  return (
    <section class="help" aria-labelledby="oauth-heading" data-testid="oauth-requirements" data-provider={provider}>
      <h2 id="oauth-heading">{t('oauthHeading')}</h2>
      <p>{t('oauthScopesFor', providerName)}</p>
      <ul class="scope-list" data-testid="oauth-scopes">
        {scopesFor(provider).map((scope) => (
          <li key={scope}>
            <code>{scope}</code>
          </li>
        ))}
      </ul>
      <p>{t('oauthPermissionsIntro')}</p>
      <table class="permission-table" data-testid="oauth-permissions">
        <thead>
          <tr>
            <th scope="col">{t('oauthFeatureColumn')}</th>
            <th scope="col">{t('oauthPermissionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {permissionsFor(provider).map((entry) => (
            <tr key={entry.feature} data-feature={entry.feature}>
              <td>{FEATURE_NAMES[entry.feature]()}</td>
              <td>
                <code>{entry.permission}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
