import { t } from '../shared/i18n';
import type { RecommendationType } from '../shared/recommendation';

const TYPE_NAMES: Record<RecommendationType, () => string> = {
  article: () => t('typeArticle'),
  faq: () => t('typeFaq'),
  answer: () => t('typeAnswer'),
  'canned-response': () => t('typeCannedResponse'),
  script: () => t('typeScript'),
};

/** What kind of content a card is; providers that do not say give articles. */
export function TypeBadge({ type }: { type: RecommendationType | undefined }) {
  const kind = type ?? 'article';
  return (
    <span class="badge" data-testid="type" data-type={kind}>
      {TYPE_NAMES[kind]()}
    </span>
  );
}
