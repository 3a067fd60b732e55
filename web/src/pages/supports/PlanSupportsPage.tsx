import { useTranslation } from 'react-i18next';
import { PageAlert } from '../../components/Alert.js';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useCan } from '../../session.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { usePlan } from '../plans/data.js';
import { usePlanSupports } from './data.js';
import { ReportDue, SupportStateTag, useSupportWords, useWhatLabel } from './shared.js';
import type { PlanSupports, SupportView } from './types.js';

/**
 * A plan's employment-related financial supports (F2–F13): each with its state and F13 report due
 * date, and the client's F6 running total against the $3,500.00 that calls for SSM pre-approval.
 * Provider caseworkers request from here; the SA caseworker reads what was issued (I3).
 */
export function PlanSupportsPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const plan = usePlan(planId);
  const supports = usePlanSupports(planId);
  if (supports.isError && isApiError(supports.error) && supports.error.status === 404)
    return <NotFoundPage />;
  return (
    <Page
      title={
        plan.data
          ? t('supports.plan.title', { reference: plan.data.reference })
          : t('supports.plan.titleLoading')
      }
      back={planId ? { to: `/plans/${planId}`, label: t('supports.plan.backToPlan') } : undefined}
      lead={plan.data ? t('supports.plan.lead', { client: plan.data.client.displayName }) : undefined}
    >
      <QueryStatus query={supports} />
      {supports.data && planId ? <PlanSupportsBody planId={planId} view={supports.data} /> : null}
    </Page>
  );
}

function PlanSupportsBody({ planId, view }: { planId: string; view: PlanSupports }) {
  const { t } = useTranslation();
  const can = useCan();
  const words = useSupportWords();
  const over = view.planTotalCents > view.thresholds.planTotalCents;
  return (
    <div data-testid="plan-supports">
      <dl className="details">
        <dt>{t('supports.plan.total')}</dt>
        <dd data-testid="plan-total" data-cents={view.planTotalCents}>
          {t('supports.plan.totalOf', {
            total: words.money(view.planTotalCents),
            threshold: words.money(view.thresholds.planTotalCents),
          })}{' '}
          {over ? <span className="tag tag--warning">{t('supports.plan.overThreshold')}</span> : null}
          <br />
          <span className="tag--muted">
            {t('supports.plan.totalHint', { item: words.money(view.thresholds.itemCents) })}
          </span>
        </dd>
        {view.clientFlags.saProgram ? (
          <>
            <dt>{t('supports.plan.saProgram')}</dt>
            <dd>{t(`saPrograms.${view.clientFlags.saProgram}`)}</dd>
          </>
        ) : null}
      </dl>
      {view.requesting.problems.length ? (
        <div data-testid="requesting-stopped">
          <PageAlert kind="informational" heading={t('supports.plan.cannotRequest')}>
            <ul>
              {view.requesting.problems.map((p) => (
                <li key={p.code}>{words.problem(p)}</li>
              ))}
            </ul>
          </PageAlert>
        </div>
      ) : null}
      {can('support.request') && view.requesting.allowed ? (
        <p className="actions">
          <Link
            className="ontario-button ontario-button--primary"
            to={`/plans/${planId}/supports/new`}
            data-testid="request-support"
          >
            {t('supports.plan.request')}
          </Link>
          <Link
            className="ontario-button ontario-button--secondary"
            to={`/plans/${planId}/placements/new`}
            data-testid="new-placement"
          >
            {t('supports.plan.placement')}
          </Link>
        </p>
      ) : null}
      <SupportsTable supports={view.supports} caption={t('supports.plan.caption')} />
    </div>
  );
}

/** The supports of a plan as a table: reference, what, amount, state, F13 report. */
export function SupportsTable({ supports, caption }: { supports: SupportView[]; caption: string }) {
  const { t } = useTranslation();
  const words = useSupportWords();
  const what = useWhatLabel();
  if (supports.length === 0)
    return (
      <p data-testid="supports-none" className="tag--muted">
        {t('supports.plan.none')}
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="supports-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supports.fields.reference')}</th>
            <th scope="col">{t('supports.fields.what')}</th>
            <th scope="col" className="numeric">
              {t('supports.fields.amount')}
            </th>
            <th scope="col">{t('supports.fields.state')}</th>
            <th scope="col">{t('supports.fields.report')}</th>
          </tr>
        </thead>
        <tbody>
          {supports.map((s) => (
            <tr key={s.id} data-testid="support-row" data-reference={s.reference} data-state={s.state}>
              <th scope="row">
                <Link to={`/supports/${s.id}`}>{s.reference}</Link>
              </th>
              <td>
                {what(s)}
                {s.description ? (
                  <>
                    <br />
                    <span className="tag--muted">{s.description}</span>
                  </>
                ) : null}
              </td>
              <td className="numeric" data-cents={s.amountCents}>
                {words.money(s.amountCents)}
              </td>
              <td>
                <SupportStateTag state={s.state} />
              </td>
              <td>
                <ReportDue support={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
