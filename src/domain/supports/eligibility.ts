/**
 * Who may receive a support and what a request must justify: F1 (case-managed clients only; S4),
 * F4 (the five principles), F7 (status-quo clients' window), F8 (the ODSP Client Reserve) and F9
 * (coordination with social assistance). Each function returns problems; empty = nothing stops it.
 *
 * Interpretations:
 * - F1: only the 'case_managed' service level qualifies; 'self_directed' (S4: "no ERFS") and
 *   'service_pending' (no service level yet) are refused. The support hangs on the client's EAP, so
 *   the plan must be open: 'active' or 'active_on_hold' (a plan on hold during a ministry training
 *   program is still open; F4's "no other funding source" is what stops paying twice). A 'draft'
 *   plan (not signed) or a 'closed' plan, or no plan, is refused. Status-quo clients (F7, E7) have a
 *   legacy plan, not an EAP, so the plan check does not apply to them; the F7 window does.
 * - F4 completeness, not judgement: the system checks that each of the five principles has been
 *   answered (texts not blank, declarations made, a plan goal or item linked); whether the answer
 *   is convincing is the SSM's review.
 * - F7: "only during the first 3 months of the IES delivery period (January 1 – March 31, 2024)",
 *   both days included, judged on the day the support is used (issued; at request time the planned
 *   issue date).
 * - F8: the client must be an ODSP recipient AND self-identify as having a disability ("yes"; "no"
 *   and "prefer not to say" are refused). Only workplace accommodations or specialized diagnostic
 *   assessments. An assessment needs all three declarations: the information cannot be obtained any
 *   other way, a professional does it, the client's written consent is on file. For a workplace
 *   accommodation the caseworker must have considered the employer's duty to accommodate under the
 *   Human Rights Code and the AODA (`owedByEmployer`: null = not considered; true = the employer owes
 *   it, so the reserve does not pay).
 * - F9: an SA client's request needs a note of the coordination with the SA caseworker (which
 *   program pays by the primary intent at the time of request, no duplicate benefit). The note's
 *   content is not judged; it must exist.
 */
