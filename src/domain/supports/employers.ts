/**
 * F10: employer supports: the employer eligibility checklist, the 12-month in-person site visit,
 * what must be in place before a placement; F14/F12: how a placement feeds monitoring and PBF
 * deferral (by reference to the monitoring module, never redefined here).
 *
 * Interpretations:
 * - Checklist: each of the seven criteria of §13 is answered `true` (confirmed), `false` (fails) or
 *   `null` (not checked yet). Only `true` passes; the problem says which of the two it is.
 * - Site visit: "an in-person site visit within the last 12 months" before the placement. A visit
 *   counts when it was in person and its date is on or after the placement's start minus 12
 *   calendar months (`addCalendarMonths(start, -12)`, month-end clamping) and on or before the
 *   start (a visit the morning of the first day counts; dates carry no time). Placement starting
 *   15 June 2026: a visit on 15 June 2025 counts, 14 June 2025 does not. Starting 29 February 2028:
 *   the window opens 28 February 2027. Starting 28 February 2025: it opens 28 February 2024, so
 *   29 February 2024 counts and 27 February does not. Virtual and phone visits never count. One
 *   visit covers every placement with that employer in its window (§13).
 * - Readiness: the five things F10 lists (eligibility check passed, site visit, a signed Training
 *   Incentive Placement Agreement, the client's signed consent to share information with the
 *   employer, employer registration if the employer is new).
 * - F14: a placement meant to continue as a job starts monitoring on its first day; this module only
 *   fills `MonitoringStartInput.placementIntendedToContinueStartedOn`, and `monitoringStart` decides.
 * - F12: the placement's supported period is an `EmployerSupportPeriod` for PBF deferral.
 *
 * Pure: no I/O, no clock.
 */
import { compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';
import type { EmployerSupportPeriod } from '../monitoring/employer-supports.js';
import { addCalendarMonths, type MonitoringTrigger } from '../monitoring/schedule.js';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  type EmployerChecklistItem,
  type PlacementRequirement,
  type SiteVisitMode,
  type SupportProblem,
} from './types.js';

export {
  monitoringStart,
  type MonitoringStartInput,
  type MonitoringTrigger,
} from '../monitoring/schedule.js';
export { employerSupportsActiveOn, type EmployerSupportPeriod } from '../monitoring/employer-supports.js';

/** F14: the monitoring trigger a placement meant to continue as a job fires. */
export const PLACEMENT_MONITORING_TRIGGER =
  'placement_intended_to_continue_started' as const satisfies MonitoringTrigger;

// ---------------------------------------------------------------------------------------------
// Eligibility checklist

export const EMPLOYER_CHECKLIST_LABELS: Readonly<Record<EmployerChecklistItem, { en: string; fr: string }>> =
  {
    licensed_in_ontario: {
      en: 'Licensed to operate in Ontario',
      fr: 'Autorisé à exercer ses activités en Ontario',
    },
    compliant_and_insured: {
      en: 'Complies with applicable legislation and holds appropriate insurance',
      fr: 'Respecte les lois applicables et détient une assurance appropriée',
    },
    not_ssm_or_eo_provider: {
      en: 'Not a Service System Manager or an Employment Ontario service provider',
      fr: 'N’est ni un gestionnaire de système de services ni un fournisseur de services d’Emploi Ontario',
    },
    not_hiring_family: {
      en: 'Does not use the funding to hire family members',
      fr: 'N’utilise pas le financement pour embaucher des membres de sa famille',
    },
    not_otherwise_funded: {
      en: 'Receives no other funding (federal, provincial, municipal…) for this placement',
      fr: 'Ne reçoit aucun autre financement (fédéral, provincial, municipal…) pour ce placement',
    },
    wsib_and_liability_insurance: {
      en: 'WSIB or other workplace safety insurance, and third-party general liability insurance',
      fr: 'Assurance de la CSPAAT ou autre assurance sécurité au travail, et assurance responsabilité civile générale',
    },
    not_replacing_staff: {
      en: 'Does not use the support to replace existing or laid-off employees',
      fr: 'N’utilise pas le soutien pour remplacer des employés actuels ou mis à pied',
    },
  };

/** true = confirmed, false = fails, null = not checked yet. */
export type EmployerChecklist = Readonly<Record<EmployerChecklistItem, boolean | null>>;

