import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SelectField, SubmitButton } from '../../components/fields.js';
import { collect, useFormErrors } from '../../forms.js';
import { useAssignCaseworker, useCaseload, useCaseloadBoard } from './data.js';
import { PlanStatusTag } from '../plans/shared.js';
import { ActionError, LoadError, PhaseLabel, SavedStatus } from './shared.js';
import type { BoardCaseworker, CaseloadEntry } from './types.js';

const NO_CONTACT_CHOICES = [7, 14, 30, 60, 90] as const;

/**
 * J9: the lead's view of the team — each caseworker's clients, outstanding and overdue tasks, and
 * clients not contacted in N days; the clients nobody holds; and (re)assignment, which tells the SA
 * side at once (I4).
 */
export function CaseloadBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('noContactDays'));
  const noContactDays = NO_CONTACT_CHOICES.includes(asked as (typeof NO_CONTACT_CHOICES)[number])
    ? asked
    : 30;
  const board = useCaseloadBoard(noContactDays);
  const [days, setDays] = useState(String(noContactDays));
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Page title={t('casework.board.title')} lead={t('casework.board.lead')}>
      <form
        className="form--inline"
        aria-label={t('casework.board.periodLabel')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setParams({ noContactDays: days });
        }}
      >
        <SelectField
          id="board-noContactDays"
          label={t('casework.board.noContactDays')}
          options={NO_CONTACT_CHOICES.map((n) => ({
            value: String(n),
            label: t('casework.board.days', { count: n }),
          }))}
          value={days}
          onChange={setDays}
        />
        <div className="ontario-form-group">
          <SubmitButton variant="secondary" testId="board-apply">
            {t('casework.caseload.apply')}
          </SubmitButton>
        </div>
      </form>
      <QueryStatus query={board} failure={LoadError} />
      <SavedStatus message={saved} />
      {board.data ? (
        <>
          <section className="section" aria-labelledby="board-team-heading">
            <h2 id="board-team-heading">{t('casework.board.team')}</h2>
            <TeamTable caseworkers={board.data.caseworkers} noContactDays={board.data.noContactDays} />
          </section>
          <section className="section" aria-labelledby="board-unassigned-heading">
            <h2 id="board-unassigned-heading">{t('casework.board.unassigned')}</h2>
            <UnassignedTable
              clients={board.data.unassigned}
              caseworkers={board.data.caseworkers}
              onAssigned={setSaved}
            />
          </section>
          <Reassign caseworkers={board.data.caseworkers} onAssigned={setSaved} />
        </>
      ) : null}
    </Page>
  );
}

