/**
 * Closing an Employment Action Plan (A8, A9, M11). Closure is always a caseworker's choice, never
 * automatic (A8), and the reasons on offer depend on where the plan is: before an outcome
 * (pre-employment), while the checkpoints run (monitoring), or once the 12-month checkpoint is done.
 * The three lists are §11's, exactly; `Completion` exists only after the 12-month checkpoint.
 */

/** A8/A9: the plan's phase, from what has happened to it. */
export const PLAN_PHASES = ['pre_employment', 'monitoring', 'after_final_checkpoint'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export const CLOSURE_REASONS = [
  'client_ineligible',
  'client_deceased',
  'satisfactory_progress_not_achieved',
  'opened_in_error',
  'completion',
  'referral_to_eo_training',
  'withdrawal_personal_reasons',
  'withdrawal_moved_outside_catchment',
  'withdrawal_moved_outside_province',
  'withdrawal_dissatisfied_with_service',
  'withdrawal_no_longer_seeking_employment',
  'unable_to_contact',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The words CaMS and the guidelines use, so caseworkers recognise them. */
export const CLOSURE_REASON_LABELS: Record<ClosureReason, { en: string; fr: string }> = {
  client_ineligible: { en: 'Client Ineligible', fr: 'Client non admissible' },
  client_deceased: { en: 'Client Deceased', fr: 'Client décédé' },
  satisfactory_progress_not_achieved: {
    en: 'Client Issue – Satisfactory Progress Not Achieved',
    fr: 'Situation du client – progrès satisfaisants non atteints',
  },
  opened_in_error: { en: 'Opened in Error', fr: 'Ouvert par erreur' },
  completion: { en: 'Completion', fr: 'Achèvement' },
  referral_to_eo_training: {
    en: 'Referral to EO Training Program',
    fr: 'Aiguillage vers un programme de formation d’EO',
  },
  withdrawal_personal_reasons: {
    en: 'Voluntary Withdrawal – Personal Reasons',
    fr: 'Retrait volontaire – raisons personnelles',
  },
  withdrawal_moved_outside_catchment: {
    en: 'Voluntary Withdrawal – Moved Outside of Catchment',
    fr: 'Retrait volontaire – déménagement hors de la zone desservie',
  },
  withdrawal_moved_outside_province: {
    en: 'Voluntary Withdrawal – Moved Outside of Province',
    fr: 'Retrait volontaire – déménagement hors de la province',
  },
  withdrawal_dissatisfied_with_service: {
    en: 'Voluntary Withdrawal – Client Dissatisfied with Service',
    fr: 'Retrait volontaire – client insatisfait du service',
  },
  withdrawal_no_longer_seeking_employment: {
    en: 'Voluntary Withdrawal – No Longer Seeking Employment',
    fr: 'Retrait volontaire – ne cherche plus d’emploi',
  },
  unable_to_contact: { en: 'Unable to Contact Client', fr: 'Impossible de joindre le client' },
};

const WITHDRAWALS: ClosureReason[] = [
  'withdrawal_personal_reasons',
  'withdrawal_moved_outside_catchment',
  'withdrawal_moved_outside_province',
  'withdrawal_dissatisfied_with_service',
  'withdrawal_no_longer_seeking_employment',
];

/** A9, in §11's order for each phase. */
const REASONS_BY_PHASE: Record<PlanPhase, readonly ClosureReason[]> = {
  pre_employment: [
    'client_ineligible',
    'client_deceased',
    'satisfactory_progress_not_achieved',
    'opened_in_error',
    'referral_to_eo_training',
    ...WITHDRAWALS,
    'unable_to_contact',
  ],
  // §11 offers neither "unable to contact" nor "progress not achieved" while checkpoints run: the
  // provider keeps following the client to the 12-month checkpoint (A8).
  monitoring: ['client_ineligible', 'client_deceased', 'referral_to_eo_training', ...WITHDRAWALS],
  after_final_checkpoint: [
    'client_ineligible',
    'client_deceased',
    'completion',
    'referral_to_eo_training',
    ...WITHDRAWALS,
    'unable_to_contact',
  ],
};

/** A9: the closure reasons a caseworker may choose in a phase. */
export function closureReasonsFor(phase: PlanPhase): readonly ClosureReason[] {
  return REASONS_BY_PHASE[phase];
}

export interface ClosureRefusal {
  rule: 'A9';
  code: 'reason_not_in_phase';
  en: string;
  fr: string;
}

/** A9: null when the reason may close a plan in this phase; otherwise why not, in both languages. */
export function closureRefusal(phase: PlanPhase, reason: ClosureReason): ClosureRefusal | null {
  if (REASONS_BY_PHASE[phase].includes(reason)) return null;
  const label = CLOSURE_REASON_LABELS[reason];
  const where = PHASE_WORDS[phase];
  return {
    rule: 'A9',
    code: 'reason_not_in_phase',
    en: `“${label.en}” is not a closure reason ${where.en}.`,
    fr: `« ${label.fr} » n’est pas un motif de fermeture ${where.fr}.`,
  };
}

const PHASE_WORDS: Record<PlanPhase, { en: string; fr: string }> = {
  pre_employment: { en: 'during pre-employment services', fr: 'pendant les services préalables à l’emploi' },
  monitoring: { en: 'during monitoring', fr: 'pendant la période de suivi' },
  after_final_checkpoint: {
    en: 'after the 12-month checkpoint',
    fr: 'après le point de contrôle de 12 mois',
  },
};

export interface PhaseFacts {
  /** When the end of pre-employment services (the outcome) was recorded, if it was (M3). */
  outcomeRecordedAt: string | null;
  /** When the 12-month checkpoint was completed, if it was. */
  finalCheckpointCompletedAt: string | null;
}

/**
 * A8/A9: where the plan is. The monitoring issue supplies the two facts (outcome and checkpoints);
 * until an outcome is recorded every plan is in pre-employment.
 */
export function phaseOf(facts: PhaseFacts): PlanPhase {
  if (facts.finalCheckpointCompletedAt) return 'after_final_checkpoint';
  if (facts.outcomeRecordedAt) return 'monitoring';
  return 'pre_employment';
}

/**
 * M11: an early exit is a closure before the plan ran its course: no monitoring, outside PMF and
 * PBF, still a client served. Every reason except Completion.
 */
export function isEarlyExit(reason: ClosureReason): boolean {
  return reason !== 'completion';
}

/**
 * C3 with A9: a client who withdraws consent stops receiving services at once, so their open plan
 * closes with them. A9 has no "consent withdrawn" reason; the client's own decision to leave is a
 * voluntary withdrawal for personal reasons, which every phase offers. Always an early exit (M11).
 */
export const CONSENT_REVOCATION_CLOSURE_REASON: ClosureReason = 'withdrawal_personal_reasons';
