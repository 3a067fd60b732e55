/**
 * E1–E6 read from the CA's own answers, so the worker sees the eligibility the answers imply while
 * the assessment goes on. The rules themselves live in the screening tool (`screen`); this only
 * translates answers into its questions. The CA informs and does not decide (C12): the result
 * guides the service level, it never blocks answering.
 */
import { ageOn } from '../eligibility/age.js';
import {
  screen,
  WORK_AUTHORIZATIONS,
  type ScreeningResult,
  type WorkAuthorization,
  type WorkPermit,
} from '../eligibility/screening.js';
import type { Answers } from './types.js';

export {
  WORK_AUTHORIZATIONS,
  type ScreeningResult,
  type WorkAuthorization,
} from '../eligibility/screening.js';

export interface EligibilityInput {
  answers: Answers;
  dateOfBirth: string;
  /** The day of the assessment, Toronto date 'YYYY-MM-DD'. */
  today: string;
  /** From the client record (E2): a SIN on file. */
  hasSin: boolean;
  /** From the client record: a 900-series SIN (E4). */
  sinTemporary: boolean;
}

export type AssessmentEligibility = ScreeningResult & {
  /** Question ids whose answer could still change the outcome; while unanswered, the favourable case is assumed. */
  pending: string[];
};

const Q = {
  livesInOntario: 'administrative.lives_in_ontario',
  status: 'administrative.status_in_canada',
  permit: 'administrative.work_permit',
  education: 'demographic.education',
  excusal: 'demographic.school_excusal_proof',
  lookingFor: 'supports.looking_for',
  employment: 'employment.status',
  selfEmployment: 'goals.seeking_self_employment',
} as const;

const WORKING_STATUSES = ['employed_full_time', 'employed_part_time', 'self_employed'];
const PERMITS: readonly string[] = ['open', 'employer_specific', 'none'];

export function eligibilityFromAnswers(input: EligibilityInput): AssessmentEligibility {
  const { answers: a, dateOfBirth, today } = input;
  const pending: string[] = [];
  const known = <T>(id: string, read: (v: unknown) => T | undefined, favourable: T): T => {
    const v = read(a[id]);
    if (v !== undefined) return v;
    pending.push(id);
    return favourable;
  };
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

  const livesInOntario = known(Q.livesInOntario, bool, true);
  const workAuthorization = known<WorkAuthorization>(
    Q.status,
    (v) => ((WORK_AUTHORIZATIONS as readonly unknown[]).includes(v) ? (v as WorkAuthorization) : undefined),
    'citizen',
  );
  // E4: the permit question is asked only of people who are neither citizens nor permanent residents.
  const canadian = workAuthorization === 'citizen' || workAuthorization === 'permanent_resident';
  const workPermit: WorkPermit = canadian
    ? 'not_applicable'
    : known<WorkPermit>(
        Q.permit,
        (v) => (PERMITS.includes(v as string) ? (v as WorkPermit) : undefined),
        'open',
      );

  // E3: school completion and excusal only matter before 18 (the same questions the bank asks then).
  const minor = ageOn(dateOfBirth, today) < 18;
  const education = a[Q.education];
  let secondarySchoolCompleted = true;
  let schoolExcusalProof = false;
  if (minor) {
    if (education === undefined) pending.push(Q.education);
    secondarySchoolCompleted = education !== 'less_than_secondary';
    if (!secondarySchoolCompleted) schoolExcusalProof = known(Q.excusal, bool, true);
  }

  // E6: self-employment shows in M1 (what they look for) before M2 asks it outright.
  const lookingFor = a[Q.lookingFor];
  if (lookingFor === undefined) pending.push(Q.lookingFor);
  const seekingSelfEmployment = lookingFor === 'start_business' || a[Q.selfEmployment] === true;

  // E5: M2's status is authoritative; in M1 only "better job" / "job at risk" say the person works.
  const status = a[Q.employment];
  const currentlyEmployed =
    typeof status === 'string'
      ? WORKING_STATUSES.includes(status)
      : lookingFor === 'better_job' || lookingFor === 'keep_job_at_risk';

  const result = screen({
    dateOfBirth,
    screenedOn: today,
    livesInOntario,
    hasSin: input.hasSin,
    sinTemporary: input.sinTemporary,
    workAuthorization,
    workPermit,
    secondarySchoolCompleted,
    schoolExcusalProof,
    currentlyEmployed,
    seekingSelfEmployment,
  });
  return { ...result, pending };
}
