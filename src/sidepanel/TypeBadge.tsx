import { t } from '../shared/i18n';

/**
 * What kind of content a card is, from the provider's own word for it (`Recommendation.kind`, the
 * Genesys suggestion type); providers that do not say, and article-like kinds, read "Article".
 */
function kindName(kind: string | undefined): { id: string; name: string } {
  switch (kind) {
    case 'Faq':
      return { id: 'faq', name: t('typeFaq') };
    case 'SuggestedKnowledgeAnswer':
      return { id: 'answer', name: t('typeAnswer') };
    case 'CannedResponse':
      return { id: 'canned-response', name: t('typeCannedResponse') };
    case 'Script':
      return { id: 'script', name: t('typeScript') };
    default:
      return { id: 'article', name: t('typeArticle') };
  }
}

export function TypeBadge({ kind }: { kind: string | undefined }) {
  const { id, name } = kindName(kind);
  return (
    <span class="badge" data-testid="type" data-type={id}>
      {name}
    </span>
  );
}
