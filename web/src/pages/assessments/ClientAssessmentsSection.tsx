import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../../api.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { Loading } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import { keys } from '../../queries.js';
import { useCan } from '../../session.js';
import type { ClientAssessments, ConsentRevocation } from '../../types.js';
import { assessmentKeys, useClientAssessments } from './data.js';
import { StatusTag } from './shared.js';

/** C1: the assessment to resume, or the way to start one; the link says which. */
export function StartOrResume({
  clientId,
  inProgress,
  variant = 'primary',
}: {
  clientId: string;
  inProgress: { id: string; reference: string } | null | undefined;
  variant?: 'primary' | 'secondary' | 'link';
}) {
  const { t } = useTranslation();
  const className = variant === 'link' ? undefined : `ontario-button ontario-button--${variant}`;
  return inProgress ? (
    <Link className={className} to={`/assessments/${inProgress.id}`} data-testid="resume-assessment">
      {t('assessments.client.resume')}
      {variant === 'link' ? <span className="ontario-show-for-sr"> {inProgress.reference}</span> : null}
    </Link>
  ) : (
    <Link className={className} to={`/clients/${clientId}/assessments/new`} data-testid="start-assessment">
      {t('assessments.client.start')}
    </Link>
  );
}

/** The client's Common Assessments (C1) and their consent (C3), on the client's profile. */
export function ClientAssessmentsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormatters();
  const list = useClientAssessments(clientId);
  const inProgress = list.data?.items.find((a) => a.status === 'in_progress');
  return (
    <section className="section" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">{t('assessments.client.title')}</h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <ConsentLine consent={list.data.consent} />
          {can('assessment.conduct') ? (
            <p className="actions">
              <StartOrResume clientId={clientId} inProgress={inProgress} />
            </p>
          ) : null}
          {list.data.items.length === 0 ? (
            <p data-testid="client-assessments-empty">{t('assessments.client.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="client-assessments">
                <caption className="ontario-show-for-sr">{t('assessments.client.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessments.fields.reference')}</th>
                    <th scope="col">{t('assessments.fields.status')}</th>
                    <th scope="col">{t('assessments.fields.holder')}</th>
                    <th scope="col">{t('assessments.fields.started')}</th>
                    <th scope="col">{t('assessments.fields.submitted')}</th>
                    <th scope="col">{t('assessments.fields.streamStaff')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((a) => (
                    <tr key={a.id} data-testid="client-assessment" data-reference={a.reference}>
                      <th scope="row">
                        <Link to={`/assessments/${a.id}`}>{a.reference}</Link>
                      </th>
                      <td>
                        <StatusTag status={a.status} />
                      </td>
                      <td>{a.holderName}</td>
                      <td>{fmt.dateTime(a.startedAt)}</td>
                      <td>
                        {a.submittedAt ? fmt.dateTime(a.submittedAt) : <span className="tag--muted">—</span>}
                      </td>
                      <td>
                        {a.stream
                          ? t('assessments.segmentation.streamValue', {
                              letter: a.stream,
                              name: t(`streams.${a.stream}`),
                            })
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {can('consent.revoke') && list.data.consent.active ? <RevocationForm clientId={clientId} /> : null}
        </>
      ) : null}
    </section>
  );
}

function ConsentLine({ consent }: { consent: ClientAssessments['consent'] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (consent.revokedAt)
    return (
      <p data-testid="client-consent" data-state="revoked">
        <span className="tag tag--danger">
          {t('assessments.client.consentRevoked', { when: fmt.dateTime(consent.revokedAt) })}
        </span>
      </p>
    );
  if (consent.active && consent.givenAt)
    return (
      <p data-testid="client-consent" data-state="active">
        {t('assessments.client.consentGiven', { when: fmt.dateTime(consent.givenAt) })}
      </p>
    );
  return (
    <p data-testid="client-consent" data-state="none">
      {t('assessments.client.consentNone')}
    </p>
  );
}

/**
 * C3: a client may withdraw consent at any time. Case-managed service stops, the SSM is told in
 * writing, and the removal of the person's information is queued for the SSM.
 */
function RevocationForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [notice, setNotice] = useState('');
  const navigate = useNavigate();
  const revoke = useMutation({
    mutationFn: (body: { receivedOn: string; noticeToSsm: string }) =>
      post<ConsentRevocation>(`/clients/${clientId}/consent/revocation`, body),
    onSuccess: (revocation) => {
      // The client's record stops being shared with providers and SA at once, so this page may no
      // longer be readable: say it was done on the search page, which every client worker reaches.
      navigate('/clients', { state: { revoked: revocation.clientReference } });
      queryClient.removeQueries({ queryKey: keys.client(clientId) });
      queryClient.removeQueries({ queryKey: assessmentKeys.ofClient(clientId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.worklistAll });
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
    },
    onError: form.fromError,
  });
  const labels = {
    receivedOn: t('assessments.revoke.receivedOn'),
    noticeToSsm: t('assessments.revoke.notice'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (revoke.isPending) return;
    const ok = form.check(
      collect([
        ['receivedOn', !receivedOn && t('assessments.revoke.errors.receivedOn')],
        ['receivedOn', receivedOn > todayIso() && t('assessments.revoke.errors.future')],
        ['noticeToSsm', notice.trim().length < 3 && t('assessments.revoke.errors.notice')],
      ]),
    );
    if (!ok) return;
    form.clear();
    revoke.mutate({ receivedOn, noticeToSsm: notice.trim() });
  };
  return (
    <details className="revocation">
      <summary data-testid="revoke-open">{t('assessments.revoke.title')}</summary>
      <p>{t('assessments.revoke.intro')}</p>
      <ul>
        <li>{t('assessments.revoke.stops')}</li>
        <li>{t('assessments.revoke.cancels')}</li>
        <li>{t('assessments.revoke.queued')}</li>
      </ul>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `revoke-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="revoke-receivedOn"
          type="date"
          label={labels.receivedOn}
          value={receivedOn}
          onChange={setReceivedOn}
          error={form.field('receivedOn')}
          width={10}
          max={todayIso()}
          required
        />
        <TextAreaField
          id="revoke-noticeToSsm"
          label={labels.noticeToSsm}
          hint={t('assessments.revoke.noticeHint')}
          value={notice}
          onChange={setNotice}
          error={form.field('noticeToSsm')}
          maxLength={4000}
          rows={5}
          required
        />
        <SubmitButton pending={revoke.isPending} variant="secondary" testId="revoke-submit">
          {t('assessments.revoke.submit')}
        </SubmitButton>
      </form>
    </details>
  );
}
