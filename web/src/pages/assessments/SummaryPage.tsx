import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, SubmitButton, TextAreaField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import { useOrganizations, useSites } from '../../queries.js';
import { useCan, useSession } from '../../session.js';
import { CANCEL_REASONS, type AssessmentDetail, type CancelReason } from '../../types.js';
import { AGEING_DAYS, cancelNeedsNote } from '../../../../src/domain/assessment/lifecycle.js';
import { ReasonFormView } from '../referrals/ReasonForm.js';
import { useAssessmentStep } from './data.js';
import { inLocale } from './logic.js';
import { AssessmentPage, StatusTag } from './shared.js';

/**
 * The CA summary page (C7): its number and status, the service level, who holds and works it, the
 * two-way notes, and once submitted the segmentation for staff (C8). The steps that end or move a
 * CA live here too: cancel (C9), return to the SSM (C10), close in error (C11).
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = (location.state as { submitted?: boolean; referred?: boolean } | null) ?? {};
  return (
    <AssessmentPage
      title={(d) =>
        d ? t('assessments.summary.title', { reference: d.reference }) : t('assessments.titleLoading')
      }
      header={false}
    >
      {(detail) => (
        <>
          {flash.submitted ? (
            <PageAlert kind="success" heading={t('assessments.summary.submitted')} live>
              <p>{t('assessments.summary.submittedBody')}</p>
            </PageAlert>
          ) : null}
          {flash.referred ? (
            <PageAlert kind="success" heading={t('assessments.summary.referred')} live>
              <p>{t('assessments.summary.referredBody')}</p>
            </PageAlert>
          ) : null}
          <SummaryDetails detail={detail} />
          {detail.segmentation ? <Segmentation detail={detail} /> : null}
          <Notes detail={detail} />
          {detail.actions.includes('assign_caseworker') ? <AssignCaseworker detail={detail} /> : null}
          {detail.actions.includes('assign_provider') ? <AssignProvider detail={detail} /> : null}
          {detail.actions.includes('reassign_to_ssm') ? <ReassignToSsm detail={detail} /> : null}
          {detail.actions.includes('cancel') ? <CancelForm detail={detail} /> : null}
          {detail.actions.includes('close_in_error') ? <CloseInError detail={detail} /> : null}
        </>
      )}
    </AssessmentPage>
  );
}

function SummaryDetails({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const sa = detail.socialAssistance;
  const fmt = useFormatters();
  return (
    <section className="section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('assessments.summary.heading')}</h2>
      <dl className="details" data-testid="assessment-summary">
        <dt>{t('assessments.fields.reference')}</dt>
        <dd data-testid="assessment-reference">{detail.reference}</dd>
        <dt>{t('assessments.fields.client')}</dt>
        <dd>
          {can('client.read') ? (
            <Link to={`/clients/${detail.client.id}`}>{detail.client.name}</Link>
          ) : (
            detail.client.name
          )}{' '}
          <span className="tag--muted">({detail.client.reference})</span>
        </dd>
        <dt>{t('assessments.fields.status')}</dt>
        <dd>
          <StatusTag status={detail.status} />
        </dd>
        <dt>{t('assessments.fields.serviceLevel')}</dt>
        <dd data-testid="summary-service-level">
          {detail.serviceLevel ? (
            t(`serviceLevels.${detail.serviceLevel.level}`)
          ) : (
            <span className="tag--muted">{t('assessments.summary.notSet')}</span>
          )}
        </dd>
        <dt>{t('assessments.fields.catchment')}</dt>
        <dd>{detail.catchmentName}</dd>
        <dt>{t('assessments.fields.holder')}</dt>
        <dd data-testid="assessment-holder">{detail.holder.name}</dd>
        {detail.referral ? (
          <>
            <dt>{t('assessments.fields.referral')}</dt>
            <dd>
              {can('referral.read') ? (
                <Link to={`/referrals/${detail.referral.id}`}>{detail.referral.reference}</Link>
              ) : (
                detail.referral.reference
              )}{' '}
              <span className="tag--muted">({t(`referralStatuses.${detail.referral.status}`)})</span>
            </dd>
          </>
        ) : null}
        <dt>{t('assessments.fields.started')}</dt>
        <dd>
          {fmt.dateTime(detail.startedAt)}{' '}
          <span className="tag--muted">
            ({t('assessments.summary.ageDays', { count: detail.ageing.days })})
          </span>
        </dd>
        {detail.submittedAt ? (
          <>
            <dt>{t('assessments.fields.submitted')}</dt>
            <dd>{fmt.dateTime(detail.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('assessments.summary.eoHeading')}</h3>
      <dl className="details" data-testid="eo-caseworker">
        <dt>{t('assessments.summary.ssm')}</dt>
        <dd>{detail.ssm ? fmt.orgName(detail.ssm) : detail.catchmentName}</dd>
        <dt>{t('assessments.fields.site')}</dt>
        <dd>{detail.site?.name ?? <span className="tag--muted">{t('assessments.summary.notSet')}</span>}</dd>
        <dt>{t('assessments.fields.caseworker')}</dt>
        <dd data-testid="summary-caseworker">
          {detail.caseworker?.name ?? (
            <span className="tag--muted">{t('assessments.summary.notAssigned')}</span>
          )}
        </dd>
      </dl>
      {sa ? (
        <>
          <h3>{t('assessments.summary.saHeading')}</h3>
          <dl className="details" data-testid="sa-caseworker">
            <dt>{t('clients.fields.saProgram')}</dt>
            <dd>{detail.client.saProgram ? t(`saPrograms.${detail.client.saProgram}`) : '—'}</dd>
            <dt>{t('clients.fields.saOffice')}</dt>
            <dd>{sa.officeName ?? <span className="tag--muted">{t('common.notProvided')}</span>}</dd>
            <dt>{t('clients.fields.saCaseworker')}</dt>
            <dd>
              {sa.caseworkerName ?? <span className="tag--muted">{t('common.notProvided')}</span>}
              {sa.caseworkerEmail ? (
                <>
                  {' · '}
                  <a href={`mailto:${sa.caseworkerEmail}`}>{sa.caseworkerEmail}</a>
                </>
              ) : null}
            </dd>
          </dl>
        </>
      ) : null}
      <p className="actions">
        <Link to={`/assessments/${detail.id}`}>{t('assessments.backToTasks')}</Link>
        <Link to={`/assessments/${detail.id}/check`}>{t('assessments.summary.allAnswers')}</Link>
        <Link to={`/assessments/${detail.id}/client-copy`} data-testid="client-copy-link">
          {t('assessments.summary.clientCopy')}
        </Link>
      </p>
    </section>
  );
}

/** C8: the stream and why, for staff; the client never sees it. */
function Segmentation({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const s = detail.segmentation;
  if (!s) return null;
  return (
    <section className="section panel" aria-labelledby="segmentation-heading" data-testid="segmentation">
      <h2 id="segmentation-heading">{t('assessments.segmentation.title')}</h2>
      <p className="callout-inline" data-testid="segmentation-internal">
        <strong>{t('assessments.segmentation.internal')}</strong>
      </p>
      <dl className="details">
        <dt>{t('assessments.segmentation.stream')}</dt>
        <dd data-testid="segmentation-stream" data-stream={s.stream}>
          {t('assessments.segmentation.streamValue', { letter: s.stream, name: t(`streams.${s.stream}`) })}
        </dd>
        <dt>{t('assessments.segmentation.score')}</dt>
        <dd data-testid="segmentation-score">
          {t('assessments.segmentation.scoreValue', {
            score: fmt.number(s.score),
            b: s.thresholds.b,
            c: s.thresholds.c,
          })}
        </dd>
        <dt>{t('assessments.segmentation.model')}</dt>
        <dd>
          {s.modelId} · {s.modelVersion}
        </dd>
      </dl>
      <h3>{t('assessments.segmentation.factors')}</h3>
      {s.factors.length ? (
        <ul className="factors" data-testid="segmentation-factors">
          {s.factors.map((f) => (
            <li key={f.id}>
              {inLocale(i18n.language, f.en, f.fr)}{' '}
              <span className="tag--muted">({t('referrals.matrix.points', { count: f.points })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('assessments.segmentation.noFactors')}</p>
      )}
      <p className="tag--muted">{t('assessments.segmentation.informs')}</p>
    </section>
  );
}

/** C7: the two-way notes between SA, the SSM and the provider, with what a good note covers. */
function Notes({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const [body, setBody] = useState('');
  const add = useAssessmentStep<{ body: string }>(detail.id, '/notes', {
    onError: form.fromError,
    onSuccess: () => setBody(''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!form.check(collect([['body', body.trim().length < 3 && t('assessments.notes.errors.body')]])))
      return;
    form.clear();
    add.mutate({ body: body.trim() });
  };
  return (
    <section className="section" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('assessments.notes.title')}</h2>
      <p>{t('assessments.notes.intro')}</p>
      {detail.notes.length ? (
        <ol className="timeline" data-testid="notes">
          {detail.notes.map((n) => (
            <li key={n.id} data-testid="note" data-kind={n.kind}>
              <p className="timeline__when tag--muted">
                {fmt.dateTime(n.at)} · {n.authorName ?? '—'}
                {n.organizationName ? `, ${n.organizationName}` : ''}
                {n.kind === 'returned_to_ssm' ? (
                  <>
                    {' '}
                    <span className="tag tag--warning">{t('assessments.notes.returned')}</span>
                  </>
                ) : null}
              </p>
              <p className="pre-wrap">{n.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p data-testid="notes-empty">{t('assessments.notes.empty')}</p>
      )}
      {detail.actions.includes('add_note') ? (
        <>
          <ErrorSummary
            form={form}
            labels={{ body: t('assessments.notes.body') }}
            idFor={() => 'note-body'}
          />
          <form className="form" onSubmit={submit} noValidate>
            <div className="ontario-hint" id="note-guidance">
              <p>{t('assessments.notes.guidance')}</p>
              <ul>
                <li>{t('assessments.notes.include.choice')}</li>
                <li>{t('assessments.notes.include.contact')}</li>
                <li>{t('assessments.notes.include.barriers')}</li>
                <li>{t('assessments.notes.include.motivation')}</li>
                <li>{t('assessments.notes.include.warm')}</li>
                <li>{t('assessments.notes.include.other')}</li>
              </ul>
            </div>
            <TextAreaField
              id="note-body"
              label={t('assessments.notes.body')}
              hint={t('assessments.notes.bodyHint')}
              value={body}
              onChange={setBody}
              error={form.field('body')}
              rows={5}
              maxLength={4000}
            />
            <SubmitButton pending={add.isPending} variant="secondary" testId="note-submit">
              {t('assessments.notes.submit')}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** C6: the holder assigns the CA to one of its own caseworkers, at one of its delivery sites. */
function AssignCaseworker({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const form = useFormErrors();
  const sites = useSites(detail.holder.organizationId);
  const caseworkers = detail.assignableCaseworkers;
  const [siteId, setSiteId] = useState(detail.site?.id ?? '');
  const [userId, setUserId] = useState(
    detail.caseworker?.id ?? (caseworkers.some((u) => u.id === me.user.id) ? me.user.id : ''),
  );
  const assign = useAssessmentStep<{ userId: string; siteId?: string }>(detail.id, '/caseworker', {
    method: 'PUT',
    onError: form.fromError,
  });
  const send = (chosen: string) => {
    if (assign.isPending) return;
    if (!form.check(collect([['userId', !chosen && t('assessments.assign.errors.user')]]))) return;
    form.clear();
    assign.mutate({ userId: chosen, ...(siteId ? { siteId } : {}) });
  };
  const labels = { userId: t('assessments.fields.caseworker'), siteId: t('assessments.fields.site') };
  return (
    <section className="section" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('assessments.assign.title')}</h2>
      <p>{t('assessments.assign.intro')}</p>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `assign-${f}`} />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send(userId);
        }}
      >
        <SelectField
          id="assign-siteId"
          label={labels.siteId}
          options={(sites.data?.items ?? [])
            .filter((s) => s.active)
            .map((s) => ({ value: s.id, label: s.name }))}
          placeholder={t('common.choose')}
          value={siteId}
          onChange={setSiteId}
          error={form.field('siteId')}
          optional
        />
        <SelectField
          id="assign-userId"
          label={labels.userId}
          options={caseworkers.map((u) => ({
            value: u.id,
            label: u.id === me.user.id ? t('assessments.assign.me', { name: u.name }) : u.name,
          }))}
          placeholder={t('common.choose')}
          value={userId}
          onChange={setUserId}
          error={form.field('userId')}
          required
        />
        <SubmitButton pending={assign.isPending} variant="secondary" testId="assign-caseworker">
          {t('assessments.assign.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

/** After a return (C10) the SSM sends the CA on to a provider. */
function AssignProvider({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const providers = useOrganizations('provider');
  const form = useFormErrors();
  const [organizationId, setOrganizationId] = useState('');
  const step = useAssessmentStep<{ organizationId: string }>(detail.id, '/assign-provider', {
    onError: form.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    if (
      !form.check(
        collect([['organizationId', !organizationId && t('assessments.assignProvider.errors.provider')]]),
      )
    )
      return;
    form.clear();
    step.mutate({ organizationId });
  };
  return (
    <section className="section" aria-labelledby="assign-provider-heading">
      <h2 id="assign-provider-heading">{t('assessments.assignProvider.title')}</h2>
      <ErrorSummary
        form={form}
        labels={{ organizationId: t('assessments.assignProvider.provider') }}
        idFor={() => 'assign-provider'}
      />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="assign-provider"
          label={t('assessments.assignProvider.provider')}
          options={(providers.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }))}
          placeholder={t('common.choose')}
          value={organizationId}
          onChange={setOrganizationId}
          error={form.field('organizationId')}
          required
        />
        <SubmitButton pending={step.isPending} variant="secondary" testId="assign-provider-submit">
          {t('assessments.assignProvider.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

/** A single required text and a button: the return to the SSM (C10) and the close in error (C11). */
function NoteStep({
  detail,
  path,
  field,
  idPrefix,
  title,
  intro,
  label,
  submitLabel,
  required,
  testId,
}: {
  detail: AssessmentDetail;
  path: string;
  field: 'note' | 'reason';
  idPrefix: string;
  title: string;
  intro: string;
  label: string;
  submitLabel: string;
  required: string;
  testId: string;
}) {
  const form = useFormErrors();
  const [text, setText] = useState('');
  const step = useAssessmentStep<Record<string, string>>(detail.id, path, { onError: form.fromError });
  const id = `${idPrefix}-${field}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    if (!form.check(collect([[field, text.trim().length < 5 && required]]))) return;
    form.clear();
    step.mutate({ [field]: text.trim() });
  };
  return (
    <section className="section" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{title}</h2>
      <p>{intro}</p>
      <ErrorSummary form={form} labels={{ [field]: label }} idFor={() => id} />
      <form className="form" onSubmit={submit} noValidate>
        <TextAreaField
          id={id}
          label={label}
          value={text}
          onChange={setText}
          error={form.field(field)}
          maxLength={4000}
          required
        />
        <SubmitButton pending={step.isPending} variant="secondary" testId={testId}>
          {submitLabel}
        </SubmitButton>
      </form>
    </section>
  );
}

function ReassignToSsm({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  return (
    <NoteStep
      detail={detail}
      path="/reassign-to-ssm"
      field="note"
      idPrefix="reassign"
      title={t('assessments.reassign.title')}
      intro={t('assessments.reassign.intro')}
      label={t('assessments.reassign.note')}
      submitLabel={t('assessments.reassign.submit')}
      required={t('assessments.reassign.errors.note')}
      testId="reassign-submit"
    />
  );
}

function CloseInError({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  return (
    <NoteStep
      detail={detail}
      path="/close-in-error"
      field="reason"
      idPrefix="close-error"
      title={t('assessments.closeInError.title')}
      intro={t('assessments.closeInError.intro')}
      label={t('assessments.closeInError.reason')}
      submitLabel={t('assessments.closeInError.submit')}
      required={t('assessments.closeInError.errors.reason')}
      testId="close-in-error-submit"
    />
  );
}

/** C9: only an in-progress CA is cancelled, for one of four reasons; "other" says which in a note. */
function CancelForm({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const step = useAssessmentStep<{ reason: CancelReason; note: string | null }>(detail.id, '/cancel', {
    onError: form.fromError,
  });
  return (
    <>
      {detail.facts.saClient ? (
        <p className="callout-inline" data-testid="sa-cancel-advice">
          {t('assessments.cancel.saAdvice')}
        </p>
      ) : null}
      <ReasonFormView
        reasons={CANCEL_REASONS}
        labelOf={(r) => t(`cancelReasons.${r}`)}
        needsNote={cancelNeedsNote}
        idPrefix="cancel-"
        testId="cancel-submit"
        form={form}
        pending={step.isPending}
        onSubmit={(body) => step.mutate(body)}
        texts={{
          title: t('assessments.cancel.title'),
          intro:
            detail.ageing.days < AGEING_DAYS
              ? t('assessments.cancel.introEarly', { count: detail.ageing.days })
              : t('assessments.cancel.intro'),
          reason: t('assessments.cancel.reason'),
          note: t('assessments.cancel.note'),
          submit: t('assessments.cancel.submit'),
          reasonRequired: t('assessments.cancel.errors.reason'),
          noteRequired: t('assessments.cancel.errors.note'),
        }}
      />
    </>
  );
}
