import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton, TextAreaField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { useFormErrors } from '../../forms.js';
import { askedQuestions } from '../../../../src/domain/assessment/answers.js';
import { referralProblems, submissionProblems } from '../../../../src/domain/assessment/lifecycle.js';
import { READINESS_FACTORS, READINESS_REMINDERS } from '../../../../src/domain/assessment/readiness.js';
import type { AssessmentDetail, QuestionBank, ReferralBarriers } from '../../types.js';
import {
  barriersOf,
  ClientChoiceField,
  emptyNeeds,
  NeedsFields,
  type NeedsValues,
} from '../referrals/ReferralNeeds.js';
import { useAssessmentStep } from './data.js';
import { answerText, inLocale, isSaOffice, needsModule2, questionFieldId } from './logic.js';
import { AssessmentPage } from './shared.js';

/**
 * Check answers (C7, C8): every answer by section with a way back to change it, what is still
 * missing, and the last step: submit (which produces the stream) or, for SA, refer to the SSM (C6).
 */
export function CheckAnswersPage() {
  const { t } = useTranslation();
  return (
    <AssessmentPage
      needsBank
      title={(d) =>
        d && isSaOffice(d) && d.status === 'in_progress'
          ? t('assessments.check.titleRefer')
          : t('assessments.check.title')
      }
    >
      {(detail, bank) => (bank ? <CheckAnswers detail={detail} bank={bank} /> : null)}
    </AssessmentPage>
  );
}

