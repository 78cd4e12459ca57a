import { useMemo, useState } from 'preact/hooks';
import { displayLocale, t } from '../shared/i18n';
import { formatCount } from '../shared/locale-format';
import { whatIfShown, type WhatIfData } from './audit-aggregates';

interface Props {
  data: WhatIfData;
  /** The thresholds in force now (the starting values). */
  current: { minRelevanceScore: number; maxContentAgeDays: number };
}

function parse(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/** "What if": how many of the delivered items other thresholds would have shown. */
export function WhatIf({ data, current }: Props) {
  const [score, setScore] = useState(String(current.minRelevanceScore));
  const [age, setAge] = useState(String(current.maxContentAgeDays));
  const minRelevanceScore = parse(score, 0, 1);
  const maxContentAgeDays = parse(age, 0.0001, 36_500);
  const would = useMemo(
    () => (minRelevanceScore !== null && maxContentAgeDays !== null ? whatIfShown(data, { minRelevanceScore, maxContentAgeDays }) : null),
    [data, minRelevanceScore, maxContentAgeDays],
  );
  return (
    <section class="what-if" aria-labelledby="what-if-title">
      <h3 id="what-if-title">{t('auditWhatIfTitle')}</h3>
      <div class="what-if__controls">
        <label>
          {t('labelMinRelevanceScore')}
          <input type="number" min="0" max="1" step="0.01" value={score} data-testid="what-if-score" aria-invalid={minRelevanceScore === null} onInput={(event) => setScore(event.currentTarget.value)} />
        </label>
        <label>
          {t('labelMaxContentAgeDays')}
          <input type="number" min="0" step="any" value={age} data-testid="what-if-age" aria-invalid={maxContentAgeDays === null} onInput={(event) => setAge(event.currentTarget.value)} />
        </label>
      </div>
      <p role="status" data-testid="what-if-result" data-would={would ?? ''} data-actual={data.shown}>
        {would === null ? t('auditWhatIfInvalid') : t('auditWhatIfResult', [would, data.scores.length, data.shown].map((value) => formatCount(value, displayLocale())))}
      </p>
    </section>
  );
}
