/**
 * The question banks themselves: data files, checked by a schema when they load, kept apart from
 * the types so the web (which fetches a bank by version from the API) does not bundle every bank
 * and the schema library with it.
 */
import { z } from 'zod';
import bank2026v1 from './2026-1.json' with { type: 'json' };
import { MODULES } from '../types.js';
import {
  QUESTION_TYPES,
  SECTION_IDS,
  type Condition,
  type Question,
  type QuestionBank,
} from '../question-bank.js';

const text = z.string().trim().min(1);
const optionSchema = z.strictObject({ value: z.string().regex(/^[a-z0-9_]+$/), en: text, fr: text });

const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: z.string(), equals: answerValueSchema }),
    z.strictObject({ question: z.string(), in: z.array(z.string()).min(1) }),
    z.strictObject({ question: z.string(), notIn: z.array(z.string()).min(1) }),
    z.strictObject({ ageUnder: z.number().int().positive() }),
    z.strictObject({ saClient: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/),
  type: z.enum(QUESTION_TYPES),
  en: text,
  fr: text,
  helpEn: text.optional(),
  helpFr: text.optional(),
  options: z.array(optionSchema).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean(),
  when: conditionSchema.optional(),
});

const sectionSchema = z.strictObject({
  id: z.string(),
  module: z.enum(MODULES),
  en: text,
  fr: text,
  introEn: text.optional(),
  introFr: text.optional(),
  questions: z.array(questionSchema).min(1),
});

const bankSchema = z
  .strictObject({
    version: z.string().min(1),
    publishedOn: z.iso.date(),
    sections: z.array(sectionSchema),
  })
  .superRefine((bank, ctx) => {
    for (const problem of bankConsistencyProblems(bank)) ctx.addIssue({ code: 'custom', ...problem });
  });

/**
 * What the shape alone cannot say: section order, unique ids, options where the type needs them,
 * and conditions that point back at an earlier question with values it can actually take. A bank
 * that fails here would ask questions that can never be answered, or never be asked.
 */
function bankConsistencyProblems(bank: QuestionBank): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const expected = [...SECTION_IDS.m1, ...SECTION_IDS.m2];
  const actual = bank.sections.map((s) => s.id);
  if (actual.join() !== expected.join())
    problems.push({ path: ['sections'], message: `sections must be ${expected.join(', ')} in that order` });
  const earlier = new Map<string, Question>();
  bank.sections.forEach((section, si) => {
    const moduleOfId = (SECTION_IDS.m1 as readonly string[]).includes(section.id) ? 'm1' : 'm2';
    if (section.module !== moduleOfId)
      problems.push({ path: ['sections', si, 'module'], message: `${section.id} belongs to ${moduleOfId}` });
    section.questions.forEach((q, qi) => {
      const path = ['sections', si, 'questions', qi];
      if (!q.id.startsWith(`${section.id}.`))
        problems.push({ path: [...path, 'id'], message: `${q.id} must start with "${section.id}."` });
      if (earlier.has(q.id))
        problems.push({ path: [...path, 'id'], message: `duplicate question id ${q.id}` });
      for (const message of questionShapeProblems(q)) problems.push({ path, message: `${q.id}: ${message}` });
      if (q.when)
        for (const message of conditionProblems(q.when, earlier))
          problems.push({ path: [...path, 'when'], message: `${q.id}: ${message}` });
      earlier.set(q.id, q);
    });
  });
  return problems;
}

function questionShapeProblems(q: Question): string[] {
  const problems: string[] = [];
  const hasOptions = q.type === 'single' || q.type === 'multi' || q.type === 'scale';
  if (hasOptions && !q.options) problems.push(`a ${q.type} question needs options`);
  if (!hasOptions && q.options) problems.push(`a ${q.type} question has no options`);
  if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length)
    problems.push('option values must be unique');
  if (q.type === 'number' || q.type === 'scale') {
    if (q.min === undefined || q.max === undefined || q.min >= q.max) problems.push('needs min < max');
  } else if (q.min !== undefined || q.max !== undefined) problems.push(`a ${q.type} question has no range`);
  if (q.type === 'scale' && q.min !== undefined && q.max !== undefined && q.options) {
    const points = Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min! + i));
    if (q.options.map((o) => o.value).join() !== points.join())
      problems.push(`a scale labels each point: option values ${points.join(', ')}`);
  }
  if ((q.helpEn === undefined) !== (q.helpFr === undefined)) problems.push('help needs both languages');
  return problems;
}

function conditionProblems(c: Condition, earlier: Map<string, Question>): string[] {
  if ('all' in c) return c.all.flatMap((x) => conditionProblems(x, earlier));
  if ('any' in c) return c.any.flatMap((x) => conditionProblems(x, earlier));
  if (!('question' in c)) return [];
  const target = earlier.get(c.question);
  if (!target) return [`condition refers to ${c.question}, which is not an earlier question`];
  const values = 'equals' in c ? [c.equals] : 'in' in c ? c.in : c.notIn;
  const known = target.options?.map((o) => o.value);
  const problems: string[] = [];
  for (const v of values) {
    const fits =
      target.type === 'boolean'
        ? typeof v === 'boolean'
        : known
          ? typeof v === 'string' && known.includes(v)
          : typeof v === 'string' || typeof v === 'number';
    if (!fits) problems.push(`condition value ${JSON.stringify(v)} is not an answer to ${c.question}`);
  }
  return problems;
}

/** Checks a bank read from JSON; throws a ZodError naming each problem. */
export function parseQuestionBank(json: unknown): QuestionBank {
  return bankSchema.parse(json);
}

export const QUESTION_BANKS: Readonly<Record<string, QuestionBank>> = Object.freeze({
  '2026-1': parseQuestionBank(bank2026v1),
});

/** New CAs start with this bank; CAs already started keep theirs. */
export const CURRENT_QUESTION_BANK_VERSION = '2026-1';

export function questionBank(version: string): QuestionBank | null {
  return Object.hasOwn(QUESTION_BANKS, version) ? QUESTION_BANKS[version]! : null;
}
