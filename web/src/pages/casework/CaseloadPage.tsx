import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SelectField, SubmitButton } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { useCan } from '../../session.js';
import { useCaseload } from './data.js';
import { PlanStatusTag } from '../plans/shared.js';
import { DueTag, LoadError, ontarioDateOf, PhaseLabel } from './shared.js';
import { useAssignees } from './TasksPanel.js';
import {
  CASELOAD_DUE_FILTERS,
  PLAN_PHASES,
  PLAN_STATUSES,
  STREAMS,
  type CaseloadDueFilter,
  type CaseloadEntry,
  type CaseloadQuery,
  type PlanPhase,
  type PlanStatus,
  type Stream,
} from './types.js';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';

const FILTERS = ['caseworker', 'planStatus', 'phase', 'stream', 'due'] as const;

/**
 * J9: the caseworker's own clients with where their plan stands and what needs doing next. One
 * request for the whole caseload (150 clients and more): the API counts tasks and last contact, the
 * table only renders. Filters live in the address so a lead can link to a colleague's caseload.
 */
export function CaseloadPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const query: CaseloadQuery = {
    caseworker: params.get('caseworker') || 'me',
    planStatus: oneOf<PlanStatus | 'none'>([...PLAN_STATUSES, 'none'], params.get('planStatus')),
    phase: oneOf<PlanPhase>(PLAN_PHASES, params.get('phase')),
    stream: oneOf<Stream>(STREAMS, params.get('stream')),
    due: oneOf<CaseloadDueFilter>(CASELOAD_DUE_FILTERS, params.get('due')),
  };
  const caseload = useCaseload(query);
  const isLead = can('caseload.assign');
  const assignees = useAssignees();
  const whose =
    query.caseworker === 'me' ? null : (assignees.find((a) => a.id === query.caseworker)?.name ?? null);

  return (
    <Page
      title={whose ? t('casework.caseload.titleOf', { name: whose }) : t('casework.caseload.title')}
      lead={t('casework.caseload.lead')}
      {...(isLead ? { back: { to: '/caseload/board', label: t('casework.board.title') } } : {})}
    >
      <CaseloadFilters
        key={params.toString()}
        query={query}
        caseworkers={isLead ? assignees : []}
        onApply={(next) => {
          const out = new URLSearchParams();
          for (const key of FILTERS) {
            const value = next[key];
            if (value && !(key === 'caseworker' && value === 'me')) out.set(key, value);
          }
          setParams(out);
        }}
      />
      <QueryStatus query={caseload} failure={LoadError} />
      {caseload.data ? (
        <>
          <dl className="stat-grid" data-testid="caseload-counts">
            <div className="stat">
              <dt>{t('casework.caseload.counts.clients')}</dt>
              <dd>{caseload.data.counts.clients}</dd>
            </div>
            <div className="stat">
              <dt>{t('casework.caseload.counts.outstandingTasks')}</dt>
              <dd>{caseload.data.counts.outstandingTasks}</dd>
            </div>
            <div className="stat">
              <dt>{t('casework.caseload.counts.overdueTasks')}</dt>
              <dd>{caseload.data.counts.overdueTasks}</dd>
            </div>
            <div className="stat">
              <dt>
                {t('casework.caseload.counts.noContact', { count: caseload.data.counts.noContactDays })}
              </dt>
              <dd>{caseload.data.counts.noContact}</dd>
            </div>
          </dl>
          <CaseloadTable clients={caseload.data.clients} />
        </>
      ) : null}
    </Page>
  );
}

