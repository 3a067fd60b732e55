import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError, post } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { problemMessage } from '../../forms.js';
import { useClient } from '../../queries.js';
import { useCan, useSession } from '../../session.js';
import type { Client } from '../../types.js';
import { useAssessment, useClientAssessments } from '../assessments/data.js';
import { ConferencesPanel, IcmEventsPanel, NotesPanel, TasksPanel } from '../casework/index.js';
import type { PanelPlan } from '../casework/index.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { planKeys, useClientPlans, usePlan } from './data.js';
import { PlanHistorySection } from './PlanHistory.js';
import { itemName, notSharedYet, PlanStatusTag, useClosureLabel } from './shared.js';
import type { ClientPlans, PlanDetail, PlanListEntry } from './types.js';

/** The plan the workspace works on: the open one, else the most recent. */
function currentPlan(plans: PlanListEntry[]): PlanListEntry | null {
  const open = plans.find((p) => p.status !== 'closed');
  if (open) return open;
  return [...plans].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/**
 * The caseworker's workspace for one client (J9, I2, I4): who the client is, the assessment the plan
 * rests on, the plan itself, and the case-management record around it (notes, tasks, case
 * conferences, ICM events, the plan's history), one headed section each with an in-page index.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { clientId } = useParams();
  const can = useCan();
  const me = useSession();
  const fmt = useFormatters();
  const client = useClient(clientId);
  const plans = useClientPlans(clientId);
  const current = plans.data ? currentPlan(plans.data.plans) : null;
  const plan = usePlan(current?.id);
  if (client.isError && isApiError(client.error) && client.error.status === 404) return <NotFoundPage />;

  const saSide = me.organization.kind === 'sa_office';
  const planData = plan.data ?? null;
  const panelPlan: PanelPlan | null = planData
    ? {
        id: planData.id,
        status: planData.status,
        items: planData.subGoals
          .flatMap((s) => s.items)
          .map((i) => ({ id: i.id, name: itemName(i, fmt.locale) })),
      }
    : null;
  const c = client.data;
  const name = c ? `${c.legalGivenName} ${c.legalFamilyName}` : '';
  const sections = [
    { id: 'ws-profile', label: t('plans.workspace.nav.profile'), show: true },
    { id: 'ws-assessment', label: t('plans.workspace.nav.assessment'), show: can('assessment.read') },
    { id: 'ws-plan', label: t('plans.workspace.nav.plan'), show: true },
    { id: 'ws-notes', label: t('plans.workspace.nav.notes'), show: can('case_note.read') },
    { id: 'ws-tasks', label: t('plans.workspace.nav.tasks'), show: can('task.work') },
    { id: 'ws-conferences', label: t('plans.workspace.nav.conferences'), show: can('conference.take_part') },
    { id: 'ws-icm', label: t('plans.workspace.nav.icm'), show: true },
    { id: 'ws-history', label: t('plans.workspace.nav.history'), show: !saSide && Boolean(current) },
  ].filter((s) => s.show);

  return (
    <Page
      title={c ? t('plans.workspace.title', { name }) : t('plans.workspace.titleLoading')}
      back={
        c && can('client.read')
          ? { to: `/clients/${c.id}`, label: t('plans.workspace.backToProfile') }
          : undefined
      }
    >
      <QueryStatus query={client} />
      {c ? (
        <div className="workspace" data-testid="workspace">
          <WorkspaceHeader client={c} plan={planData} />
          <nav className="workspace-nav" aria-label={t('plans.workspace.nav.label')}>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{s.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <ProfileSummary client={c} />
          {can('assessment.read') ? <AssessmentSummarySection clientId={c.id} /> : null}
          <section id="ws-plan" className="section" aria-labelledby="ws-plan-heading" tabIndex={-1}>
            <h2 id="ws-plan-heading">{t('plans.workspace.planHeading')}</h2>
            <QueryStatus query={plans} />
            {plans.data ? <ClientPlansList clientId={c.id} data={plans.data} currentPlan={planData} /> : null}
            {plan.isError && notSharedYet(plan.error) ? (
              <p data-testid="plan-not-shared">{t('plans.plan.notSharedBody')}</p>
            ) : plan.isError ? (
              <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
            ) : null}
          </section>
          {can('case_note.read') ? (
            <div id="ws-notes" tabIndex={-1} className="workspace-panel">
              <NotesPanel clientId={c.id} plan={panelPlan} />
            </div>
          ) : null}
          {can('task.work') ? (
            <div id="ws-tasks" tabIndex={-1} className="workspace-panel">
              <TasksPanel clientId={c.id} plan={panelPlan} />
            </div>
          ) : null}
          {can('conference.take_part') ? (
            <div id="ws-conferences" tabIndex={-1} className="workspace-panel">
              <ConferencesPanel clientId={c.id} plan={panelPlan} />
            </div>
          ) : null}
          <div id="ws-icm" tabIndex={-1} className="workspace-panel">
            <IcmEventsPanel clientId={c.id} plan={panelPlan} />
          </div>
          {!saSide && current ? (
            <div id="ws-history" tabIndex={-1} className="workspace-panel">
              <PlanHistorySection planId={current.id} />
            </div>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}

function WorkspaceHeader({ client, plan }: { client: Client; plan: PlanDetail | null }) {
  const { t } = useTranslation();
  const sa = client.socialAssistance;
  return (
    <dl className="details assessment-header" data-testid="workspace-header">
      <dt>{t('plans.fields.client')}</dt>
      <dd data-testid="workspace-client">
        {client.preferredName ? `${client.preferredName} (${client.legalGivenName})` : client.legalGivenName}{' '}
        {client.legalFamilyName}
      </dd>
      <dt>{t('plans.workspace.reference')}</dt>
      <dd data-testid="workspace-reference">{client.reference}</dd>
      <dt>{t('clients.fields.saProgram')}</dt>
      <dd>
        {sa ? (
          <span className="tag tag--warning">{t(`saPrograms.${sa.program}`)}</span>
        ) : (
          <span className="tag--muted">{t('plans.workspace.noSa')}</span>
        )}
      </dd>
      {sa ? (
        <>
          <dt>{t('clients.fields.saCaseworker')}</dt>
          <dd>{sa.caseworkerName ?? <span className="tag--muted">{t('common.notProvided')}</span>}</dd>
        </>
      ) : null}
      <dt>{t('plans.workspace.provider')}</dt>
      <dd data-testid="workspace-provider">
        {plan ? plan.organization.name : <span className="tag--muted">{t('plans.workspace.noPlanYet')}</span>}
      </dd>
    </dl>
  );
}

function ProfileSummary({ client }: { client: Client }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const missing = <span className="tag--muted">{t('common.notProvided')}</span>;
  return (
    <section id="ws-profile" className="section" aria-labelledby="ws-profile-heading" tabIndex={-1}>
      <h2 id="ws-profile-heading">{t('plans.workspace.profileHeading')}</h2>
      <dl className="details">
        <dt>{t('clients.fields.dateOfBirth')}</dt>
        <dd>{fmt.date(client.dateOfBirth)}</dd>
        <dt>{t('clients.fields.phone')}</dt>
        <dd>{client.phone ?? missing}</dd>
        <dt>{t('clients.fields.email')}</dt>
        <dd>{client.email ?? missing}</dd>
        <dt>{t('clients.fields.preferredContactMethod')}</dt>
        <dd>
          {client.preferredContactMethod ? t(`contactMethods.${client.preferredContactMethod}`) : missing}
        </dd>
        <dt>{t('clients.fields.language')}</dt>
        <dd>
          {client.language === 'other' && client.languageOther
            ? client.languageOther
            : t(`clientLanguages.${client.language}`)}
        </dd>
      </dl>
      {can('client.read') ? (
        <p>
          <Link to={`/clients/${client.id}`}>{t('plans.workspace.fullProfile')}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The latest submitted Common Assessment the plan rests on (A1); the stream is for staff only (C8). */
function AssessmentSummarySection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const list = useClientAssessments(clientId);
  const latest = list.data?.items
    .filter((a) => a.status === 'submitted' && a.submittedAt)
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''))[0];
  const detail = useAssessment(latest?.id);
  return (
    <section id="ws-assessment" className="section" aria-labelledby="ws-assessment-heading" tabIndex={-1}>
      <h2 id="ws-assessment-heading">{t('plans.workspace.assessmentHeading')}</h2>
      <QueryStatus query={list} />
      {list.data && !latest ? (
        <p data-testid="workspace-no-assessment">{t('plans.workspace.noAssessment')}</p>
      ) : null}
      {latest ? (
        <>
          <dl className="details" data-testid="workspace-assessment">
            <dt>{t('assessments.fields.reference')}</dt>
            <dd>
              <Link to={`/assessments/${latest.id}/summary`}>{latest.reference}</Link>
            </dd>
            <dt>{t('assessments.fields.submitted')}</dt>
            <dd>{latest.submittedAt ? fmt.dateTime(latest.submittedAt) : '—'}</dd>
            <dt>{t('assessments.fields.serviceLevel')}</dt>
            <dd>{latest.serviceLevel ? t(`serviceLevels.${latest.serviceLevel}`) : '—'}</dd>
            <dt>{t('assessments.fields.holder')}</dt>
            <dd>{latest.holderName}</dd>
            <dt>{t('assessments.fields.caseworker')}</dt>
            <dd data-testid="workspace-caseworker">
              {detail.data?.caseworker?.name ?? (
                <span className="tag--muted">{t('assessments.summary.notAssigned')}</span>
              )}
            </dd>
            {latest.stream ? (
              <>
                <dt>{t('assessments.fields.streamStaff')}</dt>
                <dd data-testid="workspace-stream" data-stream={latest.stream}>
                  {t('assessments.segmentation.streamValue', {
                    letter: latest.stream,
                    name: t(`streams.${latest.stream}`),
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          {latest.stream ? (
            <p className="callout-inline">
              <strong>{t('assessments.segmentation.internal')}</strong>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** A1: the client's plans, and the way to start one, or why it cannot be started now. */
function ClientPlansList({
  clientId,
  data,
  currentPlan: detail,
}: {
  clientId: string;
  data: ClientPlans;
  currentPlan: PlanDetail | null;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const closureLabel = useClosureLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: { assessmentId?: string }) =>
      post<PlanDetail>(`/clients/${encodeURIComponent(clientId)}/plans`, body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.one(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.ofClient(clientId) });
      navigate(`/plans/${plan.id}`);
    },
  });
  const { canCreate } = data;
  const createError = create.error;
  return (
    <>
      {data.plans.length === 0 ? (
        <p data-testid="workspace-no-plan">{t('plans.workspace.noPlan')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="client-plans">
            <caption className="ontario-show-for-sr">{t('plans.workspace.planHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.fields.reference')}</th>
                <th scope="col">{t('plans.fields.status')}</th>
                <th scope="col">{t('plans.fields.phase')}</th>
                <th scope="col">{t('plans.fields.createdAt')}</th>
                <th scope="col">{t('plans.fields.activatedAt')}</th>
                <th scope="col">{t('plans.fields.closedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.plans.map((p) => (
                <tr key={p.id} data-testid="client-plan" data-status={p.status}>
                  <th scope="row">
                    <Link to={`/plans/${p.id}`} data-testid="open-plan">
                      {p.reference}
                    </Link>
                  </th>
                  <td>
                    <PlanStatusTag status={p.status} />
                  </td>
                  <td>{t(`plans.phases.${p.phase}`)}</td>
                  <td>{fmt.dateTime(p.createdAt)}</td>
                  <td>{p.activatedAt ? fmt.dateTime(p.activatedAt) : '—'}</td>
                  <td>
                    {p.closedAt ? fmt.dateTime(p.closedAt) : '—'}
                    {p.closureReason ? (
                      <>
                        <br />
                        <span className="tag--muted">{closureLabel(p.closureReason)}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail ? <PlanAtAGlance plan={detail} /> : null}
      {can('plan.write') ? (
        canCreate.allowed ? (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              data-testid="create-plan"
              aria-disabled={create.isPending ? true : undefined}
              onClick={() => {
                if (create.isPending) return;
                create.mutate(canCreate.assessmentId ? { assessmentId: canCreate.assessmentId } : {});
              }}
            >
              {t('plans.workspace.create')}
            </button>
          </p>
        ) : (
          <p className="callout-inline" data-testid="create-plan-refused" data-rule={canCreate.rule ?? ''}>
            {canCreate.rule ? <strong>{canCreate.rule}: </strong> : null}
            {canCreate.reason
              ? t(`plans.workspace.canCreate.${canCreate.reason}`, {
                  defaultValue: t('plans.workspace.cannotCreate'),
                })
              : t('plans.workspace.cannotCreate')}
          </p>
        )
      ) : null}
      {createError ? (
        <PageAlert kind="error" heading={t('plans.workspace.createFailed')} live>
          <p>
            {isApiError(createError) && createError.problem.rule ? (
              <strong>{createError.problem.rule}: </strong>
            ) : null}
            {problemMessage(createError, t, i18n.language)}
          </p>
        </PageAlert>
      ) : null}
    </>
  );
}

function PlanAtAGlance({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const items = plan.subGoals.flatMap((s) => s.items);
  return (
    <div className="panel" data-testid="plan-glance">
      <h3>
        <Link to={`/plans/${plan.id}`}>{t('plans.workspace.openPlan', { reference: plan.reference })}</Link>
      </h3>
      <ul>
        {plan.goals
          .filter((g) => g.title)
          .map((g) => (
            <li key={g.ordinal}>
              {t('plans.goals.goalLabel', { n: g.ordinal })} {g.title}
            </li>
          ))}
      </ul>
      <p>
        {t('plans.workspace.glance', {
          subGoals: plan.subGoals.length,
          items: items.length,
          total: fmt.money(plan.totalCostCents),
        })}
      </p>
    </div>
  );
}
