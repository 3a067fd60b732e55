import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SubmitButton, TextAreaField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, isBlank, problemMessage, useFormErrors } from '../../forms.js';
import { useReviewDecision, useReviewQueue, type ReviewAction } from './data.js';
import { EvidenceGaps, EvidenceList } from './shared.js';
import type { ReviewQueueAttestation, ReviewQueueCheckpoint } from './types.js';

/** The API takes 1 to 2000 characters of reason. */
const REASON_MAX = 2000;

/**
 * The SSM's review of PBF checkpoint submissions (M8, M9) and of attestations waiting for
 * pre-approval (M10), across the catchment. Approving lets an earned line be paid; rejecting (with a
 * reason the provider reads) reverses it until the provider corrects and resubmits.
 */
export function PbfReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const [flash, setFlash] = useState<string | null>(null);
  const decided = (a: ReviewAction) => {
    const key =
      a.target === 'checkpoint'
        ? a.decision === 'approve'
          ? 'approved'
          : 'rejected'
        : a.decision === 'pre-approve'
          ? 'attestationPreApproved'
          : 'attestationRejected';
    setFlash(t(`pbf.review.flash.${key}`));
  };
  const checkpoints = queue.data?.checkpoints ?? [];
  const attestations = queue.data?.attestations ?? [];
  return (
    <Page title={t('pbf.review.title')} lead={t('pbf.review.lead')}>
      <div role="status" className="plan-flash">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('pbf.review.flash.body')}</p>
          </PageAlert>
        ) : null}
      </div>
      <QueryStatus query={queue} />
      {queue.data ? (
        <>
          <section className="section" aria-labelledby="pbf-review-checkpoints">
            <h2 id="pbf-review-checkpoints">{t('pbf.review.checkpointsHeading')}</h2>
            {checkpoints.length === 0 ? (
              <p data-testid="review-checkpoints-empty">{t('pbf.review.checkpointsEmpty')}</p>
            ) : (
              <ul className="review-list" data-testid="review-checkpoints">
                {checkpoints.map((c) => (
                  <CheckpointSubmission key={c.checkpointId} item={c} onDecided={decided} />
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="pbf-review-attestations">
            <h2 id="pbf-review-attestations">{t('pbf.review.attestationsHeading')}</h2>
            {attestations.length === 0 ? (
              <p data-testid="review-attestations-empty">{t('pbf.review.attestationsEmpty')}</p>
            ) : (
              <ul className="review-list" data-testid="review-attestations">
                {attestations.map((a) => (
                  <AttestationRequest key={a.id} item={a} onDecided={decided} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}

function ClientHeading({
  id,
  item,
}: {
  id: string;
  item: Pick<ReviewQueueCheckpoint, 'clientName' | 'planReference' | 'planId' | 'kind'>;
}) {
  const { t } = useTranslation();
  return (
    <h3 className="ontario-h5" id={id}>
      {item.clientName ?? t('pbf.review.clientUnnamed')}{' '}
      <span className="tag--muted">
        (<Link to={`/plans/${item.planId}/monitoring`}>{item.planReference}</Link>)
      </span>{' '}
      – {t(`pbf.checkpoints.${item.kind}`)}
    </h3>
  );
}

function CheckpointSubmission({
  item,
  onDecided,
}: {
  item: ReviewQueueCheckpoint;
  onDecided: (a: ReviewAction) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const headingId = `review-checkpoint-${item.checkpointId}`;
  return (
    <li
      className="panel"
      aria-labelledby={headingId}
      data-testid="review-checkpoint"
      data-plan-reference={item.planReference}
      data-kind={item.kind}
    >
      <ClientHeading id={headingId} item={item} />
      <dl className="details">
        <dt>{t('pbf.fields.provider')}</dt>
        <dd>{item.providerName}</dd>
        <dt>{t('pbf.fields.stream')}</dt>
        <dd>{t('pbf.streamValue', { letter: item.stream, name: t(`streams.${item.stream}`) })}</dd>
        <dt>{t('pbf.fields.checkpoint')}</dt>
        <dd>{t(`pbf.checkpoints.${item.kind}`)}</dd>
        <dt>{t('pbf.fields.dueOn')}</dt>
        <dd>{fmt.date(item.dueOn)}</dd>
        {item.submittedAt ? (
          <>
            <dt>{t('pbf.fields.submittedAt')}</dt>
            <dd>{fmt.dateTime(item.submittedAt)}</dd>
          </>
        ) : null}
        <dt>{t('pbf.fields.esqStatus')}</dt>
        <dd>{t(`pbf.esqStatuses.${item.esqStatus}`)}</dd>
        <dt>{t('pbf.fields.fundedOutcome')}</dt>
        <dd data-testid="funded-outcome" data-met={item.fundedOutcome?.met ?? ''}>
          {item.fundedOutcome ? (
            <>
              <span className={`tag ${item.fundedOutcome.met ? 'tag--ok' : 'tag--warning'}`}>
                {item.fundedOutcome.met ? t('pbf.fundedOutcome.met') : t('pbf.fundedOutcome.notMet')}
              </span>{' '}
              {t(`pbf.fundedOutcome.reasons.${item.fundedOutcome.reason}`)}
              {item.fundedOutcome.stacked ? (
                <>
                  {' '}
                  <span className="tag tag--warning">{t('pbf.fundedOutcome.stacked')}</span>
                </>
              ) : null}
            </>
          ) : (
            t('pbf.fundedOutcome.pending')
          )}
        </dd>
        {item.attestationState ? (
          <>
            <dt>{t('pbf.fields.attestation')}</dt>
            <dd data-testid="attestation-state" data-state={item.attestationState}>
              {t(`pbf.attestationStates.${item.attestationState}`)}
              {' – '}
              {item.attestationSigned ? t('pbf.attestation.signed') : t('pbf.attestation.notSigned')}
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="ontario-h6">{t('pbf.evidence.heading')}</h4>
      <EvidenceList evidence={item.evidence} />
      <h4 className="ontario-h6">{t('pbf.gaps.heading')}</h4>
      <EvidenceGaps gaps={item.evidenceGaps} />
      {item.evidenceGaps.length > 0 ? <p className="ontario-hint">{t('pbf.review.gapsHint')}</p> : null}
      <Decision
        idPrefix={`checkpoint-${item.checkpointId}`}
        approveLabel={t('pbf.review.approve')}
        rejectLabel={t('pbf.review.reject')}
        approve={{ target: 'checkpoint', id: item.checkpointId, decision: 'approve' }}
        reject={(reason) => ({ target: 'checkpoint', id: item.checkpointId, decision: 'reject', reason })}
        onDecided={onDecided}
      />
    </li>
  );
}

function AttestationRequest({
  item,
  onDecided,
}: {
  item: ReviewQueueAttestation;
  onDecided: (a: ReviewAction) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const headingId = `review-attestation-${item.id}`;
  return (
    <li
      className="panel"
      aria-labelledby={headingId}
      data-testid="review-attestation"
      data-plan-reference={item.planReference}
      data-kind={item.kind}
    >
      <ClientHeading id={headingId} item={item} />
      <dl className="details">
        <dt>{t('pbf.fields.provider')}</dt>
        <dd>{item.providerName}</dd>
        <dt>{t('pbf.fields.requested')}</dt>
        <dd>
          {fmt.dateTime(item.requestedAt)}, {item.requestedBy}
        </dd>
        <dt>{t('pbf.attestation.covers')}</dt>
        <dd>{item.covers.map((c) => t(`pbf.evidenceParts.${c}`)).join(', ')}</dd>
        <dt>{t('pbf.attestation.rationale')}</dt>
        <dd className="pre-wrap">{item.rationale}</dd>
        <dt>{t('pbf.attestation.attempts')}</dt>
        <dd className="pre-wrap">{item.attempts}</dd>
        <dt>{t('pbf.attestation.otherFactors')}</dt>
        <dd className="pre-wrap">{item.otherFactors || t('common.none')}</dd>
      </dl>
      <Decision
        idPrefix={`attestation-${item.id}`}
        approveLabel={t('pbf.review.preApprove')}
        rejectLabel={t('pbf.review.reject')}
        approve={{ target: 'attestation', id: item.id, decision: 'pre-approve' }}
        reject={(reason) => ({ target: 'attestation', id: item.id, decision: 'reject', reason })}
        onDecided={onDecided}
      />
    </li>
  );
}

/** Approve at once; reject only with a reason, asked for in a form that opens under the buttons. */
function Decision({
  idPrefix,
  approveLabel,
  rejectLabel,
  approve,
  reject,
  onDecided,
}: {
  idPrefix: string;
  approveLabel: string;
  rejectLabel: string;
  approve: ReviewAction;
  reject: (reason: string) => ReviewAction;
  onDecided: (a: ReviewAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useFormErrors();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const decision = useReviewDecision({ onSuccess: onDecided });
  const send = (a: ReviewAction) => {
    if (decision.isPending) return;
    form.clear();
    setRefusal(null);
    decision.mutate(a, {
      // A refused approval (M9: evidence gaps) is said whole, with its rule; a refused reason goes on the field.
      onError: (e) =>
        a.decision === 'reject' ? form.fromError(e) : setRefusal(problemMessage(e, t, i18n.language)),
    });
  };
  const reasonId = `${idPrefix}-reason`;
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    const ok = form.check(
      collect([
        ['reason', isBlank(reason) && t('pbf.review.reasonRequired')],
        ['reason', reason.length > REASON_MAX && t('pbf.review.reasonTooLong', { max: REASON_MAX })],
      ]),
    );
    if (ok) send(reject(reason.trim()));
  };
  return (
    <>
      {refusal ? (
        <PageAlert kind="error" heading={t('pbf.review.refused')} live>
          <p data-testid="review-refusal">{refusal}</p>
        </PageAlert>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="ontario-button ontario-button--primary"
          data-testid="review-approve"
          aria-disabled={decision.isPending ? true : undefined}
          onClick={() => send(approve)}
        >
          {approveLabel}
        </button>
        {!rejecting ? (
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid="review-reject"
            onClick={() => {
              form.clear();
              setRefusal(null);
              setRejecting(true);
            }}
          >
            {rejectLabel}
          </button>
        ) : null}
      </div>
      {rejecting ? (
        <form noValidate onSubmit={submitReject} data-testid="review-reject-form">
          <ErrorSummary form={form} labels={{ reason: t('pbf.review.reason') }} idFor={() => reasonId} />
          <TextAreaField
            id={reasonId}
            label={t('pbf.review.reason')}
            hint={t('pbf.review.reasonHint')}
            value={reason}
            onChange={setReason}
            required
            maxLength={REASON_MAX}
            error={form.field('reason')}
          />
          <div className="actions">
            <SubmitButton pending={decision.isPending} testId="review-reject-confirm">
              {t('pbf.review.confirmReject')}
            </SubmitButton>
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => {
                setRejecting(false);
                form.clear();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
