import { displayLocale, t } from '../shared/i18n';
import { formatPercent } from '../shared/locale-format';
import type { HiddenRecommendation } from '../shared/recommendation';
import type { PanelSettings } from '../shared/settings';
import { daysAgo, daysSince } from './published-date';
import { scorePercent, thresholdPercent } from './relevance-score';

export type Thresholds = Pick<PanelSettings, 'minRelevanceScore' | 'maxContentAgeDays'>;

/** Why an item was filtered out, in words, against the thresholds now in force. */
export function describeHiddenReason(hidden: HiddenRecommendation, thresholds: Thresholds, now: number): string {
  const item = hidden.recommendation;
  switch (hidden.reason) {
    case 'low-score':
      // Intl writes the percentages ("62 %" in German), the message only places them.
      return t('hiddenLowScore', [formatPercent(scorePercent(item.relevanceScore) / 100, displayLocale(), 0), formatPercent(thresholdPercent(thresholds.minRelevanceScore) / 100, displayLocale(), 1)]);
    case 'too-old': {
      const days = daysSince(item.publishedDate, now);
      if (days === null) return t('hiddenTooOldUnknownAge', [thresholds.maxContentAgeDays]);
      return t('hiddenTooOld', [daysAgo(days), thresholds.maxContentAgeDays]);
    }
  }
}
