import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormatters } from '../../format.js';
import { useCan } from '../../session.js';
import type {
  AgeingState,
  AssessmentDetail,
  AssessmentStatus,
  QuestionBank,
  SectionStatus,
} from '../../types.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useAssessment, useQuestionBank } from './data.js';

const STATUS_TAG: Record<AssessmentStatus, string> = {
  in_progress: 'tag--warning',
  submitted: 'tag--ok',
  cancelled: 'tag--muted',
  closed_in_error: 'tag--danger',
};

export function StatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${STATUS_TAG[status]}`} data-testid="assessment-status" data-status={status}>
      {t(`assessmentStatuses.${status}`)}
    </span>
  );
}

const TASK_TAG: Record<SectionStatus | 'cannot_start', string> = {
  not_started: 'tag--muted',
  in_progress: 'tag--warning',
  complete: 'tag--ok',
  cannot_start: 'tag--muted',
};

export function TaskStatusTag({ status, id }: { status: SectionStatus | 'cannot_start'; id?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${TASK_TAG[status]}`} id={id} data-status={status}>
      {t(`assessments.taskStatus.${status}`)}
    </span>
  );
}

const AGEING_TAG: Record<AgeingState, string> = {
  open: 'tag--muted',
  ageing: 'tag--warning',
  aged: 'tag--danger',
};

export function AgeingTag({ state, days }: { state: AgeingState; days: number }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${AGEING_TAG[state]}`} data-testid="ageing" data-state={state}>
      {t(`assessments.ageing.${state}`, { count: days })}
    </span>
  );
}

/** The CA's number, client, status and holder, at the top of every assessment page. */
export function AssessmentHeader({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  return (
    <dl className="details assessment-header" data-testid="assessment-header">
      <dt>{t('assessments.fields.reference')}</dt>
      <dd data-testid="assessment-reference">{detail.reference}</dd>
      <dt>{t('assessments.fields.client')}</dt>
      <dd>
        {can('client.read') ? (
          <Link to={`/clients/${detail.client.id}`}>{detail.client.name}</Link>
        ) : (
          detail.client.name
        )}{' '}
        <span className="tag--muted">
          ({detail.client.reference} · {fmt.date(detail.client.dateOfBirth)})
        </span>
        {detail.client.saProgram ? (
          <>
            {' '}
            <span className="tag tag--warning">{t(`saPrograms.${detail.client.saProgram}`)}</span>
          </>
        ) : null}
      </dd>
      <dt>{t('assessments.fields.status')}</dt>
      <dd>
        <StatusTag status={detail.status} />
      </dd>
      <dt>{t('assessments.fields.holder')}</dt>
      <dd data-testid="assessment-holder">{detail.holder.name}</dd>
    </dl>
  );
}

/**
 * Loads an assessment (and its question bank) from the route's `:assessmentId` and renders the page
 * around it: one title, a way back, loading and failure states said the same way everywhere.
 */
export function AssessmentPage({
  title,
  back,
  needsBank = false,
  header = true,
  children,
}: {
  title: (detail: AssessmentDetail | undefined, bank: QuestionBank | undefined) => string;
  back?: (detail: AssessmentDetail) => { to: string; label: string };
  needsBank?: boolean;
  header?: boolean;
  children: (detail: AssessmentDetail, bank: QuestionBank | undefined) => ReactNode;
}) {
  const { assessmentId } = useParams();
  const detail = useAssessment(assessmentId);
  const bank = useQuestionBank(needsBank ? detail.data?.questionBankVersion : undefined);
  const { t } = useTranslation();

  if (detail.isError && isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
  const data = detail.data;
  const ready = data && (!needsBank || bank.data);
  return (
    <Page
      title={title(data, bank.data)}
      back={
        data && back
          ? back(data)
          : data
            ? { to: `/assessments/${data.id}`, label: t('assessments.backToTasks') }
            : undefined
      }
    >
      {detail.isPending || (needsBank && data && bank.isPending) ? <Loading /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {bank.isError ? <QueryError error={bank.error} onRetry={() => void bank.refetch()} /> : null}
      {ready ? (
        <>
          {header ? <AssessmentHeader detail={data} /> : null}
          {children(data, bank.data)}
        </>
      ) : null}
    </Page>
  );
}
