/**
 * The Common Assessment screens' pure parts: ids, form values, answers in words and the task list.
 * No React and no i18n set-up here, so unit tests import them as they are.
 */
import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../format.js';
import type {
  AnswerValue,
  Answers,
  AssessmentDetail,
  Locale,
  Question,
  QuestionBank,
  SectionStatus,
} from '../../types.js';

/** The text of a bilingual record in the interface language. */
export const inLocale = (locale: string, en: string, fr: string) => (locale === 'fr' ? fr || en : en || fr);

/** The id of a question's input (or fieldset): stable, so tests and the error summary find it. */
export const questionFieldId = (questionId: string) => `q-${questionId.replace(/\./g, '-')}`;

/** "answers.employment.hours_per_week" → the question's input id; other fields keep their own. */
export const answerFieldId = (field: string) =>
  field.startsWith('answers.') ? questionFieldId(field.slice('answers.'.length)) : field.replace(/\./g, '-');

/** One answer in words, in the interface language: option labels, Yes/No, dates and numbers formatted. */
export function answerText(question: Question, value: AnswerValue, locale: Locale, t: TFunction): string {
  const label = (v: string) => {
    const option = question.options?.find((o) => o.value === v);
    return option ? inLocale(locale, option.en, option.fr) : v;
  };
  switch (question.type) {
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    case 'single':
      return label(String(value));
    case 'multi':
      return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
    case 'scale': {
      const point = question.options?.find((o) => o.value === String(value));
      return point ? `${String(value)} – ${inLocale(locale, point.en, point.fr)}` : String(value);
    }
    case 'number':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : String(value);
    default:
      return String(value);
  }
}

/** A question's answer as a form holds it: text for every type but multi, which is a list. */
export type DraftValue = string | string[];
export type Draft = Record<string, DraftValue>;

/** A stored answer as the form shows it. */
export function toDraft(question: Question, value: AnswerValue | undefined): DraftValue {
  if (value === undefined) return question.type === 'multi' ? [] : '';
  if (question.type === 'multi') return Array.isArray(value) ? value : [String(value)];
  if (question.type === 'boolean') return value === true ? 'yes' : value === false ? 'no' : '';
  return String(value);
}

/** The form's value as an answer; null when there is none (or it is not a number where one is needed). */
export function fromDraft(question: Question, value: DraftValue | undefined): AnswerValue | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value : null;
  const text = value.trim();
  if (text === '') return null;
  switch (question.type) {
    case 'boolean':
      return text === 'yes' ? true : text === 'no' ? false : null;
    case 'number':
    case 'scale': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    default:
      return text;
  }
}

export const draftOf = (questions: Question[], answers: Answers): Draft =>
  Object.fromEntries(questions.map((q) => [q.id, toDraft(q, answers[q.id])]));

type TaskStatus = SectionStatus | 'cannot_start';

interface Task {
  id: string;
  label: string;
  status: TaskStatus;
  /** Where the task is done; none when it cannot be opened by this user now. */
  to: string | null;
}

/** S2/C6: the SA caseworker does Module 1 and refers; the service level and Module 2 are the provider's. */
export const isSaOffice = (detail: AssessmentDetail) => detail.holder.kind === 'sa_office';

/** S4: Module 2 only for case-managed service. */
export const needsModule2 = (detail: AssessmentDetail) => detail.serviceLevel?.level === 'case_managed';

export function moduleComplete(detail: AssessmentDetail, module: 'm1' | 'm2') {
  const sections = detail.progress.filter((p) => p.module === module);
  return sections.length > 0 && sections.every((p) => p.status === 'complete');
}

/** The tasks of the GOV.UK/ODS task-list pattern, in the order the CA is done (C3, C4, C5, S1, C7). */
export function tasksOf(
  detail: AssessmentDetail,
  bank: QuestionBank,
  locale: string,
  t: (k: string) => string,
) {
  const id = detail.id;
  const can = (a: AssessmentDetail['actions'][number]) => detail.actions.includes(a);
  const consentReady = detail.consent.active && !detail.consent.needsReconfirmation;
  const sectionTask = (sectionId: string, blocked: boolean): Task => {
    const section = bank.sections.find((s) => s.id === sectionId);
    const progress = detail.progress.find((p) => p.sectionId === sectionId);
    const status: TaskStatus =
      blocked && progress?.status !== 'complete' ? 'cannot_start' : (progress?.status ?? 'not_started');
    return {
      id: sectionId,
      label: section ? inLocale(locale, section.en, section.fr) : sectionId,
      status,
      to: !blocked && can('answer') ? `/assessments/${id}/sections/${sectionId}` : null,
    };
  };
  const m1 = bank.sections.filter((s) => s.module === 'm1').map((s) => sectionTask(s.id, !consentReady));
  const m1Done = moduleComplete(detail, 'm1');

  const prepare: Task[] = [
    {
      id: 'consent',
      label: t('assessments.tasks.consent'),
      status: detail.consent.active
        ? detail.consent.needsReconfirmation
          ? 'in_progress'
          : 'complete'
        : 'not_started',
      to: null,
    },
    {
      id: 'identity',
      label: t('assessments.tasks.identity'),
      status: detail.identity ? 'complete' : consentReady ? 'not_started' : 'cannot_start',
      to: consentReady && can('verify_identity') ? `/assessments/${id}/identity` : null,
    },
  ];

  const level: Task[] = isSaOffice(detail)
    ? []
    : [
        {
          id: 'service_level',
          label: t('assessments.tasks.serviceLevel'),
          status: detail.serviceLevel ? 'complete' : m1Done ? 'not_started' : 'cannot_start',
          to: m1Done && can('set_service_level') ? `/assessments/${id}/service-level` : null,
        },
      ];

  const m2 = needsModule2(detail)
    ? bank.sections.filter((s) => s.module === 'm2').map((s) => sectionTask(s.id, !consentReady))
    : [];

  const finish: Task[] = [
    {
      id: 'summary',
      label: t('assessments.tasks.summary'),
      status: detail.notes.length ? 'complete' : 'not_started',
      to: `/assessments/${id}/summary`,
    },
    isSaOffice(detail)
      ? {
          id: 'refer',
          label: t('assessments.tasks.refer'),
          status: detail.referral ? 'complete' : m1Done ? 'not_started' : 'cannot_start',
          to: m1Done || detail.referral ? `/assessments/${id}/check` : null,
        }
      : {
          id: 'check',
          label: t('assessments.tasks.check'),
          status: detail.status === 'submitted' ? 'complete' : consentReady ? 'not_started' : 'cannot_start',
          to: consentReady || detail.status !== 'in_progress' ? `/assessments/${id}/check` : null,
        },
  ];

  return [
    { id: 'prepare', title: t('assessments.tasks.groups.prepare'), tasks: prepare },
    { id: 'm1', title: t('assessments.tasks.groups.m1'), tasks: [...m1, ...level] },
    ...(m2.length ? [{ id: 'm2', title: t('assessments.tasks.groups.m2'), tasks: m2 }] : []),
    { id: 'finish', title: t('assessments.tasks.groups.finish'), tasks: finish },
  ];
}