function CheckAnswers({ detail, bank }: { detail: AssessmentDetail; bank: QuestionBank }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const locale = fmt.locale;
  const canChange = detail.actions.includes('answer');
  const sections = bank.sections.filter((s) => s.module === 'm1' || needsModule2(detail));
  const sa = isSaOffice(detail);
  const open = detail.status === 'in_progress';
  const facts = {
    bank,
    answers: detail.answers,
    facts: detail.facts,
    consentActive: detail.consent.active,
    identityVerified: detail.identity !== null,
  };
  const missing = !open
    ? []
    : sa
      ? referralProblems({ ...facts, flow: detail.flow })
      : submissionProblems({ ...facts, serviceLevel: detail.serviceLevel?.level ?? null });

  return (
    <>
      {open && missing.length ? (
        <PageAlert kind="warning" heading={t('assessments.check.missingHeading')}>
          <ul data-testid="missing-parts">
            {missing.map((p) => (
              <li key={`${p.code}:${p.field}`}>
                <strong>{p.rule}</strong> — {inLocale(i18n.language, p.en, p.fr)}
              </li>
            ))}
          </ul>
        </PageAlert>
      ) : null}

      <section className="section" aria-labelledby="check-start-heading">
        <h2 id="check-start-heading">{t('assessments.check.startHeading')}</h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t('assessments.tasks.consent')}</dt>
            <dd>
              {detail.consent.lastReading
                ? t('assessments.check.consentValue', {
                    when: fmt.dateTime(detail.consent.lastReading.at),
                    channel: t(`consentChannels.${detail.consent.lastReading.channel}`),
                  })
                : t('assessments.check.notDone')}
            </dd>
            <dd className="summary-list__action" />
          </div>
          <div className="summary-list__row">
            <dt>{t('assessments.tasks.identity')}</dt>
            <dd>
              {detail.identity
                ? t(`identityMethods.${detail.identity.method}`)
                : t('assessments.check.notDone')}
            </dd>
            <dd className="summary-list__action">
              {detail.actions.includes('verify_identity') ? (
                <Link to={`/assessments/${detail.id}/identity`}>
                  {t('assessments.check.change')}
                  <span className="ontario-show-for-sr"> {t('assessments.tasks.identity')}</span>
                </Link>
              ) : null}
            </dd>
          </div>
          {!sa ? (
            <div className="summary-list__row">
              <dt>{t('assessments.tasks.serviceLevel')}</dt>
              <dd data-testid="check-service-level">
                {detail.serviceLevel
                  ? t(`serviceLevels.${detail.serviceLevel.level}`)
                  : t('assessments.check.notDone')}
              </dd>
              <dd className="summary-list__action">
                {detail.actions.includes('set_service_level') ? (
                  <Link to={`/assessments/${detail.id}/service-level`}>
                    {t('assessments.check.change')}
                    <span className="ontario-show-for-sr"> {t('assessments.tasks.serviceLevel')}</span>
                  </Link>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      {sections.map((section) => {
        const title = inLocale(locale, section.en, section.fr);
        const asked = askedQuestions(section, detail.answers, detail.facts);
        const progress = detail.progress.find((p) => p.sectionId === section.id);
        return (
          <section
            key={section.id}
            className="section"
            aria-labelledby={`check-${section.id}`}
            data-testid={`check-section-${section.id}`}
          >
            <h2 id={`check-${section.id}`}>{title}</h2>
            {progress && progress.status !== 'complete' ? (
              <p className="tag tag--warning">{t(`assessments.taskStatus.${progress.status}`)}</p>
            ) : null}
            <dl className="summary-list">
              {asked.map((q) => {
                const value = detail.answers[q.id];
                const label = inLocale(locale, q.en, q.fr);
                return (
                  <div
                    className="summary-list__row"
                    key={q.id}
                    data-testid="check-answer"
                    data-question={q.id}
                  >
                    <dt>{label}</dt>
                    <dd>
                      {value === undefined ? (
                        <span className="tag--muted">
                          {q.required ? t('assessments.check.notAnswered') : t('assessments.check.skipped')}
                        </span>
                      ) : (
                        answerText(q, value, locale, t)
                      )}
                    </dd>
                    <dd className="summary-list__action">
                      {canChange ? (
                        <Link
                          to={`/assessments/${detail.id}/sections/${section.id}#${questionFieldId(q.id)}`}
                        >
                          {t('assessments.check.change')}
                          <span className="ontario-show-for-sr"> {label}</span>
                        </Link>
                      ) : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}

      {detail.actions.includes('refer') ? <ReferForm detail={detail} /> : null}
      {!sa && open ? <SubmitStep detail={detail} /> : null}
      {!open ? (
        <p>
          <Link to={`/assessments/${detail.id}/summary`}>{t('assessments.check.toSummary')}</Link>
        </p>
      ) : null}
    </>
  );
}

/** C8: submitting fixes the CA for good (C11) and produces the stream; the button waits while it runs. */
function SubmitStep({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const submit = useAssessmentStep<Record<string, never>>(detail.id, '/submit', {
    onError: form.fromError,
    onSuccess: (d) => navigate(`/assessments/${d.id}/summary`, { state: { submitted: true } }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    form.clear();
    submit.mutate({});
  };
  if (!detail.actions.includes('submit')) return null;
  return (
    <section className="section" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('assessments.check.submitHeading')}</h2>
      <p>{t('assessments.check.submitBody')}</p>
      <ErrorSummary form={form} />
      <form onSubmit={onSubmit} noValidate>
        <button
          type="submit"
          className="ontario-button ontario-button--primary"
          data-testid="assessment-submit"
          disabled={submit.isPending}
          aria-disabled={submit.isPending ? true : undefined}
        >
          {submit.isPending ? t('assessments.check.submitting') : t('assessments.check.submit')}
        </button>
        {submit.isPending ? (
          <p role="status" className="loading">
            {t('assessments.check.submittingStatus')}
          </p>
        ) : null}
      </form>
    </section>
  );
}

interface ReferBody {
  clientChoiceOrganizationId: string | null;
  warmReferral: boolean;
  barriers: ReferralBarriers;
  notes: string | null;
}

/**
 * C6: the SA caseworker, Module 1 done, sends the in-progress CA to the SSM with what the provider
 * should know (P3 the client's choice, P9 warm referral, barriers); the readiness factors (E8) are
 * there to weigh, not a gate.
 */
function ReferForm({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [choice, setChoice] = useState('');
  const [needs, setNeeds] = useState<NeedsValues>(() => emptyNeeds());
  const [notes, setNotes] = useState('');
  const refer = useAssessmentStep<ReferBody>(detail.id, '/refer', {
    onError: form.fromError,
    onSuccess: (d) => navigate(`/assessments/${d.id}/summary`, { state: { referred: true } }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (refer.isPending) return;
    form.clear();
    refer.mutate({
      clientChoiceOrganizationId: choice || null,
      warmReferral: needs.warmReferral,
      barriers: barriersOf(needs),
      notes: notes.trim() || null,
    });
  };
  return (
    <section className="section" aria-labelledby="refer-heading">
      <h2 id="refer-heading">{t('assessments.refer.title')}</h2>
      <p>{t('assessments.refer.intro')}</p>
      <details className="other-language">
        <summary>{t('assessments.refer.readiness')}</summary>
        <ul>
          {READINESS_FACTORS.map((f) => (
            <li key={f.id}>{inLocale(i18n.language, f.en, f.fr)}</li>
          ))}
        </ul>
        <ul>
          {READINESS_REMINDERS.map((f) => (
            <li key={f.id}>
              <strong>{inLocale(i18n.language, f.en, f.fr)}</strong>
            </li>
          ))}
        </ul>
      </details>
      <ErrorSummary form={form} />
      <form className="form" onSubmit={submit} noValidate>
        <ClientChoiceField
          value={choice}
          onChange={setChoice}
          error={form.field('clientChoiceOrganizationId')}
        />
        <NeedsFields values={needs} onChange={setNeeds} form={form} />
        <TextAreaField
          id="notes"
          label={t('referrals.fields.notes')}
          hint={t('assessments.refer.notesHint')}
          value={notes}
          onChange={setNotes}
          error={form.field('notes')}
          maxLength={4000}
          rows={5}
          optional
        />
        <SubmitButton pending={refer.isPending} testId="refer-submit">
          {refer.isPending ? t('common.saving') : t('assessments.refer.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
