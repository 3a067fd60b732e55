import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { useFormErrors, type FieldMessages } from '../../forms.js';
import { isAsked, validateAnswers } from '../../../../src/domain/assessment/answers.js';
import type { AnswerValue, Answers, AssessmentDetail, QuestionBank, QuestionSection } from '../../types.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useAssessmentStep } from './data.js';
import { answerFieldId, draftOf, fromDraft, inLocale, needsModule2, type Draft } from './logic.js';
import { QuestionField } from './QuestionField.js';
import { AssessmentPage } from './shared.js';

/**
 * One section of the CA (C5): its questions by type, each follow-up appearing as soon as the answer it
 * depends on is given (the domain's `isAsked`, the same rule the API applies). Earlier answers fill
 * the form, so a resumed CA is reviewed with the client (C9).
 */
export function SectionPage() {
  const { t, i18n } = useTranslation();
  const { sectionId } = useParams();
  return (
    // Keyed on the section, so moving to the next one is a new page: its heading takes focus.
    <AssessmentPage
      key={sectionId}
      needsBank
      title={(_, bank) => {
        const section = bank?.sections.find((s) => s.id === sectionId);
        return section
          ? inLocale(i18n.language, section.en, section.fr)
          : t('assessments.section.titleLoading');
      }}
    >
      {(detail, bank) => {
        const section = bank?.sections.find((s) => s.id === sectionId);
        if (!bank || !section) return <NotFoundPage />;
        if (!detail.actions.includes('answer'))
          return <Navigate to={`/assessments/${detail.id}/check`} replace />;
        return (
          <SectionForm key={`${detail.id}:${section.id}`} detail={detail} bank={bank} section={section} />
        );
      }}
    </AssessmentPage>
  );
}

/** The questions asked given the answers so far, in bank order (a condition only looks back). */
function askedIn(section: QuestionSection, draft: Draft, earlier: Answers, facts: AssessmentDetail['facts']) {
  const answers: Answers = { ...earlier };
  const asked = [];
  for (const q of section.questions) {
    if (!isAsked(q, answers, facts)) continue;
    asked.push(q);
    const value = fromDraft(q, draft[q.id]);
    if (value !== null) answers[q.id] = value;
  }
  return { asked, answers };
}

function SectionForm({
  detail,
  bank,
  section,
}: {
  detail: AssessmentDetail;
  bank: QuestionBank;
  section: QuestionSection;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useFormErrors();
  useEffect(() => {
    // "Change" on the check-answers page links to one question: once the page has focused its
    // heading, move on to that question's first control.
    const target = location.hash.slice(1);
    if (!target) return;
    const timer = window.setTimeout(() => {
      const field = document.getElementById(target);
      const control = field?.matches('input, select, textarea')
        ? field
        : field?.querySelector<HTMLElement>('input, select, textarea');
      field?.scrollIntoView({ block: 'center' });
      control?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.hash]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(section.questions, detail.answers));
  const then = useRef<'continue' | 'later'>('continue');
  const ids = useMemo(() => new Set(section.questions.map((q) => q.id)), [section]);
  // Answers of other sections, which this section's conditions may look at.
  const earlier = useMemo(
    () => Object.fromEntries(Object.entries(detail.answers).filter(([id]) => !ids.has(id))),
    [detail.answers, ids],
  );
  const { asked, answers } = askedIn(section, draft, earlier, detail.facts);
  const progress = detail.progress.find((p) => p.sectionId === section.id);
  const resumed = progress && progress.status !== 'not_started';
  const locale = i18n.language;

  const nextPath = () => {
    const order = bank.sections.filter((s) => s.module === 'm1' || needsModule2(detail)).map((s) => s.id);
    const next = order[order.indexOf(section.id) + 1];
    const sameModule = bank.sections.find((s) => s.id === next)?.module === section.module;
    return next && sameModule ? `/assessments/${detail.id}/sections/${next}` : `/assessments/${detail.id}`;
  };

  const save = useAssessmentStep<{ answers: Record<string, AnswerValue | null> }>(detail.id, '/answers', {
    method: 'PATCH',
    onError: form.fromError,
    onSuccess: () => navigate(then.current === 'continue' ? nextPath() : `/assessments/${detail.id}`),
  });

  const labels = Object.fromEntries(
    section.questions.map((q) => [`answers.${q.id}`, inLocale(locale, q.en, q.fr)]),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    then.current = submitter?.getAttribute('data-then') === 'later' ? 'later' : 'continue';
    const patch: Record<string, AnswerValue | null> = {};
    const askedIds = new Set(asked.map((q) => q.id));
    for (const q of section.questions) {
      const value = askedIds.has(q.id) ? fromDraft(q, draft[q.id]) : null;
      if (value !== null) patch[q.id] = value;
      else if (q.id in detail.answers) patch[q.id] = null;
    }
    const problems: FieldMessages = {};
    for (const q of asked) {
      const raw = draft[q.id];
      if (typeof raw === 'string' && raw.trim() !== '' && fromDraft(q, raw) === null)
        problems[`answers.${q.id}`] = t('assessments.section.notANumber');
      else if (then.current === 'continue' && q.required && fromDraft(q, raw) === null)
        problems[`answers.${q.id}`] = t('assessments.section.answerThis');
    }
    for (const p of validateAnswers(bank, patch, answers, detail.facts)) {
      const key = `answers.${p.questionId}`;
      problems[key] ??= inLocale(locale, p.en, p.fr);
    }
    if (!form.check(problems)) return;
    form.clear();
    save.mutate({ answers: patch });
  };

  const intro =
    section.introEn || section.introFr
      ? inLocale(locale, section.introEn ?? '', section.introFr ?? '')
      : null;
  return (
    <>
      <p className="tag--muted" data-testid="section-module">
        {t(`assessments.tasks.groups.${section.module}`)}
      </p>
      {intro ? <p>{intro}</p> : null}
      {resumed ? (
        <PageAlert kind="informational" heading={t('assessments.section.reviewHeading')}>
          <p>{t('assessments.section.reviewBody')}</p>
        </PageAlert>
      ) : null}
      <ErrorSummary form={form} labels={labels} idFor={answerFieldId} />
      <form
        className="form"
        onSubmit={submit}
        noValidate
        data-testid="section-form"
        data-section={section.id}
      >
        {asked.map((q) => (
          <div
            key={q.id}
            data-question={q.id}
            data-type={q.type}
            data-required={q.required ? 'true' : 'false'}
          >
            <QuestionField
              question={q}
              value={draft[q.id] ?? (q.type === 'multi' ? [] : '')}
              onChange={(value) => setDraft((d) => ({ ...d, [q.id]: value }))}
              error={form.field(`answers.${q.id}`)}
            />
          </div>
        ))}
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="section-continue">
            {save.isPending && then.current === 'continue'
              ? t('common.saving')
              : t('assessments.section.continue')}
          </SubmitButton>
          <button
            type="submit"
            className="ontario-button ontario-button--secondary"
            data-then="later"
            data-testid="section-later"
            aria-disabled={save.isPending ? true : undefined}
          >
            {t('assessments.section.later')}
          </button>
        </div>
        <p className="tag--muted">
          {t('assessments.section.bankVersion', { version: bank.version, date: fmt.date(bank.publishedOn) })}
        </p>
      </form>
    </>
  );
}
