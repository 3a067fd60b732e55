/**
 * The screening tool's eligibility questions (E1–E6, guidelines §6) and what they add up to.
 * Everyone may get some service (E1); this decides whether case-managed service is open to the
 * person, and says why in words the intake worker can read back, in both languages.
 */
import { ageOn } from './age.js';

export const WORK_AUTHORIZATIONS = [
  'citizen',
  'permanent_resident',
  /** Protected persons, or temporary permit holders IRCC confirmed eligible for permanent residence. */
  'awaiting_permanent_residence',
  'refugee_claimant',
  /** Visitors under emergency travel measures such as CUAET. */
  'emergency_travel_visitor',
  'temporary_foreign_worker',
  'international_student',
  'none',
] as const;
export type WorkAuthorization = (typeof WORK_AUTHORIZATIONS)[number];

export const WORK_PERMITS = ['open', 'employer_specific', 'none', 'not_applicable'] as const;
export type WorkPermit = (typeof WORK_PERMITS)[number];

export interface ScreeningAnswers {
  dateOfBirth: string;
  /** The day the screening is done (Ontario date). */
  screenedOn: string;
  livesInOntario: boolean;
  /** Whether the person has a SIN and is willing to give it (E2). */
  hasSin: boolean;
  /** A 900-series SIN (E4); only meaningful when hasSin. */
  sinTemporary: boolean;
  workAuthorization: WorkAuthorization;
  workPermit: WorkPermit;
  /** E3: secondary school completed, for people under 18. */
  secondarySchoolCompleted: boolean;
  /** E3: documented excusal from school (e.g. a Supported Alternative Learning letter). */
  schoolExcusalProof: boolean;
  currentlyEmployed: boolean;
  seekingSelfEmployment: boolean;
}

