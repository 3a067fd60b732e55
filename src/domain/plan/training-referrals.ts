/**
 * Referrals to ministry-retained training programs (A10, §11 "Collaboration with Ministry-Retained EO
 * Programs"). Three cases, each with its own effect on the plan, the KPIs and PBF:
 *   1. immediate employment outcome (SAO, OBTP, COJG, Apprenticeship): once acceptance is confirmed,
 *      close with "Referral to EO Training Program"; no outcome screen, no monitoring, no PBF; counts
 *      as client served, inclusion group and training completion;
 *   2. no immediate outcome (BJO, OJCP, LBS): the plan goes "Active – On Hold" until the program ends,
 *      then the item is Completed / Attained and service resumes; PBF possible later;
 *   3. no concurrent enrolment allowed (e.g. SDF): close with "Referral to EO Training Program", not
 *      counted as a successful outcome.
 */
import type { ClosureReason } from './closure.js';

export const TRAINING_PROGRAMS = [
  'sao',
  'obtp',
  'cojg',
  'apprenticeship',
  'bjo',
  'ojcp',
  'lbs',
  'sdf',
] as const;
export type TrainingProgram = (typeof TRAINING_PROGRAMS)[number];

export const TRAINING_PATHS = ['immediate_employment', 'on_hold', 'exclusive'] as const;
export type TrainingPath = (typeof TRAINING_PATHS)[number];

const PATH_OF: Record<TrainingProgram, TrainingPath> = {
  sao: 'immediate_employment',
  obtp: 'immediate_employment',
  cojg: 'immediate_employment',
  apprenticeship: 'immediate_employment',
  bjo: 'on_hold',
  ojcp: 'on_hold',
  lbs: 'on_hold',
  // The ministry does not allow a client to be open in SDF and IES at once.
  sdf: 'exclusive',
};

export function trainingPathOf(program: TrainingProgram): TrainingPath {
  return PATH_OF[program];
}

export interface TrainingReferralEffect {
  path: TrainingPath;
  /** What happens to the plan once acceptance is recorded. */
  plan: 'close' | 'on_hold';
  closureReason: ClosureReason | null;
  /** The "Add an EAP Outcome" screen is skipped (case 1). */
  outcomeScreen: boolean;
  /** Whether a monitoring period (checkpoints) can follow. */
  monitoring: boolean;
  /** Whether PBF can ever be earned from this plan (later, after training and employment). */
  pbfPossible: boolean;
  /** KPI flags: client served, and training completion counted at closure (case 1). */
  countsAsClientServed: 'at_closure' | 'when_training_completes' | 'no';
  countsAsTrainingCompletion: boolean;
  /** Whether the closure counts as a successful outcome. */
  successfulOutcome: boolean;
}

/**
 * M11 **conflict**: §17 counts SAO/OBTP/COJG/Apprenticeship referrals toward PMF and PBF, §11 says no
 * PBF and no monitoring. Pathways implements §11 (the more specific text) unless this flag is set.
 */
export interface TrainingPolicy {
  immediateEmploymentEarnsPbf: boolean;
}
export const DEFAULT_TRAINING_POLICY: TrainingPolicy = { immediateEmploymentEarnsPbf: false };

/** A10: what a referral to a program does to the plan, the KPIs and PBF. */
export function trainingReferralEffect(
  program: TrainingProgram,
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): TrainingReferralEffect {
  switch (trainingPathOf(program)) {
    case 'immediate_employment':
      return {
        path: 'immediate_employment',
        plan: 'close',
        closureReason: 'referral_to_eo_training',
        outcomeScreen: false,
        monitoring: false,
        pbfPossible: policy.immediateEmploymentEarnsPbf,
        countsAsClientServed: 'at_closure',
        countsAsTrainingCompletion: true,
        successfulOutcome: true,
      };
    case 'on_hold':
      return {
        path: 'on_hold',
        plan: 'on_hold',
        closureReason: null,
        outcomeScreen: true,
        monitoring: true,
        pbfPossible: true,
        countsAsClientServed: 'when_training_completes',
        countsAsTrainingCompletion: false,
        successfulOutcome: false,
      };
    case 'exclusive':
      return {
        path: 'exclusive',
        plan: 'close',
        closureReason: 'referral_to_eo_training',
        outcomeScreen: false,
        monitoring: false,
        pbfPossible: false,
        countsAsClientServed: 'at_closure',
        countsAsTrainingCompletion: false,
        successfulOutcome: false,
      };
  }
}

export interface TrainingReferralState {
  program: TrainingProgram;
  /** §11: the provider confirms acceptance before exiting the plan, for a positive client experience. */
  acceptanceConfirmed: boolean;
  /** Pre-employment plan items still planned or in progress, other than the training item itself. */
  openOtherItems: number;
}

export interface TrainingProblem {
  rule: 'A10';
  code: 'acceptance_not_confirmed' | 'items_still_open';
  en: string;
  fr: string;
}

/**
 * A10: what stops a training referral from taking effect. Closing (cases 1 and 3) needs acceptance
 * and, for case 1, the other pre-employment items completed or closed first; going on hold (case 2)
 * needs acceptance only.
 */
export function trainingReferralProblems(state: TrainingReferralState): TrainingProblem[] {
  const problems: TrainingProblem[] = [];
  if (!state.acceptanceConfirmed)
    problems.push({
      rule: 'A10',
      code: 'acceptance_not_confirmed',
      en: 'Record the program’s acceptance first: without it the client would need a new assessment to come back.',
      fr: 'Consignez d’abord l’acceptation du programme : sans elle, le client aurait besoin d’une nouvelle évaluation pour revenir.',
    });
  if (trainingPathOf(state.program) === 'immediate_employment' && state.openOtherItems > 0)
    problems.push({
      rule: 'A10',
      code: 'items_still_open',
      en: `Complete or close the other pre-employment plan items first (${state.openOtherItems} still open).`,
      fr: `Terminez ou fermez d’abord les autres éléments du plan préalables à l’emploi (${state.openOtherItems} encore ouverts).`,
    });
  return problems;
}

/** A10 case 2: when the program ends, the training item is completed and attained, and service resumes. */
export function itemAfterOnHoldTraining(): {
  status: 'completed';
  outcome: 'attained';
  planStatus: 'active';
} {
  return { status: 'completed', outcome: 'attained', planStatus: 'active' };
}
