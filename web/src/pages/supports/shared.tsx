import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format.js';
import { CATEGORY_INFO } from '../../../../src/domain/supports/categories.js';
import { PRE_APPROVAL_REASON_LABELS } from '../../../../src/domain/supports/pre-approval.js';
import { WITHHOLD_REASON_LABELS } from '../../../../src/domain/supports/withholding.js';
import './i18n.js';
import { formatSignedCents } from '../../money.js';
import type {
  PreApprovalReason,
  ReportState,
  RequestState,
  SupportCategory,
  SupportProblem,
  SupportView,
  WithholdReason,
} from './types.js';

type Lang = 'en' | 'fr';
const langOf = (language: string): Lang => (language === 'fr' ? 'fr' : 'en');

/**
 * The supports' words in the interface language: money through the domain's formatter (F6 is
 * exact to the cent), and the F5 categories, F6 reasons and F11 reasons in the guidelines' own
 * wording, kept once in the domain.
 */
export function useSupportWords() {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return {
    lang,
    money: (cents: number) => formatSignedCents(cents, lang),
    category: (c: SupportCategory) => CATEGORY_INFO[c].label[lang],
    categoryDescription: (c: SupportCategory) => CATEGORY_INFO[c].description[lang],
    preApprovalReason: (r: PreApprovalReason) => PRE_APPROVAL_REASON_LABELS[r][lang],
    withholdReason: (r: WithholdReason) => WITHHOLD_REASON_LABELS[r][lang],
    problem: (p: SupportProblem) => `${p.rule}${lang === 'fr' ? ' : ' : ': '}${p[lang]}`,
  };
}

/** What the support is for: its F5 category, or the employer use of an employer support. */
export function useWhatLabel(): (s: SupportView) => string {
  const { t } = useTranslation();
  const words = useSupportWords();
  return (s) =>
    s.category
      ? words.category(s.category)
      : s.employerUse
        ? t(`supports.employerUses.${s.employerUse}`)
        : t(`supports.kinds.${s.kind}`);
}

const STATE_TAG: Record<RequestState, string> = {
  draft: 'tag--muted',
  requested: 'tag--warning',
  pre_approval_pending: 'tag--warning',
  approved: 'tag--ok',
  issued: 'tag--ok',
  reported: 'tag--warning',
  report_approved: 'tag--ok',
  withheld: 'tag--danger',
  cancelled: 'tag--muted',
};

export function SupportStateTag({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${STATE_TAG[state]}`} data-testid="support-state" data-state={state}>
      {t(`supports.states.${state}`)}
    </span>
  );
}

const REPORT_TAG: Record<ReportState, string> = {
  due: 'tag--warning',
  overdue: 'tag--danger',
  reported: 'tag--ok',
  reported_late: 'tag--warning',
};

/** F13: when the report is due and where it stands (due, overdue, reported, reported late). */
export function ReportDue({ support }: { support: SupportView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (!support.reportDueOn || !support.reportState)
    return <span className="tag--muted">{t('supports.report.notYet')}</span>;
  const due = fmt.date(support.reportDueOn);
  return (
    <span data-testid="report-due" data-due-on={support.reportDueOn} data-report-state={support.reportState}>
      {t('supports.report.dueOn', { date: due })}{' '}
      <span className={`tag ${REPORT_TAG[support.reportState]}`}>
        {t(`supports.reportStates.${support.reportState}`)}
      </span>
    </span>
  );
}

/** F6: the triggering rule(s), in the guidelines' words; "none needed" when the list is empty. */
export function PreApprovalReasons({ reasons }: { reasons: PreApprovalReason[] }) {
  const { t } = useTranslation();
  const words = useSupportWords();
  if (reasons.length === 0)
    return (
      <span data-testid="pre-approval-none" className="tag--muted">
        {t('supports.preApproval.none')}
      </span>
    );
  return (
    <ul className="summary-list" data-testid="pre-approval-reasons">
      {reasons.map((r) => (
        <li key={r} data-testid="pre-approval-reason" data-reason={r}>
          {t('supports.preApproval.reasonLine', { reason: words.preApprovalReason(r) })}
        </li>
      ))}
    </ul>
  );
}

/** Rule problems (F1, F4, F5, F8, F9, F13…) as a list, each with its rule id. */
export function ProblemList({ problems, testId }: { problems: SupportProblem[]; testId: string }) {
  const words = useSupportWords();
  if (problems.length === 0) return null;
  return (
    <ul data-testid={testId}>
      {problems.map((p) => (
        <li key={`${p.rule}-${p.code}`} data-testid="support-problem" data-rule={p.rule} data-code={p.code}>
          {words.problem(p)}
        </li>
      ))}
    </ul>
  );
}
