/**
 * The Employment Action Plan's life (A1–A4, A9, A10, M11) as pure rules: what stops activation,
 * when a signature may be recorded, which changes a plan still takes, what an item may say, what an
 * actor may do now, and the KPI flags fixed at closure. The service asks these; the web reads the
 * answers (actions, activationProblems) instead of re-deriving them.
 */
import { isEarlyExit, type ClosureReason, type PlanPhase } from './closure.js';
import {
  DEFAULT_TRAINING_POLICY,
  trainingReferralEffect,
  type TrainingPolicy,
  type TrainingProgram,
} from './training-referrals.js';
import type { PlanItemOutcome, PlanItemStatus, PlanStatus } from './types.js';

export interface PlanProblem {
  rule: string;
  code: string;
  en: string;
  fr: string;
}

/** A plan is open until closed (A1: at most one open plan per client). */
export const isOpen = (status: PlanStatus): boolean => status !== 'closed';

// ---------------------------------------------------------------------------------------------
// Activation (A2, A3)

export interface ActivationFacts {
  status: PlanStatus;
  revision: number;
  /** Goal titles by ordinal; an unset goal is '' or missing. */
  goalTitles: readonly string[];
  /** How many items each sub-goal holds. */
  subGoalItemCounts: readonly number[];
  /** The revision the client signed, if they signed. */
  signatureRevision: number | null;
}

/** A2/A3: why the plan cannot be activated yet; empty when it can. */
export function activationProblems(f: ActivationFacts): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (f.status !== 'draft') {
    problems.push({
      rule: 'A3',
      code: 'not_draft',
      en: 'Only a draft plan is activated; this one already was.',
      fr: 'Seul un plan à l’état de brouillon est activé; celui-ci l’a déjà été.',
    });
    return problems;
  }
  const titled = f.goalTitles.filter((t) => t.trim().length > 0).length;
  if (titled < 2)
    problems.push({
      rule: 'A2',
      code: 'two_goals_needed',
      en: 'Give the plan its two goals first.',
      fr: 'Donnez d’abord ses deux objectifs au plan.',
    });
  if (f.subGoalItemCounts.length === 0)
    problems.push({
      rule: 'A2',
      code: 'sub_goal_needed',
      en: 'Add at least one sub-goal.',
      fr: 'Ajoutez au moins un sous-objectif.',
    });
  const empty = f.subGoalItemCounts.filter((n) => n === 0).length;
  if (empty > 0)
    problems.push({
      rule: 'A2',
      code: 'sub_goal_without_item',
      en: `Every sub-goal needs at least one plan item (${empty} without one).`,
      fr: `Chaque sous-objectif doit compter au moins un élément du plan (${empty} sans élément).`,
    });
  if (f.signatureRevision === null)
    problems.push({
      rule: 'A3',
      code: 'signature_missing',
      en: 'The client signs the printed plan summary before activation.',
      fr: 'Le client signe le sommaire imprimé du plan avant l’activation.',
    });
  else if (f.signatureRevision !== f.revision)
    problems.push({
      rule: 'A3',
      code: 'signature_outdated',
      en: 'The plan changed after the client signed it: print the summary again and record a new signature.',
      fr: 'Le plan a changé après la signature du client : imprimez de nouveau le sommaire et consignez une nouvelle signature.',
    });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Signature (A3)

export interface SignatureFacts {
  status: PlanStatus;
  revision: number;
  summaryPrintedRevision: number | null;
  signedOn: string;
  /** Ontario dates. */
  today: string;
  planCreatedOn: string;
}

