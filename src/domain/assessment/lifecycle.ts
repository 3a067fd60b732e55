/**
 * A CA's life: in progress (editable) → submitted, cancelled or, after submission, closed in error;
 * every state but the first is read-only forever (C9, C11). Also what must be in place before it
 * is submitted (C3, C4, C5, S1, S4) or referred by SA (C6). Free of calendar imports: the web shows
 * the same ageing and missing parts.
 */
import { moduleComplete, sectionProgress } from './answers.js';
import { sectionsOf, type QuestionBank } from './question-bank.js';
import type {
  AgeingState,
  AnswerValue,
  Answers,
  AssessmentFacts,
  AssessmentFlow,
  AssessmentStatus,
  CancelReason,
  RuleProblem,
  ServiceLevel,
} from './types.js';

/** C9, S4, P11: an in-progress CA is kept this many calendar days before it may be cancelled. */
export const AGEING_DAYS = 120;
/** A month's warning before that, so the worker can reach the client first. */
export const AGEING_WARNING_DAYS = 90;

/** C9/C11. */
export function mayEdit(status: AssessmentStatus): boolean {
  return status === 'in_progress';
}

/** C9: only an in-progress CA is cancelled; a submitted one is closed in error instead (C11). */
export function mayCancel(status: AssessmentStatus): boolean {
  return status === 'in_progress';
}

/** C11: the only change a submitted CA ever gets. */
export function mayCloseInError(status: AssessmentStatus): boolean {
  return status === 'submitted';
}

/** C9: "Other (please specify)". */
export function cancelNeedsNote(reason: CancelReason): boolean {
  return reason === 'other';
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d))
    throw new RangeError(`not a date 'YYYY-MM-DD': ${isoDate}`);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * Calendar days since the CA was started (both Toronto dates): `ageing` from day 90, `aged` from
 * day 120, when it may be cancelled (C9).
 */
export function ageing(startedOn: string, today: string): { days: number; state: AgeingState } {
  const days = Math.max(0, dayNumber(today) - dayNumber(startedOn));
  const state: AgeingState = days >= AGEING_DAYS ? 'aged' : days >= AGEING_WARNING_DAYS ? 'ageing' : 'open';
  return { days, state };
}

const CONSENT_PROBLEM: RuleProblem = {
  rule: 'C3',
  field: 'consent',
  code: 'consent_not_active',
  en: 'Consent is not active: read the Notice of Collection and Consent and record the client’s consent.',
  fr: 'Le consentement n’est pas actif : lisez l’avis de collecte et de consentement et consignez le consentement du client.',
};

const IDENTITY_PROBLEM: RuleProblem = {
  rule: 'C4',
  field: 'identity',
  code: 'identity_not_verified',
  en: 'The client’s identity has not been verified.',
  fr: 'L’identité du client n’a pas été vérifiée.',
};

function incompleteSections(
  bank: QuestionBank,
  answers: Answers,
  facts: AssessmentFacts,
  modules: readonly ('m1' | 'm2')[],
): RuleProblem[] {
  return sectionProgress(bank, answers, facts)
    .filter((p) => modules.includes(p.module) && p.status !== 'complete')
    .map((p) => {
      const section = bank.sections.find((s) => s.id === p.sectionId)!;
      const n = p.missing.length;
      return {
        rule: 'C5',
        field: `sections.${p.sectionId}`,
        code: 'section_incomplete',
        en: `${section.en}: ${n} required ${n === 1 ? 'question' : 'questions'} still to answer.`,
        fr: `${section.fr} : ${n} ${n === 1 ? 'question obligatoire' : 'questions obligatoires'} sans réponse.`,
      };
    });
}

export interface SubmissionInput {
  bank: QuestionBank;
  answers: Answers;
  facts: AssessmentFacts;
  consentActive: boolean;
  identityVerified: boolean;
  serviceLevel: ServiceLevel | null;
}

/** Everything missing before a CA can be submitted, all at once so the worker fixes it in one pass. */
export function submissionProblems(input: SubmissionInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!input.consentActive) problems.push(CONSENT_PROBLEM);
  if (!input.identityVerified) problems.push(IDENTITY_PROBLEM);
  if (input.serviceLevel === null)
    problems.push({
      rule: 'S1',
      field: 'serviceLevel',
      code: 'service_level_missing',
      en: 'Set the service level before submitting.',
      fr: 'Établissez le niveau de service avant de soumettre l’évaluation.',
    });
  else if (input.serviceLevel !== 'case_managed')
    // S4: a self-directed (or pending) client's M1 stays in progress; only case-managed CAs go on.
    problems.push({
      rule: 'S4',
      field: 'serviceLevel',
      code: 'not_case_managed',
      en: 'Only a case-managed client’s assessment is completed and submitted; a self-directed or pending one stays in progress.',
      fr: 'Seule l’évaluation d’un client avec gestion de cas est terminée et soumise; celle d’un client en service autonome ou en attente reste en cours.',
    });
  problems.push(...incompleteSections(input.bank, input.answers, input.facts, ['m1', 'm2']));
  return problems;
}

export interface ReferralInput {
  bank: QuestionBank;
  answers: Answers;
  facts: AssessmentFacts;
  consentActive: boolean;
  identityVerified: boolean;
  flow: AssessmentFlow;
}

/** C6: SA completes Module 1 and refers the in-progress CA to the SSM; the SLD is the provider's. */
export function referralProblems(input: ReferralInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.flow !== 'sa')
    problems.push({
      rule: 'C6',
      field: 'flow',
      code: 'not_sa_flow',
      en: 'Only an assessment started by social assistance is referred to the SSM; a provider completes its own.',
      fr: 'Seule une évaluation commencée par l’aide sociale est aiguillée vers le GSS; un fournisseur termine la sienne.',
    });
  if (!input.consentActive) problems.push(CONSENT_PROBLEM);
  if (!input.identityVerified) problems.push(IDENTITY_PROBLEM);
  problems.push(...incompleteSections(input.bank, input.answers, input.facts, ['m1']));
  return problems;
}

/** C6: convenient for screens that only need a yes/no. */
export function module1Complete(bank: QuestionBank, answers: Answers, facts: AssessmentFacts): boolean {
  return moduleComplete(bank, answers, facts, 'm1');
}

/**
 * S4, C6: Module 2 is asked of case-managed clients only, by the provider once it has set the
 * service level. Answers to it before then, or for a self-directed or service-pending client, are
 * refused (clearing one, with null, is always allowed).
 */
export function module2Problems(
  bank: QuestionBank,
  patch: Record<string, AnswerValue | null>,
  serviceLevel: ServiceLevel | null,
): RuleProblem[] {
  if (serviceLevel === 'case_managed') return [];
  const module2 = new Set(sectionsOf(bank, 'm2').flatMap((s) => s.questions.map((q) => q.id)));
  return Object.entries(patch)
    .filter(([id, value]) => value !== null && module2.has(id))
    .map(([id]) => ({
      rule: 'S4',
      field: `answers.${id}`,
      code: 'module2_needs_case_managed',
      en:
        serviceLevel === null
          ? 'Module 2 comes after the service level: set case-managed service first.'
          : 'Module 2 is only for case-managed clients; a self-directed or service-pending client has no Module 2.',
      fr:
        serviceLevel === null
          ? 'Le module 2 suit la détermination du niveau de service : choisissez d’abord les services avec gestion de cas.'
          : 'Le module 2 s’adresse seulement aux clients avec gestion de cas; un client en services autonomes ou en attente de service n’a pas de module 2.',
    }));
}
