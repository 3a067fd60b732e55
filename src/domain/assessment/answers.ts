/**
 * Answers to a question bank: which questions are asked given the answers so far, whether a patch
 * of answers is acceptable, and how far each section is. Pure, and free of calendar imports, so the
 * web evaluates the same conditions and progress live as the API does when it stores them.
 */
import {
  questionsById,
  TEXT_ANSWER_MAX_LENGTH,
  type Condition,
  type Question,
  type QuestionBank,
  type Section,
} from './question-bank.js';
import type { AnswerValue, Answers, AssessmentFacts, Module, SectionStatus } from './types.js';

/** An answer that excludes every other choice of a multi question. */
const EXCLUSIVE_OPTIONS = ['none', 'prefer_not_to_say'];

export function conditionHolds(c: Condition, answers: Answers, facts: AssessmentFacts): boolean {
  if ('all' in c) return c.all.every((x) => conditionHolds(x, answers, facts));
  if ('any' in c) return c.any.some((x) => conditionHolds(x, answers, facts));
  if ('ageUnder' in c) return facts.ageYears < c.ageUnder;
  if ('saClient' in c) return facts.saClient === c.saClient;
  const answer = answers[c.question];
  // A follow-up waits for the answer it depends on: unknown is never "matches" nor "differs".
  if (answer === undefined) return false;
  const selected = Array.isArray(answer) ? answer : [answer];
  if ('equals' in c) {
    if (Array.isArray(answer)) return typeof c.equals === 'string' && answer.includes(c.equals);
    return answer === c.equals;
  }
  if ('in' in c) return selected.some((v) => typeof v === 'string' && c.in.includes(v));
  return selected.some((v) => typeof v !== 'string' || !c.notIn.includes(v));
}

export function isAsked(question: Question, answers: Answers, facts: AssessmentFacts): boolean {
  return question.when === undefined || conditionHolds(question.when, answers, facts);
}

export function askedQuestions(section: Section, answers: Answers, facts: AssessmentFacts): Question[] {
  return section.questions.filter((q) => isAsked(q, answers, facts));
}

export const ANSWER_PROBLEM_CODES = [
  'unknown_question',
  'wrong_type',
  'unknown_option',
  'out_of_range',
  'not_asked',
  'empty',
  'too_long',
  'exclusive_option',
  'invalid_date',
] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEM_CODES)[number];

export interface AnswerProblem {
  questionId: string;
  code: AnswerProblemCode;
  en: string;
  fr: string;
}

const EXPECTED: Record<Question['type'], { en: string; fr: string }> = {
  boolean: { en: 'yes or no', fr: 'oui ou non' },
  single: { en: 'one of the choices', fr: 'l’un des choix' },
  multi: { en: 'a list of choices', fr: 'une liste de choix' },
  text: { en: 'text', fr: 'du texte' },
  number: { en: 'a number', fr: 'un nombre' },
  date: { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
  scale: { en: 'a whole number on the scale', fr: 'un nombre entier de l’échelle' },
};

function problem(questionId: string, code: AnswerProblemCode, en: string, fr: string): AnswerProblem {
  return { questionId, code, en, fr };
}

/** A real calendar date 'YYYY-MM-DD'; kept local so this module stays free of the calendar import. */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Problems with one value for one question, ignoring whether the question is asked. */
export function valueProblems(q: Question, value: AnswerValue): AnswerProblem[] {
  const wrongType = () => [
    problem(
      q.id,
      'wrong_type',
      `The answer must be ${EXPECTED[q.type].en}.`,
      `La réponse doit être ${EXPECTED[q.type].fr}.`,
    ),
  ];
  const options = q.options?.map((o) => o.value) ?? [];
  const unknownOption = (v: string) =>
    problem(
      q.id,
      'unknown_option',
      `“${v}” is not one of the choices.`,
      `« ${v} » ne fait pas partie des choix.`,
    );
  switch (q.type) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrongType();
    case 'text':
      if (typeof value !== 'string') return wrongType();
      if (value.trim() === '')
        return [problem(q.id, 'empty', 'The answer is empty.', 'La réponse est vide.')];
      return value.length > TEXT_ANSWER_MAX_LENGTH
        ? [
            problem(
              q.id,
              'too_long',
              `The answer is longer than ${TEXT_ANSWER_MAX_LENGTH} characters; longer details belong in the notes.`,
              `La réponse dépasse ${TEXT_ANSWER_MAX_LENGTH} caractères; les détails plus longs vont dans les notes.`,
            ),
          ]
        : [];
    case 'date':
      if (typeof value !== 'string') return wrongType();
      return isCalendarDate(value)
        ? []
        : [problem(q.id, 'invalid_date', 'This is not a valid date.', 'Cette date n’est pas valide.')];
    case 'single':
      if (typeof value !== 'string') return wrongType();
      return options.includes(value) ? [] : [unknownOption(value)];
    case 'multi': {
      if (!Array.isArray(value)) return wrongType();
      if (value.length === 0)
        return [
          problem(
            q.id,
            'empty',
            'Choose at least one answer (“None of these” is a choice).',
            'Choisissez au moins une réponse (« Rien de tout cela » est un choix).',
          ),
        ];
      const unknown = value.filter((v) => !options.includes(v)).map(unknownOption);
      if (unknown.length) return unknown;
      const exclusive = value.find((v) => EXCLUSIVE_OPTIONS.includes(v));
      if (exclusive && value.length > 1)
        return [
          problem(
            q.id,
            'exclusive_option',
            `“${exclusive}” cannot be combined with other choices.`,
            `« ${exclusive} » ne peut pas être combiné avec d’autres choix.`,
          ),
        ];
      return new Set(value).size === value.length ? [] : wrongType();
    }
    case 'number':
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType();
      if (q.type === 'scale' && !Number.isInteger(value)) return wrongType();
      const min = q.min ?? -Infinity;
      const max = q.max ?? Infinity;
      return value >= min && value <= max
        ? []
        : [
            problem(
              q.id,
              'out_of_range',
              `The answer must be between ${min} and ${max}.`,
              `La réponse doit se situer entre ${min} et ${max}.`,
            ),
          ];
    }
  }
}