/** F10: the criteria not confirmed, in the order of §13; empty = the employer is eligible. */
export function employerEligibilityProblems(checklist: EmployerChecklist): SupportProblem[] {
  return EMPLOYER_CHECKLIST_ITEMS.filter((item) => checklist[item] !== true).map((item) => {
    const label = EMPLOYER_CHECKLIST_LABELS[item];
    const failed = checklist[item] === false;
    return {
      rule: 'F10',
      code: failed ? `${item}_not_met` : `${item}_not_checked`,
      en: failed ? `Not met: ${label.en}.` : `Not checked yet: ${label.en}.`,
      fr: failed ? `Critère non respecté : ${label.fr}.` : `Critère non vérifié : ${label.fr}.`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Site visit

export const SITE_VISIT_MONTHS = 12;

export interface SiteVisit {
  on: IsoDate;
  mode: SiteVisitMode;
}

/** F10: the earliest date an in-person visit may have for a placement starting on `startsOn`. */
export function siteVisitWindowOpensOn(startsOn: IsoDate): IsoDate {
  return addCalendarMonths(startsOn, -SITE_VISIT_MONTHS);
}

/** F10: the visit that covers a placement starting on `startsOn` (the latest), or null. */
export function coveringSiteVisit(visits: readonly SiteVisit[], startsOn: IsoDate): SiteVisit | null {
  const opens = siteVisitWindowOpensOn(startsOn);
  let best: SiteVisit | null = null;
  for (const v of visits) {
    ymdOf(v.on);
    if (v.mode !== 'in_person') continue;
    if (compareIsoDates(v.on, opens) < 0 || compareIsoDates(v.on, startsOn) > 0) continue;
    if (best === null || compareIsoDates(v.on, best.on) > 0) best = v;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Before a placement

export interface PlacementFacts {
  startsOn: IsoDate;
  checklist: EmployerChecklist;
  /** The employer's site visits (all modes; only in-person ones count). */
  siteVisits: readonly SiteVisit[];
  /** The Training Incentive Placement Agreement is signed. */
  agreementSigned: boolean;
  /** The client's signed consent to share information with the employer is on file. */
  clientConsentToShare: boolean;
  /** The employer is registered (the Employer Registration Form is done, or it already was). */
  employerRegistered: boolean;
}

/** F10: what is missing before the placement may start, in the order of §13; empty = ready. */
export function placementReadiness(f: PlacementFacts): PlacementRequirement[] {
  ymdOf(f.startsOn);
  const missing: PlacementRequirement[] = [];
  if (employerEligibilityProblems(f.checklist).length > 0) missing.push('eligibility_check');
  if (coveringSiteVisit(f.siteVisits, f.startsOn) === null) missing.push('site_visit');
  if (!f.agreementSigned) missing.push('placement_agreement');
  if (!f.clientConsentToShare) missing.push('client_consent');
  if (!f.employerRegistered) missing.push('employer_registration');
  return missing;
}

export const PLACEMENT_REQUIREMENT_LABELS: Readonly<
  Record<PlacementRequirement, { en: string; fr: string }>
> = {
  eligibility_check: {
    en: 'The employer meets every eligibility criterion',
    fr: 'L’employeur respecte tous les critères d’admissibilité',
  },
  site_visit: {
    en: 'An in-person site visit within the last 12 months',
    fr: 'Une visite des lieux en personne au cours des 12 derniers mois',
  },
  placement_agreement: {
    en: 'A signed Training Incentive Placement Agreement',
    fr: 'Une entente de placement avec incitatif à la formation signée',
  },
  client_consent: {
    en: 'The client’s signed consent to share information with the employer',
    fr: 'Le consentement signé du client à la communication de renseignements à l’employeur',
  },
  employer_registration: {
    en: 'The employer is registered (Employer Registration Form)',
    fr: 'L’employeur est inscrit (formulaire d’inscription de l’employeur)',
  },
};

// ---------------------------------------------------------------------------------------------
// F14, F12: monitoring and PBF deferral

export interface PlacementPeriod {
  startsOn: IsoDate;
  /** Last supported day, inclusive; null while it continues. */
  endsOn: IsoDate | null;
  /** F14: the placement is meant to continue as a job. */
  intendedToContinue: boolean;
}

/** F14: the value for `MonitoringStartInput.placementIntendedToContinueStartedOn`. */
export function placementMonitoringStartOn(p: PlacementPeriod): IsoDate | null {
  ymdOf(p.startsOn);
  return p.intendedToContinue ? p.startsOn : null;
}

/** F12: the placement's supported period, for `employerSupportsActiveOn`. */
export function placementSupportPeriod(p: PlacementPeriod): EmployerSupportPeriod {
  ymdOf(p.startsOn);
  if (p.endsOn !== null && compareIsoDates(p.endsOn, p.startsOn) < 0)
    throw new RangeError(`Placement ends (${p.endsOn}) before it starts (${p.startsOn})`);
  return { startsOn: p.startsOn, endsOn: p.endsOn };
}
