/**
 * F11: the reasons the SSM may withhold reimbursement of a client or employer support, with their
 * bilingual labels. The same six reasons apply to both kinds (§13 lists them twice, identically).
 *
 * Interpretation: a withholding for `malfeasance_review` is provisional ("pending the results of a
 * review"), so it may be lifted; the others stand until a corrected report is accepted. Evidence
 * problems (F13) suggest `missing_or_improper_evidence`, a missing pre-approval (F6) suggests
 * `pre_approval_missing`; the SSM chooses, this module only proposes.
 */
import { WITHHOLD_REASONS, type SupportProblem, type WithholdReason } from './types.js';

export const WITHHOLD_REASON_LABELS: Readonly<Record<WithholdReason, { en: string; fr: string }>> = {
  missing_or_improper_evidence: {
    en: 'Missing or improper evidence of the use of funds',
    fr: 'Preuve de l’utilisation des fonds manquante ou non conforme',
  },
  no_evidence_of_need: {
    en: 'No evidence of need',
    fr: 'Aucune preuve du besoin',
  },
  not_in_line_with_guidelines: {
    en: 'Not in line with the guidelines',
    fr: 'Non conforme aux lignes directrices',
  },
  pre_approval_missing: {
    en: 'Pre-approval was not obtained as required',
    fr: 'L’approbation préalable requise n’a pas été obtenue',
  },
  ministry_does_not_reimburse: {
    en: 'The ministry does not reimburse the SSM for the expense',
    fr: 'Le ministère ne rembourse pas la dépense au GSS',
  },
  malfeasance_review: {
    en: 'Indications of malfeasance, pending the results of a review',
    fr: 'Indices de malversation, en attendant les résultats d’un examen',
  },
};

/** F11: a withholding that waits on a review rather than on the provider. */
export function isProvisionalWithholding(reason: WithholdReason): boolean {
  return reason === 'malfeasance_review';
}

/** Principle 1 of F4 (evidence of need, and why the client could not pay). */
const NEED_CODES: readonly string[] = ['no_evidence_of_need', 'no_reason_could_not_pay'];

/** F11: the reason one problem points to. */
function withholdReasonFor(p: SupportProblem): WithholdReason {
  if (p.code === 'debt_without_pre_approval') return 'pre_approval_missing';
  if (p.code === 'purchase_from_individual') return 'not_in_line_with_guidelines';
  if (p.rule === 'F13') return 'missing_or_improper_evidence';
  if (p.rule === 'F4' && NEED_CODES.includes(p.code)) return 'no_evidence_of_need';
  return 'not_in_line_with_guidelines';
}

/**
 * F11: the reasons a review would suggest from the problems found (F13 evidence, F6 pre-approval,
 * F4 need, F5 category); the SSM decides.
 */
export function suggestedWithholdReasons(
  problems: readonly SupportProblem[],
  preApprovalRequiredButMissing: boolean,
): WithholdReason[] {
  const reasons = new Set<WithholdReason>();
  for (const p of problems) reasons.add(withholdReasonFor(p));
  if (preApprovalRequiredButMissing) reasons.add('pre_approval_missing');
  return WITHHOLD_REASONS.filter((r) => reasons.has(r));
}