import type { ServiceLevel } from '../assessment/types.js';
import { compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';
import type { SelfIdentification } from '../people/specialized-populations.js';
import type { PlanStatus } from '../plan/types.js';
import type { OdspReserveUse, SupportProblem } from './types.js';

// ---------------------------------------------------------------------------------------------
// F1, F7: who may receive ERFS

/** F7: the only days ERFS may be used for status-quo clients (inclusive). */
export const STATUS_QUO_WINDOW = { from: '2024-01-01', to: '2024-03-31' } as const;

export function inStatusQuoWindow(on: IsoDate): boolean {
  ymdOf(on);
  return compareIsoDates(on, STATUS_QUO_WINDOW.from) >= 0 && compareIsoDates(on, STATUS_QUO_WINDOW.to) <= 0;
}

export interface RecipientFacts {
  serviceLevel: ServiceLevel;
  /** The client's current EAP status, null when there is none. */
  planStatus: PlanStatus | null;
  /** E7/F7: a status-quo (legacy) client. */
  statusQuo: boolean;
  /** F7: the day the support is (to be) issued. */
  usedOn: IsoDate;
}

/** F1/F7: whether this client may receive ERFS at all. Applies to client and employer supports (F10). */
export function recipientProblems(f: RecipientFacts): SupportProblem[] {
  ymdOf(f.usedOn);
  const problems: SupportProblem[] = [];
  if (f.serviceLevel === 'self_directed')
    problems.push({
      rule: 'F1',
      code: 'self_directed',
      en: 'Self-directed clients are not eligible for financial supports.',
      fr: 'Les clients autonomes ne sont pas admissibles aux soutiens financiers.',
    });
  else if (f.serviceLevel !== 'case_managed')
    problems.push({
      rule: 'F1',
      code: 'not_case_managed',
      en: 'Financial supports are for clients receiving case-managed services; the service level is not decided yet.',
      fr: 'Les soutiens financiers sont destinés aux clients qui reçoivent des services de gestion de cas; le niveau de service n’est pas encore déterminé.',
    });
  if (f.statusQuo) {
    if (!inStatusQuoWindow(f.usedOn))
      problems.push({
        rule: 'F7',
        code: 'status_quo_outside_window',
        en: 'Financial supports for status-quo clients could only be used from January 1 to March 31, 2024.',
        fr: 'Les soutiens financiers aux clients du statu quo ne pouvaient être utilisés que du 1er janvier au 31 mars 2024.',
      });
  } else if (f.planStatus !== 'active' && f.planStatus !== 'active_on_hold')
    problems.push({
      rule: 'F1',
      code: 'plan_not_open',
      en: 'A financial support is tied to an active Employment Action Plan (not a draft or closed plan).',
      fr: 'Un soutien financier se rattache à un plan d’action pour l’emploi actif (ni brouillon ni fermé).',
    });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// F4: the five principles

export interface NeedJustification {
  /** 1. Evidence of need, matched to stream and specialized-population status. */
  evidenceOfNeed: string;
  /** 1. Why the client (or employer) could not pay. */
  whyCouldNotPay: string;
  /** 2. The EAP goal or item the barrier is linked to. */
  linkedPlanGoalOrItemId: string | null;
  /** 3. Declared: the barrier is temporary or short-term. */
  barrierTemporary: boolean;
  /** 4. Declared: no other source (community funds, SA benefits) can pay. */
  noOtherFundingSource: boolean;
  /** 5. Why the cost is reasonable (quotes, market rate, best value). */
  reasonableCost: string;
}

const F4_CHECKS: readonly {
  ok: (j: NeedJustification) => boolean;
  code: string;
  en: string;
  fr: string;
}[] = [
  {
    ok: (j) => j.evidenceOfNeed.trim() !== '',
    code: 'no_evidence_of_need',
    en: 'Describe the evidence of need, matched to the client’s stream and specialized-population status.',
    fr: 'Décrivez les preuves du besoin, en lien avec le volet du client et son appartenance à une population spécialisée.',
  },
  {
    ok: (j) => j.whyCouldNotPay.trim() !== '',
    code: 'no_reason_could_not_pay',
    en: 'Explain why the client or the employer could not pay for it.',
    fr: 'Expliquez pourquoi le client ou l’employeur ne pouvait pas en assumer le coût.',
  },
  {
    ok: (j) => j.linkedPlanGoalOrItemId !== null,
    code: 'not_linked_to_plan',
    en: 'Link the barrier to a goal or item of the Employment Action Plan.',
    fr: 'Rattachez l’obstacle à un objectif ou à un élément du plan d’action pour l’emploi.',
  },
  {
    ok: (j) => j.barrierTemporary,
    code: 'barrier_not_temporary',
    en: 'Financial supports address temporary or short-term barriers.',
    fr: 'Les soutiens financiers visent des obstacles temporaires ou de courte durée.',
  },
  {
    ok: (j) => j.noOtherFundingSource,
    code: 'other_funding_source',
    en: 'Confirm that no other source (community funds, social assistance benefits) can pay; those come first.',
    fr: 'Confirmez qu’aucune autre source (fonds communautaires, prestations d’aide sociale) ne peut payer; celles-ci passent en premier.',
  },
  {
    ok: (j) => j.reasonableCost.trim() !== '',
    code: 'cost_not_justified',
    en: 'Explain why the cost is reasonable and good value for money.',
    fr: 'Expliquez pourquoi le coût est raisonnable et représente une bonne optimisation des ressources.',
  },
];

/** F4: the principles a request has not answered yet, in the order of §13. */
export function needJustificationProblems(j: NeedJustification): SupportProblem[] {
  return F4_CHECKS.filter((c) => !c.ok(j)).map(({ code, en, fr }) => ({ rule: 'F4', code, en, fr }));
}

// ---------------------------------------------------------------------------------------------
// F9: social assistance coordination

export interface SaCoordinationFacts {
  /** The client's SA program, null when the client is not on SA. */
  saProgram: 'ontario_works' | 'odsp' | null;
  /** The note recording the coordination with the SA caseworker. */
  coordinationNote: string | null;
}

/** F9: an SA client's support needs its coordination note. */
export function saCoordinationProblems(f: SaCoordinationFacts): SupportProblem[] {
  if (f.saProgram === null || (f.coordinationNote ?? '').trim() !== '') return [];
  return [
    {
      rule: 'F9',
      code: 'sa_coordination_note_missing',
      en: 'For a social assistance client, record the coordination with the SA caseworker: which program pays (the primary intent at the time of request) and that no benefit is duplicated.',
      fr: 'Pour un client de l’aide sociale, consignez la coordination avec l’intervenant de l’aide sociale : quel programme paie (selon l’objectif principal au moment de la demande) et l’absence de double prestation.',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// F8: ODSP Client Reserve

export interface OdspReserveFacts {
  odspRecipient: boolean;
  disabilitySelfIdentification: SelfIdentification | null;
  /** What the reserve would pay for; null = something else. */
  use: OdspReserveUse | null;
  /** Assessments: the information cannot be obtained any other way. */
  infoNotObtainableOtherwise?: boolean;
  /** Assessments: done by a professional. */
  byProfessional?: boolean;
  /** Assessments: the client's written consent is on file. */
  writtenConsent?: boolean;
  /**
   * Accommodations: does the employer owe it under the Human Rights Code or the AODA? null = not
   * considered yet.
   */
  owedByEmployer?: boolean | null;
}

function f8(code: string, en: string, fr: string): SupportProblem {
  return { rule: 'F8', code, en, fr };
}

function assessmentProblems(f: OdspReserveFacts): SupportProblem[] {
  const problems: SupportProblem[] = [];
  if (!f.infoNotObtainableOtherwise)
    problems.push(
      f8(
        'assessment_info_obtainable_otherwise',
        'A specialized diagnostic assessment is paid only when the information cannot be obtained any other way.',
        'Une évaluation diagnostique spécialisée n’est payée que si l’information ne peut être obtenue autrement.',
      ),
    );
  if (!f.byProfessional)
    problems.push(
      f8(
        'assessment_not_by_professional',
        'A specialized diagnostic assessment must be done by a professional.',
        'Une évaluation diagnostique spécialisée doit être réalisée par un professionnel.',
      ),
    );
  if (!f.writtenConsent)
    problems.push(
      f8(
        'assessment_no_written_consent',
        'A specialized diagnostic assessment needs the client’s written consent.',
        'Une évaluation diagnostique spécialisée exige le consentement écrit du client.',
      ),
    );
  return problems;
}

function accommodationProblems(f: OdspReserveFacts): SupportProblem[] {
  if (f.owedByEmployer === false) return [];
  return f.owedByEmployer === true
    ? [
        f8(
          'employer_duty_first',
          'The employer must provide this accommodation under the Human Rights Code or the AODA; the reserve does not pay for it.',
          'L’employeur doit fournir cette mesure d’adaptation en vertu du Code des droits de la personne ou de la LAPHO; la réserve ne la paie pas.',
        ),
      ]
    : [
        f8(
          'employer_duty_not_considered',
          'Consider first whether the employer owes this accommodation under the Human Rights Code or the AODA.',
          'Vérifiez d’abord si l’employeur doit cette mesure d’adaptation en vertu du Code des droits de la personne ou de la LAPHO.',
        ),
      ];
}

/** F8: whether the ODSP Client Reserve may pay; empty = it may. */
export function odspReserveProblems(f: OdspReserveFacts): SupportProblem[] {
  const problems: SupportProblem[] = [];
  if (!f.odspRecipient || f.disabilitySelfIdentification !== 'yes')
    problems.push(
      f8(
        'not_odsp_with_disability',
        'The ODSP Client Reserve is only for ODSP recipients who self-identify as having a disability.',
        'La réserve pour les clients du POSPH est réservée aux bénéficiaires du POSPH qui déclarent avoir un handicap.',
      ),
    );
  if (f.use === null)
    return [
      ...problems,
      f8(
        'reserve_use_not_eligible',
        'The ODSP Client Reserve pays only for workplace accommodations or specialized diagnostic assessments.',
        'La réserve pour les clients du POSPH ne paie que des mesures d’adaptation au travail ou des évaluations diagnostiques spécialisées.',
      ),
    ];
  return [
    ...problems,
    ...(f.use === 'specialized_diagnostic_assessment' ? assessmentProblems(f) : accommodationProblems(f)),
  ];
}
