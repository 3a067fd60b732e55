import {
  isAsked,
  questionBank,
  CURRENT_QUESTION_BANK_VERSION,
  CURRENT_NOTICE_VERSION,
} from '../../src/domain/assessment/index.js';
import type { AnswerValue, Answers, AssessmentFacts, Module } from '../../src/domain/assessment/types.js';
import type { Session, World } from './world.js';

/** Consent as POST /clients/:id/assessments takes it: the current notice read in person (C3). */
export const CONSENT = { given: true, channel: 'in_person', noticeVersion: CURRENT_NOTICE_VERSION } as const;

/**
 * An adult citizen living in Ontario, out of work for a year, with no stabilization needs: every
 * anchor answer of E1–E6 favourable, so case-managed service is open to them.
 */
export const ELIGIBLE_ANSWERS: Answers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'administrative.temporary_address': false,
  'demographic.education': 'secondary',
  'supports.looking_for': 'new_job',
  'supports.stabilization_needs': ['none'],
  'employment.status': 'unemployed',
  'employment.months_without_work': 12,
  'goals.seeking_self_employment': false,
};

function sampleValue(
  q: NonNullable<ReturnType<typeof questionBank>>['sections'][number]['questions'][number],
) {
  switch (q.type) {
    case 'boolean':
      return false;
    case 'single':
      return q.options!.find((o) => o.value === 'no')?.value ?? q.options![0]!.value;
    case 'multi':
      return [q.options!.find((o) => o.value === 'none')?.value ?? q.options![0]!.value];
    case 'number':
      return q.min ?? 0;
    case 'scale':
      return 3;
    case 'text':
      return 'Sample answer';
    case 'date':
      return '2026-01-15';
  }
}

/**
 * Answers to every question asked in the given modules, as a caseworker filling the CA would give
 * them: `overrides` first, a plausible value for the rest, until nothing more is asked.
 */
export function completeAnswers(
  facts: AssessmentFacts,
  modules: Module[] = ['m1', 'm2'],
  overrides: Answers = ELIGIBLE_ANSWERS,
): Answers {
  const bank = questionBank(CURRENT_QUESTION_BANK_VERSION)!;
  const answers: Answers = {};
  for (let changed = true; changed;) {
    changed = false;
    // Filled across both modules (an M2 question may depend on an M1 answer), returned per module.
    for (const section of bank.sections) {
      for (const q of section.questions) {
        if (answers[q.id] !== undefined || !isAsked(q, answers, facts)) continue;
        answers[q.id] = (overrides[q.id] ?? sampleValue(q)) as AnswerValue;
        changed = true;
      }
    }
  }
  const wanted = new Set(
    bank.sections.filter((s) => modules.includes(s.module)).flatMap((s) => s.questions.map((q) => q.id)),
  );
  return Object.fromEntries(Object.entries(answers).filter(([id]) => wanted.has(id)));
}

/** The facts of an adult non-SA client, for completeAnswers. */
export const ADULT: AssessmentFacts = { ageYears: 36, saClient: false };
export const ADULT_SA: AssessmentFacts = { ageYears: 36, saClient: true };

export interface Detail {
  id: string;
  reference: string;
  status: string;
  flow: string;
  holder: { organizationId: string; name: string; kind: string };
  consent: { active: boolean; needsReconfirmation: boolean; carriedOver: boolean };
  answers: Answers;
  progress: { sectionId: string; status: string }[];
  serviceLevel: { level: string } | null;
  segmentation: {
    modelId: string;
    modelVersion: string;
    stream: string;
    thresholds: { b: number; c: number };
  } | null;
  referral: { id: string; status: string } | null;
  caseworker: { id: string } | null;
  notes: { body: string | null; kind: string }[];
  actions: string[];
  cancellation: { reason: string; note: string | null } | null;
  closedInError: { reason: string | null; replacedById: string | null } | null;
  ageing: { days: number; state: string };
  startedAt: string;
  submittedAt: string | null;
  ssm: { id: string; name: string } | null;
  socialAssistance: { officeName: string | null; caseworkerName: string | null } | null;
  assignableCaseworkers: { id: string; name: string }[];
}

/** Starts (or resumes) a CA for a client with consent given; returns the response. */
export function startAssessment(world: World, as: Session, clientId: string, consent: object = CONSENT) {
  return world.request(as, {
    method: 'POST',
    url: `/api/clients/${clientId}/assessments`,
    payload: { consent },
  });
}

/** A call that must succeed; returns its JSON body. */
export async function ok<T = Detail>(
  world: World,
  as: Session,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
): Promise<T> {
  const res = await world.request(as, { method, url, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Photo ID seen in person, valid for years yet (C4). */
export const PHOTO_ID = {
  method: 'photo_id',
  kind: 'drivers_licence',
  expiresOn: '2031-06-30',
  seen: 'in_person',
} as const;
