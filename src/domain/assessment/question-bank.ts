/**
 * The Common Assessment's questions (C5) are data, not code: a bank is a versioned JSON file under
 * `banks/`, checked by `banks/index.ts` when loaded. A CA records the bank version it was started with, so a later
 * bank never changes the meaning of answers already given (C11: a submitted CA is a snapshot).
 */
import type { AnswerValue, Module } from './types.js';

export const QUESTION_TYPES = ['boolean', 'single', 'multi', 'text', 'number', 'date', 'scale'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Option {
  value: string;
  en: string;
  fr: string;
}

/**
 * When a question is asked. `in`/`notIn` on a multi answer: any selected value matches. A condition
 * on a question not answered (or not asked) is false, so a follow-up appears only once the answer it
 * depends on is known.
 */
export type Condition =
  | { question: string; equals: AnswerValue }
  | { question: string; in: string[] }
  | { question: string; notIn: string[] }
  | { ageUnder: number }
  | { saClient: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export interface Question {
  id: string;
  type: QuestionType;
  en: string;
  fr: string;
  helpEn?: string;
  helpFr?: string;
  /** single and multi: the choices; scale: one label per point from min to max. */
  options?: Option[];
  /** number: the allowed range; scale: the first and last point. */
  min?: number;
  max?: number;
  /** Needed for the section to be complete, once asked. "Prefer not to say" counts as an answer. */
  required: boolean;
  when?: Condition;
}

/** The fixed section ids, in the order the CA asks them (C5). The SLD is not a bank section (S1). */
export const SECTION_IDS = {
  m1: ['administrative', 'demographic', 'essential_skills', 'supports'],
  m2: ['income', 'disability', 'employment', 'goals'],
} as const satisfies Record<Module, readonly string[]>;
export type SectionId = (typeof SECTION_IDS)[Module][number];

export interface Section {
  id: string;
  module: Module;
  en: string;
  fr: string;
  introEn?: string;
  introFr?: string;
  questions: Question[];
}

export interface QuestionBank {
  version: string;
  publishedOn: string;
  sections: Section[];
}

/** Longest free-text answer; a CA is a structured snapshot, long stories go in the notes (C7). */
export const TEXT_ANSWER_MAX_LENGTH = 1000;

export function sectionsOf(bank: QuestionBank, module: Module): Section[] {
  return bank.sections.filter((s) => s.module === module);
}

/** Every question of a bank by id, in bank order. */
export function questionsById(bank: QuestionBank): Map<string, Question> {
  return new Map(bank.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}
