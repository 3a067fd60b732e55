import { useTranslation } from 'react-i18next';
import {
  fiscalQuarterOf,
  fiscalQuarterRange,
  type FiscalQuarter,
} from '../../../../src/domain/calendar/fiscal-year.js';
import { todayIso, useFormatters } from '../../format.js';
import { evidenceFileUrl } from './data.js';
import { fiscalYearName } from './logic.js';
import type { EvidenceGap, EvidenceView, LedgerLineState } from './types.js';

const LEDGER_TAG: Record<LedgerLineState, string> = {
  not_met: 'tag--muted',
  earned: 'tag--ok',
  deferred: 'tag--warning',
  released: 'tag--ok',
  approved: 'tag--ok',
  paid: 'tag--ok',
};

export function LedgerStateTag({ state }: { state: LedgerLineState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${LEDGER_TAG[state]}`} data-testid="ledger-state" data-state={state}>
      {t(`pbf.ledgerStates.${state}`)}
    </span>
  );
}

/** The fiscal quarter today falls in (1 April–31 March years, in Ontario's time). */
export const currentFiscalQuarter = (): FiscalQuarter => fiscalQuarterOf(todayIso());

/** "2026–27 Q3 (October 1 – December 31, 2026)", in the interface language. */
export function useQuarterLabel(): (q: FiscalQuarter, withRange?: boolean) => string {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (q, withRange = false) => {
    const name = t('pbf.quarter.label', { year: fiscalYearName(q.fiscalYear), quarter: q.quarter });
    if (!withRange) return name;
    const { from, to } = fiscalQuarterRange(q);
    return t('pbf.quarter.labelWithRange', { name, from: fmt.date(from), to: fmt.date(to) });
  };
}

/** M9: the documents on file, each opening in a new tab, with the four details it was checked for. */
export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (evidence.length === 0) return <p data-testid="evidence-none">{t('pbf.evidence.none')}</p>;
  const checks = ['showsClientName', 'showsBusinessName', 'coversDate', 'showsTwentyPlusHours'] as const;
  return (
    <ul className="evidence-list" data-testid="evidence-list">
      {evidence.map((e) => (
        <li key={e.id} data-testid="evidence" data-sufficient={e.sufficient}>
          <a href={evidenceFileUrl(e.id)} target="_blank" rel="noopener noreferrer">
            {e.fileName ?? t(`pbf.evidenceKinds.${e.kind}`)}
            <span className="ontario-show-for-sr"> {t('pbf.evidence.opensInNewTab')}</span>
          </a>{' '}
          <span className="tag--muted">
            (
            {[t(`pbf.evidenceKinds.${e.kind}`), fmt.dateTime(e.uploadedAt), e.uploadedBy]
              .filter(Boolean)
              .join(', ')}
            )
          </span>{' '}
          <span className={`tag ${e.sufficient ? 'tag--ok' : 'tag--warning'}`}>
            {e.sufficient ? t('pbf.evidence.sufficient') : t('pbf.evidence.insufficient')}
          </span>
          <ul className="evidence-checks">
            {checks.map((c) => (
              <li key={c}>
                {t(e[c] ? 'pbf.evidence.checkedLine' : 'pbf.evidence.notCheckedLine', {
                  check: t(`pbf.evidence.checks.${c}`),
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** M9/M10: what keeps the evidence from counting, each with its rule. */
export function EvidenceGaps({ gaps }: { gaps: EvidenceGap[] }) {
  const { t } = useTranslation();
  if (gaps.length === 0)
    return (
      <p data-testid="evidence-gaps-none">
        <span className="tag tag--ok">{t('pbf.gaps.none')}</span>
      </p>
    );
  return (
    <ul data-testid="evidence-gaps">
      {gaps.map((g) => (
        <li key={`${g.part}-${g.code}`} data-testid="evidence-gap" data-rule={g.rule} data-code={g.code}>
          {t('pbf.gaps.line', {
            rule: g.rule,
            part: t(`pbf.evidenceParts.${g.part}`),
            gap: t(`pbf.gaps.codes.${g.code}`),
          })}
        </li>
      ))}
    </ul>
  );
}