/** A3: the client signs the summary of the current revision, while the plan is a draft, on a real day. */
export function signatureProblems(f: SignatureFacts): PlanProblem[] {
  if (f.status !== 'draft')
    return [
      {
        rule: 'A3',
        code: 'not_draft',
        en: 'The plan summary is signed before activation only.',
        fr: 'Le sommaire du plan est signé avant l’activation seulement.',
      },
    ];
  const problems: PlanProblem[] = [];
  if (f.summaryPrintedRevision !== f.revision)
    problems.push({
      rule: 'A3',
      code: 'summary_not_printed',
      en: 'Print the plan summary as it stands now for the client to review before recording the signature.',
      fr: 'Imprimez le sommaire du plan dans son état actuel pour que le client le révise avant de consigner la signature.',
    });
  if (f.signedOn > f.today)
    problems.push({
      rule: 'A3',
      code: 'signed_in_future',
      en: 'The signature date cannot be in the future.',
      fr: 'La date de signature ne peut pas être dans l’avenir.',
    });
  if (f.signedOn < f.planCreatedOn)
    problems.push({
      rule: 'A3',
      code: 'signed_before_plan',
      en: 'The signature date cannot be before the plan was started.',
      fr: 'La date de signature ne peut pas précéder le début du plan.',
    });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Content changes (A4, R1)

/** A4: a plan lives while open (items and sub-goals may be added during monitoring); a closed plan is read-only. */
export function contentChangeRefusal(status: PlanStatus): PlanProblem | null {
  if (isOpen(status)) return null;
  return {
    rule: 'A4',
    code: 'plan_closed',
    en: 'A closed plan is read-only; a returning client gets a new assessment and a new plan.',
    fr: 'Un plan fermé est en lecture seule; un client qui revient reçoit une nouvelle évaluation et un nouveau plan.',
  };
}

/**
 * A3/A4: a change to a draft makes a new revision (an earlier signature no longer covers it); after
 * activation the signed plan stands and changes are written to the history instead.
 */
export const bumpsRevision = (status: PlanStatus): boolean => status === 'draft';

// ---------------------------------------------------------------------------------------------
// Plan items (A2)

export interface ItemFacts {
  status: PlanItemStatus;
  outcome: PlanItemOutcome | null;
  plannedStart: string;
  plannedEnd: string;
  actualEnd: string | null;
  /** Ontario date. */
  today: string;
}

const ENDED: readonly PlanItemStatus[] = ['completed', 'cancelled'];

/** A2/A10: an item still running (planned or in progress), as opposed to one that ended. */
export const isItemOpen = (status: PlanItemStatus): boolean => !ENDED.includes(status);

/**
 * I1/I2: the plan is shared with the client's SA caseworker once it is built, that is once it is no
 * longer a draft; an SA client's plan stays shared after closure, so SA can coordinate the exit.
 */
export const sharedWithSa = (status: PlanStatus, saClient: boolean): boolean =>
  saClient && status !== 'draft';

/** A2: an item's dates run forward, and an outcome or an actual end belongs to an item that ended. */
export function itemProblems(f: ItemFacts): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (f.plannedEnd < f.plannedStart)
    problems.push({
      rule: 'A2',
      code: 'dates_reversed',
      en: 'The planned end cannot be before the planned start.',
      fr: 'La fin prévue ne peut pas précéder le début prévu.',
    });
  const ended = ENDED.includes(f.status);
  if (f.outcome !== null && !ended)
    problems.push({
      rule: 'A2',
      code: 'outcome_needs_end',
      en: 'An outcome (attained or not) is recorded once the item is completed or cancelled.',
      fr: 'Un résultat (atteint ou non) est consigné une fois l’élément terminé ou annulé.',
    });
  if (f.actualEnd !== null && !ended)
    problems.push({
      rule: 'A2',
      code: 'actual_end_needs_end',
      en: 'An actual end date is recorded once the item is completed or cancelled.',
      fr: 'Une date de fin réelle est consignée une fois l’élément terminé ou annulé.',
    });
  if (f.actualEnd !== null && f.actualEnd > f.today)
    problems.push({
      rule: 'A2',
      code: 'actual_end_in_future',
      en: 'The actual end date cannot be in the future.',
      fr: 'La date de fin réelle ne peut pas être dans l’avenir.',
    });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// What an actor may do (A1–A4, A9, A10, I2)

export const PLAN_ACTIONS = [
  'edit',
  'print_summary',
  'record_signature',
  'activate',
  'record_training_referral',
  'resume',
  'close',
  'comment',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface ViewerFacts {
  /** Holds plan.write and belongs to the provider delivering the plan. */
  works: boolean;
  /** May write case notes (a shared comment on an item). */
  comments: boolean;
}

export interface PlanStateFacts {
  status: PlanStatus;
  revision: number;
  summaryPrintedRevision: number | null;
  activationProblemCount: number;
  /** Whether the plan has an item referring to a ministry-retained program (A10). */
  hasTrainingItem: boolean;
}

/**
 * What the actor may do now. I2: the SA caseworker, the SSM and other providers read only. A3:
 * print, sign and activate only while draft; A10: a training referral on an active plan; resume
 * only on hold; A4: nothing once closed.
 */
export function planActions(viewer: ViewerFacts, plan: PlanStateFacts): PlanAction[] {
  if (!viewer.works || !isOpen(plan.status)) return [];
  const actions: PlanAction[] = ['edit'];
  if (plan.status === 'draft') {
    actions.push('print_summary');
    if (plan.summaryPrintedRevision === plan.revision) actions.push('record_signature');
    if (plan.activationProblemCount === 0) actions.push('activate');
  }
  if (plan.status === 'active' && plan.hasTrainingItem) actions.push('record_training_referral');
  if (plan.status === 'active_on_hold') actions.push('resume');
  actions.push('close');
  if (viewer.comments) actions.push('comment');
  return actions;
}

// ---------------------------------------------------------------------------------------------
// Closure KPI flags (A9, A10, M1, M11, K4)

export interface ClosureFacts {
  reason: ClosureReason;
  phase: PlanPhase;
  /** Whether the plan was ever activated (K4: PBF only with a signed, activated plan). */
  activated: boolean;
  /** The accepted training referral, when the closure is one (A10). */
  trainingProgram: TrainingProgram | null;
  /** A10 case 2: the client finished BJO, OJCP or LBS while the plan was on hold. */
  completedOnHoldTraining: boolean;
  /** M1: past the 3-month checkpoint (the monitoring issue supplies it; after the 12-month one it is). */
  pastThreeMonthCheckpoint?: boolean;
}

export interface ClosureFlags {
  earlyExit: boolean;
  countsAsClientServed: boolean;
  countsAsTrainingCompletion: boolean;
  successfulOutcome: boolean;
  pbfPossible: boolean;
}

/**
 * The KPI flags fixed on the plan at closure, so later rule changes do not rewrite history.
 * M11: an early exit is any reason but Completion and stays outside PMF/PBF. A10: a referral to a
 * program takes its case's flags. M1: otherwise a client is served once given an outcome and past
 * the 3-month checkpoint, or on completing BJO/OJCP/LBS training (A10 case 2).
 */
export function closureFlags(
  f: ClosureFacts,
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): ClosureFlags {
  const earlyExit = isEarlyExit(f.reason);
  if (f.reason === 'referral_to_eo_training' && f.trainingProgram) {
    const effect = trainingReferralEffect(f.trainingProgram, policy);
    return {
      earlyExit,
      countsAsClientServed: effect.countsAsClientServed === 'at_closure' || f.completedOnHoldTraining,
      countsAsTrainingCompletion: effect.countsAsTrainingCompletion,
      successfulOutcome: effect.successfulOutcome,
      // K4: referred during monitoring, the plan keeps what its checkpoints earned.
      pbfPossible: f.activated && (effect.pbfPossible || f.phase !== 'pre_employment'),
    };
  }
  const pastThree = f.pastThreeMonthCheckpoint ?? f.phase === 'after_final_checkpoint';
  return {
    earlyExit,
    countsAsClientServed: (f.phase !== 'pre_employment' && pastThree) || f.completedOnHoldTraining,
    countsAsTrainingCompletion: false,
    successfulOutcome: f.reason === 'completion',
    // K4/M8/M11: a closure before any outcome earns nothing; a plan closed during or after monitoring
    // keeps the PBF its checkpoints already earned (K4: once earned it is the provider's), as the
    // ledger does (`pbfExclusion` in monitoring/pbf.ts).
    pbfPossible: f.activated && (!earlyExit || f.phase !== 'pre_employment'),
  };
}
