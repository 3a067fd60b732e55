import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useClientPlans, usePlan } from './data.js';
import {
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  type PlanDetail,
  type PlanItem,
  type PlanItemStatus,
  type PlanStatus,
} from './types.js';

const STATUS_TAG: Record<PlanStatus, string> = {
  draft: 'tag--warning',
  active: 'tag--ok',
  active_on_hold: 'tag--warning',
  closed: 'tag--muted',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${STATUS_TAG[status]}`} data-testid="plan-status" data-status={status}>
      {t(`plans.statuses.${status}`)}
    </span>
  );
}

const ITEM_TAG: Record<PlanItemStatus, string> = {
  planned: 'tag--muted',
  in_progress: 'tag--warning',
  completed: 'tag--ok',
  cancelled: 'tag--muted',
};

export function ItemStatusTag({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${ITEM_TAG[status]}`} data-testid="item-status" data-status={status}>
      {t(`plans.itemStatuses.${status}`)}
    </span>
  );
}

/** A9: the closure reason in §11's words, in the interface language. */
export function useClosureLabel(): (reason: ClosureReason) => string {
  const { i18n } = useTranslation();
  return (reason) => CLOSURE_REASON_LABELS[reason][i18n.language === 'fr' ? 'fr' : 'en'];
}

/** An item's name in the interface language (a custom item's title is the same in both). */
export function itemName(item: Pick<PlanItem, 'nameEn' | 'nameFr'>, locale: string): string {
  return locale === 'fr' ? item.nameFr || item.nameEn : item.nameEn || item.nameFr;
}

/** I2: a draft is not yet shared with the SA side; the API refuses it with 403 and the rule. */
export const notSharedYet = (error: unknown) =>
  isApiError(error) && error.status === 403 && error.problem.rule === 'I2';

/**
 * Loads a plan from the route's `:planId` and renders the page around it: one title, a way back,
 * loading and failure states said the same way everywhere.
 */
export function PlanPageFrame({
  title,
  back,
  children,
}: {
  title: (plan: PlanDetail | undefined) => string;
  back?: (plan: PlanDetail) => { to: string; label: string };
  children: (plan: PlanDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isError && isApiError(plan.error) && plan.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={title(plan.data)} back={plan.data && back ? back(plan.data) : undefined}>
      {plan.isPending ? <Loading /> : null}
      {plan.isError && notSharedYet(plan.error) ? (
        <PageAlert kind="informational" heading={t('plans.plan.notSharedHeading')}>
          <p data-testid="plan-not-shared">{t('plans.plan.notSharedBody')}</p>
        </PageAlert>
      ) : plan.isError ? (
        <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : null}
      {plan.data ? children(plan.data) : null}
    </Page>
  );
}

/** The client's current plan, as one line on the client's profile, with the way to the workspace. */
export function ClientPlanLine({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const plans = useClientPlans(clientId);
  const current = plans.data?.plans.find((p) => p.status !== 'closed') ?? plans.data?.plans[0];
  return (
    <p className="actions" data-testid="client-plan-line">
      <Link
        className="ontario-button ontario-button--secondary"
        to={`/clients/${clientId}/workspace`}
        data-testid="open-workspace"
      >
        {t('plans.workspace.open')}
      </Link>
      {current ? (
        <span>
          {t('plans.workspace.currentPlan', { reference: current.reference })}{' '}
          <PlanStatusTag status={current.status} />
        </span>
      ) : null}
    </p>
  );
}