function CaseloadFilters({
  query,
  caseworkers,
  onApply,
}: {
  query: CaseloadQuery;
  caseworkers: { id: string; name: string }[];
  onApply: (query: CaseloadQuery) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(query);
  const set = (key: keyof CaseloadQuery) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  // Applied with a button, not on change: a new table under a select that is still being browsed
  // would move a screen-reader user's context (WCAG 3.2.2).
  return (
    <form
      className="form--inline"
      role="search"
      aria-label={t('casework.caseload.filters')}
      onSubmit={submit}
    >
      {caseworkers.length > 1 ? (
        <SelectField
          id="caseload-caseworker"
          label={t('casework.caseload.fields.caseworker')}
          options={[
            { value: 'me', label: t('casework.caseload.me') },
            ...caseworkers.map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={draft.caseworker ?? 'me'}
          onChange={set('caseworker')}
        />
      ) : null}
      <SelectField
        id="caseload-planStatus"
        label={t('casework.caseload.fields.planStatus')}
        placeholder={t('casework.caseload.any')}
        options={[
          ...PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) })),
          { value: 'none', label: t('casework.caseload.noPlan') },
        ]}
        value={draft.planStatus ?? ''}
        onChange={set('planStatus')}
      />
      <SelectField
        id="caseload-phase"
        label={t('casework.caseload.fields.phase')}
        placeholder={t('casework.caseload.any')}
        options={PLAN_PHASES.map((p) => ({ value: p, label: t(`casework.phases.${p}`) }))}
        value={draft.phase ?? ''}
        onChange={set('phase')}
      />
      <SelectField
        id="caseload-stream"
        label={t('casework.caseload.fields.stream')}
        placeholder={t('casework.caseload.any')}
        options={STREAMS.map((s) => ({ value: s, label: `${s} – ${t(`streams.${s}`)}` }))}
        value={draft.stream ?? ''}
        onChange={set('stream')}
      />
      <SelectField
        id="caseload-due"
        label={t('casework.caseload.fields.due')}
        placeholder={t('casework.caseload.any')}
        options={CASELOAD_DUE_FILTERS.map((d) => ({
          value: d,
          label: t(`casework.caseload.dueFilters.${d}`),
        }))}
        value={draft.due ?? ''}
        onChange={set('due')}
      />
      <div className="ontario-form-group">
        <SubmitButton variant="secondary" testId="caseload-apply">
          {t('casework.caseload.apply')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Plain rows: nothing here fetches or computes per client, so 150 rows render at once. */
export function CaseloadTable({
  clients,
  showCaseworker = false,
}: {
  clients: CaseloadEntry[];
  showCaseworker?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (clients.length === 0) return <p data-testid="caseload-empty">{t('casework.caseload.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="caseload-table">
        <caption className="ontario-show-for-sr">
          {t('casework.caseload.caption', { count: clients.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('casework.caseload.fields.client')}</th>
            <th scope="col">{t('casework.caseload.fields.plan')}</th>
            <th scope="col">{t('casework.caseload.fields.stream')}</th>
            {showCaseworker ? <th scope="col">{t('casework.caseload.fields.caseworker')}</th> : null}
            <th scope="col" className="numeric">
              {t('casework.caseload.fields.openTasks')}
            </th>
            <th scope="col" className="numeric">
              {t('casework.caseload.fields.overdueTasks')}
            </th>
            <th scope="col">{t('casework.caseload.fields.nextDue')}</th>
            <th scope="col">{t('casework.caseload.fields.lastContact')}</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.clientId} data-testid="caseload-row" data-reference={c.reference}>
              <th scope="row">
                <Link to={`/clients/${c.clientId}/workspace`}>{c.displayName}</Link>{' '}
                <span className="tag--muted">({c.reference})</span>
                {c.saProgram ? (
                  <>
                    {' '}
                    <span className="tag tag--warning">{t(`saProgramsShort.${c.saProgram}`)}</span>
                  </>
                ) : null}
              </th>
              <td>
                {c.plan ? (
                  <>
                    <PlanStatusTag status={c.plan.status} />
                    <br />
                    <PhaseLabel phase={c.plan.phase} />
                  </>
                ) : (
                  <span className="tag--muted">{t('casework.caseload.noPlan')}</span>
                )}
              </td>
              <td>{c.plan ? c.plan.stream : <span className="tag--muted">—</span>}</td>
              {showCaseworker ? <td>{c.caseworker?.name ?? '—'}</td> : null}
              <td className="numeric">{c.openTasks}</td>
              <td className="numeric">{c.overdueTasks ? <DueTagCount count={c.overdueTasks} /> : 0}</td>
              <td>{c.nextDueOn ? fmt.date(c.nextDueOn, 'medium') : <span className="tag--muted">—</span>}</td>
              <td>
                {c.lastContactAt ? (
                  <>
                    {fmt.date(ontarioDateOf(c.lastContactAt), 'medium')}
                    <br />
                    <span className="tag--muted">
                      {t('casework.caseload.daysAgo', { count: c.daysSinceContact ?? 0 })}
                    </span>
                  </>
                ) : (
                  <span className="tag--muted">{t('casework.caseload.noContactYet')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DueTagCount({ count }: { count: number }) {
  return (
    <>
      {count} <DueTag due="overdue" />
    </>
  );
}
