import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, SelectField, SubmitButton, TextAreaField } from '../../components/fields.js';
import { Loading } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { keys } from '../../queries.js';
import {
  CLOSE_REASONS,
  SSM_DECISIONS,
  type ListOf,
  type RankedProvider,
  type Referral,
  type SsmDecision,
} from '../../types.js';
import { closeNeedsNote } from '../../../../src/domain/referral/closing.js';
import { decisionAllowed } from '../../../../src/domain/referral/returns.js';
import { useReferralStep } from './actions.js';
import { ReasonForm } from './ReasonForm.js';
import { Factors } from './Factors.js';
import {
  emptyScreening,
  ScreeningQuestions,
  screeningAnswers,
  screeningGaps,
  type ScreeningDraft,
} from './screening.js';

/**
 * P2 pathway 2: a referral that reached SSM intake without screening (a TRF list) is screened here
 * before the matrix can send it on.
 */
export function ScreeningPanel({
  referral,
  client,
}: {
  referral: Referral;
  client: { dateOfBirth: string; sinMasked: string | null; sinTemporary: boolean } | undefined;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [draft, setDraft] = useState<ScreeningDraft>(() => emptyScreening(client));
  const step = useReferralStep<ReturnType<typeof screeningAnswers>>(referral.id, '/screening', {
    onError: form.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    if (form.check(screeningGaps(draft, t, 'screening.'))) {
      form.clear();
      step.mutate(screeningAnswers(draft));
    }
  };
  return (
    <section className="section" aria-labelledby="screen-heading">
      <h2 id="screen-heading">{t('referrals.screening.title')}</h2>
      <p>
        {referral.screening ? t('referrals.screening.introAgain') : t('referrals.screening.introExisting')}
      </p>
      <ErrorSummary form={form} />
      <form className="form" onSubmit={submit} noValidate>
        <ScreeningQuestions draft={draft} onChange={setDraft} form={form} idPrefix="screening" />
        <div className="actions">
          <SubmitButton pending={step.isPending} testId="screening-save">
            {t('referrals.screening.save')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/**
 * The referral decision matrix for the intake worker (P4): the ranking with the factors behind each
 * place (P6), one click for the first suggestion, or another provider with a reason. A client's choice
 * binds (P3): the API refuses anything else, and the page says so before it is tried.
 */
export function AssignPanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const suggestions = useQuery({
    queryKey: keys.suggestions(referral.id),
    queryFn: () => get<ListOf<RankedProvider>>(`/referrals/${referral.id}/suggestions`),
  });
  const [override, setOverride] = useState({ organizationId: '', reason: '' });
  const assign = useReferralStep<{ organizationId: string; overrideReason: string | null }>(
    referral.id,
    '/assign',
    { onError: form.fromError },
  );
  const ranked = suggestions.data?.items ?? [];
  const top = ranked[0];
  const choiceBinds = Boolean(referral.clientChoiceOrganizationId);

  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    if (assign.isPending) return;
    const pickedTop = override.organizationId === top?.organizationId;
    const ok = form.check(
      collect([
        ['organizationId', !override.organizationId && t('referrals.matrix.errors.providerRequired')],
        [
          'overrideReason',
          !pickedTop &&
            (isBlank(override.reason) || override.reason.trim().length < 5) &&
            t('referrals.matrix.errors.reasonRequired'),
        ],
      ]),
    );
    if (!ok) return;
    form.clear();
    assign.mutate({
      organizationId: override.organizationId,
      overrideReason: pickedTop ? null : override.reason.trim(),
    });
  };

  return (
    <section className="section" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('referrals.matrix.title')}</h2>
      <p>{t('referrals.matrix.intro')}</p>
      {referral.redirectRequested ? (
        <p className="callout-inline" data-testid="redirect-notice">
          {t('referrals.matrix.redirect')}
        </p>
      ) : null}
      {referral.returnedBy.length ? (
        <p data-testid="returned-by">
          {t('referrals.matrix.returnedBy', {
            providers: referral.returnedBy.map((r) => r.organizationName).join(', '),
          })}
        </p>
      ) : null}
      {suggestions.isPending ? <Loading /> : null}
      {suggestions.isError ? (
        <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : null}
      <ErrorSummary
        form={form}
        labels={{
          organizationId: t('referrals.matrix.provider'),
          overrideReason: t('referrals.matrix.reason'),
        }}
      />
      {top ? (
        <>
          <div className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              data-testid="assign-top"
              aria-disabled={assign.isPending ? true : undefined}
              onClick={() => {
                if (!assign.isPending) {
                  form.clear();
                  assign.mutate({ organizationId: top.organizationId, overrideReason: null });
                }
              }}
            >
              {t('referrals.matrix.assignTop', { name: top.organizationName })}
            </button>
          </div>
          <ol className="ranking" data-testid="suggestions">
            {ranked.map((r) => (
              <li key={r.organizationId} data-testid="suggestion" data-organization={r.organizationId}>
                <h3 className="ontario-h5">
                  {t('referrals.matrix.rankHeading', {
                    rank: r.rank,
                    name: r.organizationName,
                    site: r.siteName,
                  })}
                  {r.chosenByClient ? (
                    <>
                      {' '}
                      <span className="tag tag--ok">{t('referrals.matrix.clientChoice')}</span>
                    </>
                  ) : null}
                </h3>
                {r.utilisationPercent === null ? (
                  <p className="tag--muted">{t('referrals.matrix.noTarget')}</p>
                ) : null}
                <Factors factors={r.factors} />
              </li>
            ))}
          </ol>
          {choiceBinds ? (
            <p>{t('referrals.matrix.choiceBinds')}</p>
          ) : (
            <form className="form" onSubmit={submitOverride} noValidate>
              <h3>{t('referrals.matrix.overrideTitle')}</h3>
              <SelectField
                id="organizationId"
                label={t('referrals.matrix.provider')}
                options={ranked.map((r) => ({
                  value: r.organizationId,
                  label: `${r.rank}. ${r.organizationName}`,
                }))}
                placeholder={t('common.choose')}
                value={override.organizationId}
                onChange={(v) => setOverride((o) => ({ ...o, organizationId: v }))}
                error={form.field('organizationId')}
                required
              />
              <TextAreaField
                id="overrideReason"
                label={t('referrals.matrix.reason')}
                hint={t('referrals.matrix.reasonHint')}
                value={override.reason}
                onChange={(v) => setOverride((o) => ({ ...o, reason: v }))}
                error={form.field('overrideReason')}
                maxLength={1000}
              />
              <div className="actions">
                <SubmitButton pending={assign.isPending} variant="secondary" testId="assign-override">
                  {t('referrals.matrix.assignChosen')}
                </SubmitButton>
              </div>
            </form>
          )}
        </>
      ) : suggestions.data ? (
        <p>{t('referrals.matrix.none')}</p>
      ) : null}
    </section>
  );
}

/** P10: the SSM's course for a returned referral, (a) to (d); (a) only for referrals from SA. */
export function DecisionPanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [decision, setDecision] = useState<SsmDecision | ''>('');
  const [note, setNote] = useState('');
  const step = useReferralStep<{ decision: SsmDecision; note: string | null }>(referral.id, '/decision', {
    onError: form.fromError,
    onSuccess: () => {
      setDecision('');
      setNote('');
    },
  });
  const options = SSM_DECISIONS.filter((d) => decisionAllowed(d, referral.pathway)).map((d) => ({
    value: d,
    label: t(`ssmDecisions.${d}`),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    if (!form.check(collect([['decision', !decision && t('referrals.decision.required')]]))) return;
    form.clear();
    step.mutate({ decision: decision as SsmDecision, note: note.trim() || null });
  };
  return (
    <section className="section" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('referrals.decision.title')}</h2>
      <ErrorSummary form={form} labels={{ decision: t('referrals.decision.label') }} />
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id="decision"
          label={t('referrals.decision.label')}
          options={options}
          value={decision}
          onChange={(v) => setDecision(v as SsmDecision)}
          error={form.field('decision')}
          required
        />
        <TextAreaField
          id="note"
          label={t('referrals.decision.note')}
          value={note}
          onChange={setNote}
          error={form.field('note')}
          maxLength={2000}
          optional
        />
        <div className="actions">
          <SubmitButton pending={step.isPending} testId="decision-submit">
            {t('referrals.decision.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/**
 * SSM intake closes a referral it will not send to a provider: screened out (the person keeps
 * self-directed service, E1), withdrawn, a duplicate, or another reason in words.
 */
export function ClosePanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const screenedOut = referral.screening !== null && referral.screening.outcome !== 'case_managed_eligible';
  return (
    <ReasonForm
      referral={referral}
      path="/close"
      reasons={CLOSE_REASONS}
      labelOf={(r) => t(`closeReasons.${r}`)}
      needsNote={closeNeedsNote}
      initialReason={screenedOut ? 'not_eligible_self_directed' : ''}
      idPrefix="close-"
      testId="close-submit"
      texts={{
        title: t('referrals.close.title'),
        intro: t('referrals.close.intro'),
        reason: t('referrals.close.reason'),
        note: t('referrals.close.note'),
        submit: t('referrals.close.submit'),
        reasonRequired: t('referrals.close.errors.reason'),
        noteRequired: t('referrals.close.errors.note'),
      }}
    />
  );
}
