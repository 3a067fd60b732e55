import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FieldError, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from '../../../../src/domain/monitoring/types.js';
import { REPORTING_BUSINESS_DAYS } from '../../../../src/domain/supports/reporting.js';
import { formatBytes, readFileAsBase64 } from '../monitoring/shared.js';
import { useCan } from '../../session.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { supportEvidenceFileUrl, useSupport, useSupportStep, type SupportStep } from './data.js';
import {
  PreApprovalReasons,
  ProblemList,
  ReportDue,
  SupportStateTag,
  useSupportWords,
  useWhatLabel,
} from './shared.js';
import {
  EVIDENCE_KINDS,
  PAYMENT_METHODS,
  WITHHOLD_REASONS,
  type EvidenceKind,
  type PaymentMethod,
  type SupportView,
  type WithholdReason,
} from './types.js';

/**
 * One financial support from request to review (F6, F11, F13): its details and the step each actor
 * may take now, as the API lists them in `actions` — the SSM pre-approves or refuses, the provider
 * issues it, files the receipt and reports, the SSM approves the report or withholds (F11).
 */
export function SupportPage() {
  const { t } = useTranslation();
  const { supportId } = useParams();
  const support = useSupport(supportId);
  if (support.isError && isApiError(support.error) && support.error.status === 404) return <NotFoundPage />;
  const s = support.data;
  return (
    <Page
      title={s ? t('supports.support.title', { reference: s.reference }) : t('supports.support.titleLoading')}
      back={
        s?.planId ? { to: `/plans/${s.planId}/supports`, label: t('supports.support.backToPlan') } : undefined
      }
    >
      <QueryStatus query={support} />
      {s ? <SupportBody support={s} /> : null}
    </Page>
  );
}