export const SCREENING_OUTCOMES = ['case_managed_eligible', 'self_directed_only', 'not_eligible'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export interface ScreeningReason {
  rule: 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6';
  code: string;
  en: string;
  fr: string;
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  /** Why the outcome is what it is (empty reasons never accompany a refusal). */
  reasons: ScreeningReason[];
  /** Things the worker should act on even when eligible (E2 help to get a SIN, E5 likely Stream A …). */
  notes: ScreeningReason[];
  /** E3: an under-18 case the SSM should be consulted on. */
  consultSsm: boolean;
}

const WORKING_AGE = 15;
const ADULT_AGE = 18;

/** E3: school completion (or a documented excusal) matters only for someone under 18 on the day. */
export function asksAboutSchool(dateOfBirth: string, on: string): boolean {
  return ageOn(dateOfBirth, on) < ADULT_AGE;
}

const REASONS = {
  underWorkingAge: {
    rule: 'E1',
    code: 'under_working_age',
    en: 'Case-managed service starts at age 15 (working age).',
    fr: 'Les services avec gestion de cas commencent à 15 ans (âge de travailler).',
  },
  outsideOntario: {
    rule: 'E1',
    code: 'not_living_in_ontario',
    en: 'Case-managed service is for people who live in Ontario.',
    fr: 'Les services avec gestion de cas s’adressent aux personnes qui vivent en Ontario.',
  },
  noSin: {
    rule: 'E2',
    code: 'no_sin',
    en: 'A valid SIN is needed for case-managed service: explain why and help the person apply for one or confirm it. Self-directed services are open meanwhile.',
    fr: 'Un NAS valide est requis pour les services avec gestion de cas : expliquez pourquoi et aidez la personne à en demander un ou à le confirmer. Les services autonomes lui sont ouverts entre-temps.',
  },
  minorWithoutExcusal: {
    rule: 'E3',
    code: 'under_18_without_excusal',
    en: 'Under 18 without secondary school completed: documented proof of excusal from school is needed; otherwise consult the SSM.',
    fr: 'Moins de 18 ans sans diplôme d’études secondaires : une preuve documentée de dispense scolaire est requise; sinon, consultez le GSS.',
  },
  notEntitledToWork: {
    rule: 'E4',
    code: 'not_entitled_to_work',
    en: 'Not legally entitled to work in Canada (no open work permit): not eligible for EO employment services.',
    fr: 'Pas légalement autorisé à travailler au Canada (aucun permis de travail ouvert) : non admissible aux services d’emploi d’EO.',
  },
  employerSpecificPermit: {
    rule: 'E4',
    code: 'employer_specific_permit',
    en: 'An employer-specific work permit does not open case-managed service; self-directed services are available.',
    fr: 'Un permis de travail lié à un employeur ne donne pas accès aux services avec gestion de cas; les services autonomes sont offerts.',
  },
  temporaryResident: {
    rule: 'E4',
    code: 'temporary_resident_self_directed',
    en: 'Temporary foreign workers and international students with a 900-series SIN may use self-directed services only (students: their school’s career services).',
    fr: 'Les travailleurs étrangers temporaires et les étudiants étrangers ayant un NAS de la série 900 n’ont accès qu’aux services autonomes (étudiants : services d’orientation de leur établissement).',
  },
  claimantMissingDocuments: {
    rule: 'E4',
    code: 'needs_900_sin_and_open_permit',
    en: 'Refugee claimants, people awaiting permanent residence and emergency-travel visitors need both a 900-series SIN and an open work permit for case-managed service.',
    fr: 'Les demandeurs d’asile, les personnes en attente de la résidence permanente et les visiteurs en vertu de mesures de voyage d’urgence doivent avoir un NAS de la série 900 et un permis de travail ouvert pour les services avec gestion de cas.',
  },
  selfEmployment: {
    rule: 'E6',
    code: 'seeking_self_employment',
    en: 'Seeking self-employment: self-directed services and a referral out (e.g. a Small Business Centre); no funded outcome.',
    fr: 'Recherche d’un travail autonome : services autonomes et aiguillage externe (p. ex. un Centre d’entreprises); aucun résultat financé.',
  },
} satisfies Record<string, ScreeningReason>;

const NOTES = {
  employed: {
    rule: 'E5',
    code: 'currently_employed',
    en: 'Employed: may be case-managed (layoff, better job, health); a funded outcome needs a new employer; likely Stream A.',
    fr: 'En emploi : peut bénéficier de la gestion de cas (mise à pied, meilleur emploi, santé); un résultat financé exige un nouvel employeur; probablement volet A.',
  },
  temporarySinConfirmed: {
    rule: 'E4',
    code: 'temporary_sin_with_open_permit',
    en: '900-series SIN with an open work permit: eligible; check the permit’s expiry during service.',
    fr: 'NAS de la série 900 avec un permis de travail ouvert : admissible; vérifiez l’échéance du permis pendant le service.',
  },
} satisfies Record<string, ScreeningReason>;

const CLAIMANT_STATUSES: WorkAuthorization[] = [
  'awaiting_permanent_residence',
  'refugee_claimant',
  'emergency_travel_visitor',
];

/** Applies E1–E6 to one person's answers. Pure: same answers, same result. */
export function screen(a: ScreeningAnswers): ScreeningResult {
  const notEligible: ScreeningReason[] = [];
  const selfDirected: ScreeningReason[] = [];
  const notes: ScreeningReason[] = [];
  let consultSsm = false;

  const age = ageOn(a.dateOfBirth, a.screenedOn);
  if (age < WORKING_AGE) notEligible.push(REASONS.underWorkingAge);
  if (!a.livesInOntario) notEligible.push(REASONS.outsideOntario);

  // E4: the right to work in Canada, by status and permit.
  const canadian = a.workAuthorization === 'citizen' || a.workAuthorization === 'permanent_resident';
  if (!canadian) {
    if (a.workAuthorization === 'none' || a.workPermit === 'none') {
      notEligible.push(REASONS.notEntitledToWork);
    } else if (a.workPermit === 'employer_specific') {
      selfDirected.push(REASONS.employerSpecificPermit);
    } else if (
      a.workAuthorization === 'temporary_foreign_worker' ||
      a.workAuthorization === 'international_student'
    ) {
      selfDirected.push(REASONS.temporaryResident);
    } else if (CLAIMANT_STATUSES.includes(a.workAuthorization)) {
      if (a.workPermit === 'open' && a.hasSin && a.sinTemporary) notes.push(NOTES.temporarySinConfirmed);
      else if (a.hasSin || a.workPermit !== 'open') selfDirected.push(REASONS.claimantMissingDocuments);
    }
  }

  // E2: no SIN (or unwilling to give it): self-directed while helped to get one.
  if (!a.hasSin) selfDirected.push(REASONS.noSin);

  // E3: minors need to be done with school or excused from it.
  if (age >= WORKING_AGE && age < ADULT_AGE && !a.secondarySchoolCompleted && !a.schoolExcusalProof) {
    selfDirected.push(REASONS.minorWithoutExcusal);
    consultSsm = true;
  }

  if (a.seekingSelfEmployment) selfDirected.push(REASONS.selfEmployment);
  if (a.currentlyEmployed) notes.push(NOTES.employed);

  if (notEligible.length)
    return { outcome: 'not_eligible', reasons: [...notEligible, ...selfDirected], notes, consultSsm };
  if (selfDirected.length) return { outcome: 'self_directed_only', reasons: selfDirected, notes, consultSsm };
  return { outcome: 'case_managed_eligible', reasons: [], notes, consultSsm };
}
