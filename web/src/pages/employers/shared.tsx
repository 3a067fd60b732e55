import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../../src/domain/supports/pre-approval.js';
import {
  EMPLOYER_CHECKLIST_LABELS,
  PLACEMENT_REQUIREMENT_LABELS,
} from '../../../../src/domain/supports/employers.js';
import { useFormatters } from '../../format.js';
import type { EmployerChecklistItem, PlacementRequirement, RequestState, SupportProblem } from './types.js';

/** Money in the interface language, by the supports domain's own formatter (integer cents). */
export function useMoney(): (cents: number) => string {
  const { locale } = useFormatters();
  return (cents) => formatCents(cents, locale);
}

/** F10: a criterion of §13 in the interface language, in the domain's own words. */
export function useChecklistLabel(): (item: EmployerChecklistItem) => string {
  const { locale } = useFormatters();
  return (item) => EMPLOYER_CHECKLIST_LABELS[item][locale];
}

/** F10: eligible when every criterion is confirmed. */
export function EligibleTag({ eligible }: { eligible: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`tag ${eligible ? 'tag--ok' : 'tag--warning'}`}
      data-testid="employer-eligible"
      data-eligible={eligible}
    >
      {eligible ? t('employers.eligibility.eligible') : t('employers.eligibility.notEligible')}
    </span>
  );
}

const ANSWER_TAG = { yes: 'tag--ok', no: 'tag--danger', not_checked: 'tag--muted' } as const;

export function ChecklistAnswerTag({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  const answer = value === true ? 'yes' : value === false ? 'no' : 'not_checked';
  return (
    <span className={`tag ${ANSWER_TAG[answer]}`} data-testid="checklist-answer" data-answer={answer}>
      {t(`employers.checklist.answers.${answer}`)}
    </span>
  );
}

const SUPPORT_STATE_TAG: Record<RequestState, string> = {
  draft: 'tag--muted',
  requested: 'tag--muted',
  pre_approval_pending: 'tag--warning',
  approved: 'tag--ok',
  issued: 'tag--ok',
  reported: 'tag--ok',
  report_approved: 'tag--ok',
  withheld: 'tag--danger',
  cancelled: 'tag--muted',
};

export function SupportStateTag({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${SUPPORT_STATE_TAG[state]}`} data-testid="support-state" data-state={state}>
      {t(`employers.supportStates.${state}`)}
    </span>
  );
}

/** F10: what is still missing before the placement may start, in the order of §13. */
export function ReadinessList({ missing }: { missing: readonly PlacementRequirement[] }) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  if (missing.length === 0)
    return (
      <p data-testid="placement-ready">
        <span className="tag tag--ok">{t('employers.readiness.ready')}</span>{' '}
        {t('employers.readiness.readyBody')}
      </p>
    );
  return (
    <>
      <p>{t('employers.readiness.missingLead', { count: missing.length })}</p>
      <ul data-testid="placement-missing">
        {missing.map((m) => (
          <li key={m} data-testid="placement-missing-item" data-requirement={m}>
            {PLACEMENT_REQUIREMENT_LABELS[m][locale]}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every rule a refusal names (F4, F9, F10 …), in the interface language. */
export function RuleProblems({ problems }: { problems: readonly SupportProblem[] }) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  if (problems.length === 0) return null;
  return (
    <div className="section" data-testid="rule-problems">
      <p>{t('employers.problems.lead')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.rule}-${p.code}`} data-rule={p.rule} data-code={p.code}>
            {t('employers.problems.item', { rule: p.rule, message: locale === 'fr' ? p.fr : p.en })}
          </li>
        ))}
      </ul>
    </div>
  );
}