function SupportBody({ support: s }: { support: SupportView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const initial = (location.state as { flash?: string } | null)?.flash === 'requested';
  const [flash, setFlash] = useState<string | null>(initial ? t('supports.flash.requested') : null);
  const has = (a: SupportView['actions'][number]) => s.actions.includes(a);
  const done = (message: string) => () => setFlash(message);
  return (
    <div data-testid="support" data-state={s.state} data-support-id={s.id}>
      <div role="status" className="plan-flash">
        {flash ? <PageAlert kind="success" heading={flash} /> : null}
      </div>
      <SupportDetails support={s} />
      {has('pre_approve') || has('refuse') ? <PreApprovalForm support={s} onDone={setFlash} /> : null}
      {has('issue') ? <IssueForm support={s} onDone={done(t('supports.flash.issued'))} /> : null}
      <ReportSection support={s} onDone={setFlash} />
      {has('approve_report') || has('withhold') || has('lift_withholding') ? (
        <ReviewForm support={s} onDone={setFlash} />
      ) : null}
      {has('cancel') ? <CancelForm support={s} onDone={done(t('supports.flash.cancelled'))} /> : null}
    </div>
  );
}

function SupportDetails({ support: s }: { support: SupportView }) {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormatters();
  const words = useSupportWords();
  const what = useWhatLabel();
  return (
    <>
      <dl className="details plan-header" data-testid="support-details">
        <dt>{t('supports.fields.reference')}</dt>
        <dd data-testid="support-reference">{s.reference}</dd>
        <dt>{t('supports.fields.client')}</dt>
        <dd>{s.clientName ?? <span className="tag--muted">{t('supports.support.clientHidden')}</span>}</dd>
        {s.planId && s.planReference ? (
          <>
            <dt>{t('supports.fields.plan')}</dt>
            <dd>
              <Link to={`/plans/${s.planId}`}>{s.planReference}</Link>
            </dd>
          </>
        ) : null}
        {s.placementId && can('employer.read') ? (
          <>
            <dt>{t('supports.fields.placement')}</dt>
            <dd>
              <Link to={`/placements/${s.placementId}`} data-testid="support-placement-link">
                {t('supports.support.openPlacement')}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t('supports.fields.organization')}</dt>
        <dd>{s.organizationName}</dd>
        <dt>{t('supports.fields.state')}</dt>
        <dd>
          <SupportStateTag state={s.state} />
        </dd>
        <dt>{t('supports.fields.what')}</dt>
        <dd>
          {what(s)}
          {s.description ? (
            <>
              <br />
              <span className="pre-wrap">{s.description}</span>
            </>
          ) : null}
        </dd>
        <dt>{t('supports.fields.amount')}</dt>
        <dd data-testid="support-amount" data-cents={s.amountCents}>
          {words.money(s.amountCents)}
          {s.fundingSource === 'odsp_client_reserve' ? (
            <>
              {' '}
              <span className="tag tag--muted-box">{t('supports.fundingSources.odsp_client_reserve')}</span>
            </>
          ) : null}
        </dd>
        <dt>{t('supports.fields.vendorName')}</dt>
        <dd>
          {s.vendorName}{' '}
          <span className="tag--muted">
            ({t(`supports.sellerKinds.${s.sellerKind}`)}, {t(`supports.purchaseForms.${s.purchaseForm}`)}
            {s.servicesDebt ? `, ${t('supports.support.paysDebt')}` : ''})
          </span>
        </dd>
        {s.periodFrom && s.periodTo ? (
          <>
            <dt>{t('supports.fields.period')}</dt>
            <dd>
              {t('supports.support.period', { from: fmt.date(s.periodFrom), to: fmt.date(s.periodTo) })}
            </dd>
          </>
        ) : null}
        {s.category === 'special_equipment_supplies' ? (
          <>
            <dt>{t('supports.fields.employerProvidesPpe')}</dt>
            <dd>{s.employerProvidesPpe ? t('common.yes') : t('common.no')}</dd>
          </>
        ) : null}
        <dt>{t('supports.fields.link')}</dt>
        <dd>
          {s.planItemTitle
            ? s.planItemTitle
            : s.planGoalOrdinal
              ? t('supports.support.goal', { ordinal: s.planGoalOrdinal })
              : '—'}
        </dd>
        <dt>{t('supports.fields.plannedIssueOn')}</dt>
        <dd>{fmt.date(s.plannedIssueOn)}</dd>
        <dt>{t('supports.fields.requested')}</dt>
        <dd>
          {s.requestedByName
            ? t('supports.support.by', { name: s.requestedByName, when: fmt.dateTime(s.requestedAt) })
            : fmt.dateTime(s.requestedAt)}
        </dd>
        <dt>{t('supports.fields.preApproval')}</dt>
        <dd data-testid="support-pre-approval">
          <PreApprovalReasons reasons={s.preApprovalReasons} />
          {s.preApprovedAt ? (
            <p>
              {t('supports.support.preApprovedBy', {
                name: s.preApprovedByName ?? '—',
                when: fmt.dateTime(s.preApprovedAt),
              })}
            </p>
          ) : null}
          {s.preApprovalNote ? <p className="pre-wrap">{s.preApprovalNote}</p> : null}
        </dd>
        {s.approvedOn ? (
          <>
            <dt>{t('supports.fields.approvedOn')}</dt>
            <dd>{fmt.date(s.approvedOn)}</dd>
          </>
        ) : null}
        {s.issuedOn ? (
          <>
            <dt>{t('supports.fields.issued')}</dt>
            <dd data-testid="support-issued" data-issued-on={s.issuedOn}>
              {fmt.date(s.issuedOn)}
              {s.paymentMethod ? ` — ${t(`supports.paymentMethods.${s.paymentMethod}`)}` : ''}
              {s.paymentReference ? ` (${s.paymentReference})` : ''}
            </dd>
            <dt>{t('supports.fields.report')}</dt>
            <dd>
              <ReportDue support={s} />
              {s.reportedOn ? (
                <>
                  <br />
                  {t('supports.support.reportedOn', { date: fmt.date(s.reportedOn) })}
                </>
              ) : null}
              {s.reportNote ? <p className="pre-wrap">{s.reportNote}</p> : null}
            </dd>
          </>
        ) : null}
        {s.reviewedAt ? (
          <>
            <dt>{t('supports.fields.review')}</dt>
            <dd data-testid="support-review">
              {t('supports.support.by', { name: s.reviewedByName ?? '—', when: fmt.dateTime(s.reviewedAt) })}
              {s.withholdReason ? (
                <>
                  <br />
                  <strong>{t('supports.support.withheldBecause')}</strong>{' '}
                  {words.withholdReason(s.withholdReason)}
                </>
              ) : null}
              {s.reviewNote ? <p className="pre-wrap">{s.reviewNote}</p> : null}
            </dd>
          </>
        ) : null}
        {s.cancelledAt ? (
          <>
            <dt>{t('supports.fields.cancelled')}</dt>
            <dd>
              {fmt.dateTime(s.cancelledAt)}
              {s.cancelReason ? <p className="pre-wrap">{s.cancelReason}</p> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {s.justification ? (
        <section className="section" aria-labelledby="justification-heading">
          <h2 id="justification-heading">{t('supports.request.needHeading')}</h2>
          <dl className="details">
            <dt>{t('supports.fields.evidenceOfNeed')}</dt>
            <dd className="pre-wrap">{s.justification.evidenceOfNeed || '—'}</dd>
            <dt>{t('supports.fields.whyCouldNotPay')}</dt>
            <dd className="pre-wrap">{s.justification.whyCouldNotPay || '—'}</dd>
            <dt>{t('supports.fields.barrierTemporary')}</dt>
            <dd>{s.justification.barrierTemporary ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('supports.fields.noOtherFundingSource')}</dt>
            <dd>{s.justification.noOtherFundingSource ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('supports.fields.reasonableCost')}</dt>
            <dd className="pre-wrap">{s.justification.reasonableCost || '—'}</dd>
            {s.saCoordinationNote ? (
              <>
                <dt>{t('supports.fields.saCoordinationNote')}</dt>
                <dd className="pre-wrap">{s.saCoordinationNote}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}

/** F6: the SSM confirms coverage, or refuses it with a reason (the request is then cancelled). */
function PreApprovalForm({ support: s, onDone }: { support: SupportView; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [note, setNote] = useState('');
  const step = useSupportStep(s.id, {
    onError: form.fromError,
    onSuccess: (_v, st) =>
      onDone(
        st.step === 'pre-approval' && st.body.decision === 'refuse'
          ? t('supports.flash.refused')
          : t('supports.flash.preApproved'),
      ),
  });
  const decide = (decision: 'approve' | 'refuse') => {
    if (step.isPending) return;
    if (
      decision === 'refuse' &&
      !form.check(collect([['note', isBlank(note) && t('supports.preApproval.errors.note')]]))
    )
      return;
    form.clear();
    step.mutate({
      step: 'pre-approval',
      body: { decision, ...(isBlank(note) ? {} : { note: note.trim() }) },
    });
  };
  return (
    <section className="section panel" aria-labelledby="pre-approval-heading" data-testid="pre-approval-form">
      <h2 id="pre-approval-heading">{t('supports.preApproval.heading')}</h2>
      <p>{t('supports.preApproval.lead')}</p>
      <ErrorSummary
        form={form}
        labels={{ note: t('supports.preApproval.note') }}
        idFor={() => 'pre-approval-note'}
      />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          decide('approve');
        }}
      >
        <TextAreaField
          id="pre-approval-note"
          label={t('supports.preApproval.note')}
          hint={t('supports.preApproval.noteHint')}
          value={note}
          onChange={setNote}
          rows={3}
          error={form.field('note')}
        />
        <div className="actions">
          {s.actions.includes('pre_approve') ? (
            <SubmitButton pending={step.isPending} testId="pre-approve">
              {t('supports.preApproval.approve')}
            </SubmitButton>
          ) : null}
          {s.actions.includes('refuse') ? (
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              aria-disabled={step.isPending ? true : undefined}
              onClick={() => decide('refuse')}
              data-testid="pre-approval-refuse"
            >
              {t('supports.preApproval.refuse')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** The provider pays or buys it: the F13 reporting clock starts on the issue date. */
function IssueForm({ support: s, onDone }: { support: SupportView; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [reference, setReference] = useState('');
  const step = useSupportStep(s.id, { onError: form.fromError, onSuccess: onDone });
  const labels = {
    issuedOn: t('supports.issue.issuedOn'),
    paymentMethod: t('supports.issue.paymentMethod'),
    paymentReference: t('supports.issue.paymentReference'),
  };
  const idFor = (f: string) => `issue-${f}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending) return;
    const ok = form.check(
      collect([
        [
          'issuedOn',
          !issuedOn
            ? t('supports.issue.errors.issuedOn')
            : issuedOn > todayIso() && t('supports.issue.errors.future'),
        ],
        ['paymentMethod', !method && t('supports.issue.errors.paymentMethod')],
      ]),
    );
    if (!ok || !method) return;
    form.clear();
    step.mutate({
      step: 'issue',
      body: {
        issuedOn,
        paymentMethod: method,
        ...(isBlank(reference) ? {} : { paymentReference: reference.trim() }),
      },
    });
  };
  return (
    <section className="section panel" aria-labelledby="issue-heading" data-testid="issue-form">
      <h2 id="issue-heading">{t('supports.issue.heading')}</h2>
      <p data-testid="issue-lead">
        {t(s.kind === 'employer' ? 'supports.issue.leadEmployer' : 'supports.issue.leadClient', {
          days: REPORTING_BUSINESS_DAYS[s.kind],
        })}
      </p>
      <ErrorSummary form={form} labels={labels} idFor={idFor} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={idFor('issuedOn')}
          type="date"
          label={labels.issuedOn}
          value={issuedOn}
          max={todayIso()}
          onChange={setIssuedOn}
          error={form.field('issuedOn')}
          required
        />
        <SelectField
          id={idFor('paymentMethod')}
          label={labels.paymentMethod}
          placeholder={t('common.choose')}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`supports.paymentMethods.${m}`) }))}
          value={method}
          onChange={(v) => setMethod(v as PaymentMethod | '')}
          error={form.field('paymentMethod')}
          required
        />
        <TextField
          id={idFor('paymentReference')}
          label={labels.paymentReference}
          hint={t('supports.issue.paymentReferenceHint')}
          value={reference}
          onChange={setReference}
          error={form.field('paymentReference')}
          optional
        />
        <div className="actions">
          <SubmitButton pending={step.isPending} testId="issue-submit">
            {t('supports.issue.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const isContentType = (type: string) => (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(type);
const contentTypeName = (type: string) => (type.split('/')[1] ?? type).toUpperCase();

/** F13: the evidence on file, what it still lacks, the upload and the report to the SSM. */
function ReportSection({ support: s, onDone }: { support: SupportView; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const shown = s.issuedOn !== null || s.evidence.length > 0;
  if (!shown) return null;
  const canUpload = s.actions.includes('upload_evidence');
  const canReport = s.actions.includes('report');
  const open = ['issued', 'withheld', 'reported'].includes(s.state);
  return (
    <section className="section" aria-labelledby="evidence-heading" data-testid="support-evidence">
      <h2 id="evidence-heading">{t('supports.evidence.heading')}</h2>
      {s.reportDueOn ? (
        <p>
          <ReportDue support={s} />
        </p>
      ) : null}
      {s.evidence.length === 0 ? (
        <p className="tag--muted" data-testid="evidence-none">
          {t('supports.evidence.none')}
        </p>
      ) : (
        <ul className="plan-items" data-testid="evidence-list">
          {s.evidence.map((e) => (
            <li className="plan-item" key={e.id} data-testid="evidence" data-kind={e.kind}>
              <p className="plan-item__name">
                <strong>{t(`supports.evidenceKinds.${e.kind}`)}</strong>
              </p>
              <p>
                {e.fileName ? (
                  <>
                    <a href={supportEvidenceFileUrl(e.id)} target="_blank" rel="noopener noreferrer">
                      {t('supports.evidence.open', { name: e.fileName })}
                      <span className="ontario-show-for-sr"> {t('supports.evidence.opensInNewTab')}</span>
                    </a>{' '}
                    {e.contentType && e.byteSize ? (
                      <span className="tag--muted">
                        ({contentTypeName(e.contentType)}, {formatBytes(e.byteSize, fmt.locale)})
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span data-testid="evidence-not-shared">{t('supports.evidence.onFile')}</span>
                )}
              </p>
              <p className="tag--muted">
                {e.uploadedByName
                  ? t('supports.support.by', { name: e.uploadedByName, when: fmt.dateTime(e.uploadedAt) })
                  : fmt.dateTime(e.uploadedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        s.evidenceProblems.length ? (
          <div data-testid="evidence-problems-box">
            <p>
              <strong>{t('supports.evidence.problemsHeading')}</strong>
            </p>
            <ProblemList problems={s.evidenceProblems} testId="evidence-problems" />
          </div>
        ) : (
          <p data-testid="evidence-acceptable">
            <span className="tag tag--ok">{t('supports.evidence.acceptable')}</span>
          </p>
        )
      ) : null}
      {canUpload ? <EvidenceUpload support={s} onDone={() => onDone(t('supports.flash.uploaded'))} /> : null}
      {canReport ? <ReportForm support={s} onDone={() => onDone(t('supports.flash.reported'))} /> : null}
    </section>
  );
}

function EvidenceUpload({ support: s, onDone }: { support: SupportView; onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const [kind, setKind] = useState<EvidenceKind | ''>(
    s.kind === 'employer' ? 'employer_invoice' : 'itemized_receipt',
  );
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const step = useSupportStep(s.id, {
    onError: form.fromError,
    onSuccess: () => {
      setFile(null);
      setInputKey((k) => k + 1);
      onDone();
    },
  });
  const types = EVIDENCE_CONTENT_TYPES.map(contentTypeName).join(', ');
  const size = formatBytes(EVIDENCE_MAX_BYTES, fmt.locale);
  const labels = {
    kind: t('supports.evidence.kind'),
    file: t('supports.evidence.file'),
    fileName: t('supports.evidence.file'),
    contentType: t('supports.evidence.file'),
    contentBase64: t('supports.evidence.file'),
  };
  const idFor = (f: string) => (f === 'kind' ? 'evidence-kind' : 'evidence-file');
  const fileError =
    form.field('file') ?? form.field('contentBase64') ?? form.field('contentType') ?? form.field('fileName');
  // The kinds that can be evidence of this support first (F13), then the others it may be refused for.
  const first: EvidenceKind[] =
    s.kind === 'employer'
      ? ['employer_invoice', 'placement_agreement']
      : ['itemized_receipt', 'card_purchase_receipt'];
  const kinds = [...first, ...EVIDENCE_KINDS.filter((k) => !first.includes(k))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending || reading) return;
    const ok = form.check(
      collect([
        ['kind', !kind && t('supports.evidence.errors.kind')],
        [
          'file',
          !file
            ? t('supports.evidence.errors.file')
            : !isContentType(file.type)
              ? t('supports.evidence.errors.type', { types })
              : file.size > EVIDENCE_MAX_BYTES
                ? t('supports.evidence.errors.size', { size })
                : file.size === 0 && t('supports.evidence.errors.empty'),
        ],
      ]),
    );
    if (!ok || !kind || !file) return;
    form.clear();
    setReading(true);
    try {
      const contentBase64 = await readFileAsBase64(file);
      step.mutate({
        step: 'evidence',
        body: { kind, fileName: file.name, contentType: file.type, contentBase64 },
      });
    } catch {
      form.check({ file: t('supports.evidence.errors.read') });
    } finally {
      setReading(false);
    }
  };
  return (
    <div className="panel" data-testid="evidence-upload">
      <h3>{t('supports.evidence.uploadHeading')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={idFor} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id="evidence-kind"
          label={labels.kind}
          options={kinds.map((k) => ({ value: k, label: t(`supports.evidenceKinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as EvidenceKind | '')}
          error={form.field('kind')}
          required
        />
        <div className="ontario-form-group">
          <label className="ontario-label" htmlFor="evidence-file">
            {labels.file}
          </label>
          <p className="ontario-hint" id="evidence-file-hint">
            {t('supports.evidence.limits', { types, size })}
          </p>
          {fileError ? <FieldError id="evidence-file-error" message={fileError} /> : null}
          <input
            key={inputKey}
            id="evidence-file"
            name="evidence-file"
            type="file"
            accept={EVIDENCE_CONTENT_TYPES.join(',')}
            className="file-input"
            aria-describedby={fileError ? 'evidence-file-hint evidence-file-error' : 'evidence-file-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="evidence-file"
          />
        </div>
        <div className="actions">
          <SubmitButton pending={step.isPending || reading} testId="evidence-submit" variant="secondary">
            {step.isPending || reading ? t('supports.evidence.uploading') : t('supports.evidence.upload')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** F13: the report to the SSM; the API refuses it while the evidence is not acceptable. */
function ReportForm({ support: s, onDone }: { support: SupportView; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [note, setNote] = useState('');
  const step = useSupportStep(s.id, { onError: form.fromError, onSuccess: onDone });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending) return;
    form.clear();
    step.mutate({ step: 'report', body: isBlank(note) ? {} : { note: note.trim() } });
  };
  return (
    <div className="panel" data-testid="report-form">
      <h3>{t('supports.report.heading')}</h3>
      <ErrorSummary form={form} labels={{ note: t('supports.report.note') }} idFor={() => 'report-note'} />
      <form className="form" noValidate onSubmit={submit}>
        <TextAreaField
          id="report-note"
          label={t('supports.report.note')}
          value={note}
          onChange={setNote}
          rows={3}
          error={form.field('note')}
          optional
        />
        <div className="actions">
          <SubmitButton pending={step.isPending} testId="report-submit">
            {t('supports.report.submit')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** F11: the SSM approves the report, or withholds reimbursement with a reason (suggested ones first). */
function ReviewForm({ support: s, onDone }: { support: SupportView; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const words = useSupportWords();
  const form = useFormErrors();
  const suggested = s.suggestedWithholdReasons;
  const [reason, setReason] = useState<WithholdReason | ''>(suggested[0] ?? '');
  const [note, setNote] = useState('');
  const step = useSupportStep(s.id, {
    onError: form.fromError,
    onSuccess: (_v, st: SupportStep) =>
      onDone(
        st.step === 'review' && st.body.decision === 'withhold'
          ? t('supports.flash.withheld')
          : t('supports.flash.reportApproved'),
      ),
  });
  const reasons = [...suggested, ...WITHHOLD_REASONS.filter((r) => !suggested.includes(r))];
  const approve = () => {
    if (step.isPending) return;
    form.clear();
    step.mutate({ step: 'review', body: { decision: 'approve' } });
  };
  const withhold = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending) return;
    const ok = form.check(
      collect([
        ['reason', !reason && t('supports.review.errors.reason')],
        ['note', isBlank(note) && t('supports.review.errors.note')],
      ]),
    );
    if (!ok || !reason) return;
    form.clear();
    step.mutate({ step: 'review', body: { decision: 'withhold', reason, note: note.trim() } });
  };
  const labels = { reason: t('supports.review.reason'), note: t('supports.review.note') };
  return (
    <section className="section panel" aria-labelledby="review-heading" data-testid="review-form">
      <h2 id="review-heading">{t('supports.review.heading')}</h2>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `review-${f}`} />
      {s.actions.includes('approve_report') || s.actions.includes('lift_withholding') ? (
        <p className="actions">
          <button
            type="button"
            className="ontario-button ontario-button--primary"
            aria-disabled={step.isPending ? true : undefined}
            onClick={approve}
            data-testid="review-approve"
          >
            {s.actions.includes('lift_withholding')
              ? t('supports.review.lift')
              : t('supports.review.approve')}
          </button>
        </p>
      ) : null}
      {s.actions.includes('withhold') ? (
        <form className="form" noValidate onSubmit={withhold} data-testid="withhold-form">
          <h3>{t('supports.review.withholdHeading')}</h3>
          <SelectField
            id="review-reason"
            label={labels.reason}
            hint={suggested.length ? t('supports.review.suggestedHint') : undefined}
            placeholder={t('common.choose')}
            options={reasons.map((r) => ({
              value: r,
              label: suggested.includes(r)
                ? t('supports.review.suggested', { reason: words.withholdReason(r) })
                : words.withholdReason(r),
            }))}
            value={reason}
            onChange={(v) => setReason(v as WithholdReason | '')}
            error={form.field('reason')}
            required
          />
          <TextAreaField
            id="review-note"
            label={labels.note}
            value={note}
            onChange={setNote}
            rows={3}
            error={form.field('note')}
            required
          />
          <div className="actions">
            <SubmitButton pending={step.isPending} testId="withhold-submit" variant="secondary">
              {t('supports.review.withhold')}
            </SubmitButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function CancelForm({ support: s, onDone }: { support: SupportView; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const step = useSupportStep(s.id, { onError: form.fromError, onSuccess: onDone });
  if (!open)
    return (
      <p className="actions">
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => setOpen(true)}
          data-testid="cancel-open"
        >
          {t('supports.cancel.open')}
        </button>
      </p>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending) return;
    if (!form.check(collect([['reason', isBlank(reason) && t('supports.cancel.errors.reason')]]))) return;
    form.clear();
    step.mutate({ step: 'cancel', body: { reason: reason.trim() } });
  };
  return (
    <section className="section panel" aria-labelledby="cancel-heading" data-testid="cancel-form">
      <h2 id="cancel-heading">{t('supports.cancel.heading')}</h2>
      <ErrorSummary
        form={form}
        labels={{ reason: t('supports.cancel.reason') }}
        idFor={() => 'cancel-reason'}
      />
      <form className="form" noValidate onSubmit={submit}>
        <TextAreaField
          id="cancel-reason"
          label={t('supports.cancel.reason')}
          value={reason}
          onChange={setReason}
          rows={3}
          error={form.field('reason')}
          required
        />
        <div className="actions">
          <SubmitButton pending={step.isPending} testId="cancel-submit" variant="secondary">
            {t('supports.cancel.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