/**
 * What is wrong with a patch of answers. `merged` is the CA's answers with the patch applied
 * ({@link mergeAnswers}): a question is "asked" when its condition holds on those, so answering a
 * follow-up together with the answer it depends on is accepted.
 */
export function validateAnswers(
  bank: QuestionBank,
  patch: Record<string, AnswerValue | null>,
  merged: Answers,
  facts: AssessmentFacts,
): AnswerProblem[] {
  const questions = questionsById(bank);
  const problems: AnswerProblem[] = [];
  for (const [id, value] of Object.entries(patch)) {
    const q = questions.get(id);
    if (!q) {
      problems.push(
        problem(id, 'unknown_question', 'There is no such question.', 'Cette question n’existe pas.'),
      );
      continue;
    }
    // Clearing an answer is always allowed: it is how a worker corrects a mistaken branch.
    if (value === null) continue;
    const shape = valueProblems(q, value);
    if (shape.length) {
      problems.push(...shape);
      continue;
    }
    if (!isAsked(q, merged, facts))
      problems.push(
        problem(
          id,
          'not_asked',
          'This question is not asked given the other answers.',
          'Cette question n’est pas posée compte tenu des autres réponses.',
        ),
      );
  }
  return problems;
}

/**
 * The answers after a patch: null deletes; then every answer to a question no longer asked is
 * dropped (repeatedly, since dropping one answer can un-ask a follow-up of a follow-up), so the
 * stored snapshot never holds answers the person was not asked. Ids the bank does not know are
 * dropped too. Values are not checked here: call {@link validateAnswers} on the result.
 */
export function mergeAnswers(
  bank: QuestionBank,
  existing: Answers,
  patch: Record<string, AnswerValue | null>,
  facts: AssessmentFacts,
): Answers {
  const questions = questionsById(bank);
  const next: Answers = {};
  for (const [id, value] of Object.entries(existing)) if (questions.has(id)) next[id] = value;
  for (const [id, value] of Object.entries(patch)) {
    if (!questions.has(id)) continue;
    if (value === null) delete next[id];
    else next[id] = value;
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const id of Object.keys(next)) {
      if (!isAsked(questions.get(id)!, next, facts)) {
        delete next[id];
        changed = true;
      }
    }
  }
  return next;
}

export interface SectionProgress {
  sectionId: string;
  module: Module;
  status: SectionStatus;
  /** Ids of required questions asked and not answered, in bank order. */
  missing: string[];
}

export function sectionProgress(
  bank: QuestionBank,
  answers: Answers,
  facts: AssessmentFacts,
): SectionProgress[] {
  return bank.sections.map((section) => {
    const asked = askedQuestions(section, answers, facts);
    const answered = asked.filter((q) => answers[q.id] !== undefined).length;
    const missing = asked.filter((q) => q.required && answers[q.id] === undefined).map((q) => q.id);
    const status: SectionStatus =
      missing.length === 0 ? 'complete' : answered === 0 ? 'not_started' : 'in_progress';
    return { sectionId: section.id, module: section.module, status, missing };
  });
}

export function moduleComplete(
  bank: QuestionBank,
  answers: Answers,
  facts: AssessmentFacts,
  module: Module,
): boolean {
  return sectionProgress(bank, answers, facts)
    .filter((p) => p.module === module)
    .every((p) => p.status === 'complete');
}

/** A module's status as a whole, for summaries and worklists. */
export function moduleProgress(
  bank: QuestionBank,
  answers: Answers,
  facts: AssessmentFacts,
  module: Module,
): SectionStatus {
  const statuses = sectionProgress(bank, answers, facts)
    .filter((p) => p.module === module)
    .map((p) => p.status);
  if (statuses.every((s) => s === 'complete')) return 'complete';
  if (statuses.every((s) => s === 'not_started')) return 'not_started';
  return 'in_progress';
}
