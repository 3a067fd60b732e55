import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MatrixFactor } from '../../types.js';

/** French writes a language's name in lower case inside a sentence ("en arabe"); English does not. */
export const languageInSentence = (name: string, locale: string) =>
  locale === 'fr' ? name.toLocaleLowerCase('fr-CA') : name;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** One sentence per factor, built from its facts, so "why this provider" reads in either language (P6). */
export function factorSentence(f: MatrixFactor, t: TFunction, locale: string): string {
  const d = f.detail;
  const join = (values: string[], prefix: string) => values.map((v) => t(`${prefix}.${v}`)).join(', ');
  const state = f.met ? 'met' : 'unmet';
  switch (f.code) {
    case 'specialized_population':
      return t(`matrixFactors.specialized_population.${state}`, {
        populations: join(list(d.matched), 'populations.name') || '—',
      });
    case 'language':
      return t(`matrixFactors.language.${state}`, {
        language: languageInSentence(t(`serviceLanguages.${String(d.language)}`), locale),
      });
    case 'accessibility':
      return t(`matrixFactors.accessibility.${state}`, {
        matched: join(list(d.matched), 'accessibilityFeatures') || '—',
        missing: join(list(d.missing), 'accessibilityFeatures') || '—',
      });
    case 'distance':
      return t(`matrixFactors.distance.${state}`, { km: Number(d.km) });
    case 'capacity_equity':
      return t(`matrixFactors.capacity_equity.${state}`, { percent: Number(d.utilisationPercent) });
    default:
      return t(`matrixFactors.${f.code}.${state}`, { defaultValue: f.code });
  }
}

/** The factors behind a provider's place in the ranking; the client's choice only when it was made. */
export function Factors({ factors, testId }: { factors: MatrixFactor[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const shown = factors.filter((f) => f.code !== 'client_choice' || f.met);
  return (
    <ul className="factors" data-testid={testId}>
      {shown.map((f) => (
        <li key={f.code} className={f.met ? 'factor factor--met' : 'factor factor--unmet'}>
          <span className="ontario-show-for-sr">
            {f.met ? t('referrals.matrix.factorMet') : t('referrals.matrix.factorUnmet')}:{' '}
          </span>
          <span aria-hidden="true" className="factor__mark">
            {f.met ? '✓' : '✗'}
          </span>{' '}
          {factorSentence(f, t, i18n.language)} <span className="tag--muted">({f.rule})</span>
          {f.points ? (
            <span className="tag--muted"> · {t('referrals.matrix.points', { count: f.points })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