function TeamTable({
  caseworkers,
  noContactDays,
}: {
  caseworkers: BoardCaseworker[];
  noContactDays: number;
}) {
  const { t } = useTranslation();
  if (caseworkers.length === 0) return <p>{t('casework.board.noCaseworkers')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="board-table">
        <caption className="ontario-show-for-sr">{t('casework.board.team')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('casework.caseload.fields.caseworker')}</th>
            <th scope="col" className="numeric">
              {t('casework.caseload.counts.clients')}
            </th>
            <th scope="col" className="numeric">
              {t('casework.caseload.counts.outstandingTasks')}
            </th>
            <th scope="col" className="numeric">
              {t('casework.caseload.counts.overdueTasks')}
            </th>
            <th scope="col" className="numeric">
              {t('casework.caseload.counts.noContact', { count: noContactDays })}
            </th>
          </tr>
        </thead>
        <tbody>
          {caseworkers.map((c) => (
            <tr key={c.id} data-testid="board-row">
              <th scope="row">
                <Link to={`/caseload?caseworker=${encodeURIComponent(c.id)}`}>{c.name}</Link>
              </th>
              <td className="numeric">{c.clients}</td>
              <td className="numeric">{c.outstandingTasks}</td>
              <td className="numeric">
                {c.overdueTasks ? <span className="tag tag--danger">{c.overdueTasks}</span> : 0}
              </td>
              <td className="numeric">
                {c.noContact ? <span className="tag tag--warning">{c.noContact}</span> : 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnassignedTable({
  clients,
  caseworkers,
  onAssigned,
}: {
  clients: CaseloadEntry[];
  caseworkers: BoardCaseworker[];
  onAssigned: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (clients.length === 0)
    return <p data-testid="board-unassigned-empty">{t('casework.board.noneUnassigned')}</p>;
  return (
    <>
      <ActionError error={error} />
      <div className="table-wrap">
        <table className="data-table" data-testid="board-unassigned">
          <caption className="ontario-show-for-sr">{t('casework.board.unassigned')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casework.caseload.fields.client')}</th>
              <th scope="col">{t('casework.caseload.fields.plan')}</th>
              <th scope="col">{t('casework.board.assign')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.clientId} data-testid="board-unassigned-row" data-reference={c.reference}>
                <th scope="row">
                  <Link to={`/clients/${c.clientId}/workspace`}>{c.displayName}</Link>{' '}
                  <span className="tag--muted">({c.reference})</span>
                </th>
                <td>
                  {c.plan ? (
                    <>
                      <PlanStatusTag status={c.plan.status} /> <PhaseLabel phase={c.plan.phase} />
                    </>
                  ) : (
                    <span className="tag--muted">{t('casework.caseload.noPlan')}</span>
                  )}
                </td>
                <td>
                  <AssignRow
                    client={c}
                    caseworkers={caseworkers}
                    onError={setError}
                    onAssigned={onAssigned}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AssignRow({
  client,
  caseworkers,
  onError,
  onAssigned,
}: {
  client: CaseloadEntry;
  caseworkers: BoardCaseworker[];
  onError: (e: unknown) => void;
  onAssigned: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [caseworkerUserId, setCaseworker] = useState('');
  const assign = useAssignCaseworker({
    onSuccess: (entry) => {
      onError(null);
      onAssigned(
        t('casework.board.assigned', { client: entry.displayName, name: entry.caseworker?.name ?? '' }),
      );
    },
    onError,
  });
  return (
    <form
      className="form--inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!assign.isPending && caseworkerUserId)
          assign.mutate({ clientId: client.clientId, caseworkerUserId });
      }}
    >
      <SelectField
        id={`assign-${client.clientId}`}
        label={t('casework.board.assignClient', { client: client.displayName })}
        options={caseworkers.map((c) => ({ value: c.id, label: c.name }))}
        placeholder={t('common.choose')}
        value={caseworkerUserId}
        onChange={setCaseworker}
      />
      <div className="ontario-form-group">
        <SubmitButton variant="secondary" pending={assign.isPending} testId="board-assign">
          {t('casework.board.assign')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Reassigning a client from one caseworker to another: pick whose, then which client, then to whom. */
function Reassign({
  caseworkers,
  onAssigned,
}: {
  caseworkers: BoardCaseworker[];
  onAssigned: (message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [from, setFrom] = useState('');
  const [clientId, setClientId] = useState('');
  const [to, setTo] = useState('');
  const theirs = useCaseload({ caseworker: from }, Boolean(from));
  const assign = useAssignCaseworker({
    onSuccess: (entry) => {
      setClientId('');
      setTo('');
      onAssigned(
        t('casework.board.assigned', { client: entry.displayName, name: entry.caseworker?.name ?? '' }),
      );
    },
    onError: form.fromError,
  });
  const labels = {
    from: t('casework.board.reassignFrom'),
    clientId: t('casework.board.reassignClient'),
    caseworkerUserId: t('casework.board.reassignTo'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (assign.isPending) return;
    const ok = form.check(
      collect([
        ['from', !from && t('casework.board.errors.from')],
        ['clientId', !clientId && t('casework.board.errors.client')],
        ['caseworkerUserId', !to && t('casework.board.errors.to')],
      ]),
    );
    if (!ok) return;
    form.clear();
    assign.mutate({ clientId, caseworkerUserId: to });
  };
  return (
    <section className="section" aria-labelledby="board-reassign-heading">
      <h2 id="board-reassign-heading">{t('casework.board.reassign')}</h2>
      <p>{t('casework.board.reassignIntro')}</p>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `reassign-${f}`} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id="reassign-from"
          label={labels.from}
          options={caseworkers.map((c) => ({ value: c.id, label: c.name }))}
          placeholder={t('common.choose')}
          value={from}
          onChange={(v) => {
            setFrom(v);
            setClientId('');
          }}
          error={form.field('from')}
          required
        />
        {theirs.isError ? <LoadError error={theirs.error} onRetry={() => void theirs.refetch()} /> : null}
        <SelectField
          id="reassign-clientId"
          label={labels.clientId}
          options={(theirs.data?.clients ?? []).map((c) => ({
            value: c.clientId,
            label: `${c.displayName} (${c.reference})`,
          }))}
          placeholder={from && theirs.isPending ? t('common.loading') : t('common.choose')}
          value={clientId}
          onChange={setClientId}
          error={form.field('clientId')}
          required
        />
        <SelectField
          id="reassign-caseworkerUserId"
          label={labels.caseworkerUserId}
          options={caseworkers.filter((c) => c.id !== from).map((c) => ({ value: c.id, label: c.name }))}
          placeholder={t('common.choose')}
          value={to}
          onChange={setTo}
          error={form.field('caseworkerUserId')}
          required
        />
        <SubmitButton pending={assign.isPending} testId="reassign-submit">
          {t('casework.board.reassignSubmit')}
        </SubmitButton>
      </form>
    </section>
  );
}
