/**
 * M1/M4/M6: recording the end of pre-employment services, and the job details that go with it.
 * Pure: the service passes the plan's open items, jobs and today.
 */
import { compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';
import { FUNDED_OUTCOME_HOURS_PER_WEEK } from './funded-outcome.js';
import type { OutcomeKind } from './types.js';

export interface MonitoringProblem {
  rule: 'M1' | 'M4' | 'M6' | 'M7' | 'M9' | 'M10' | 'K3' | 'A1';
  code: string;
  en: string;
  fr: string;
}

/** 20 hours a week in the unit the jobs are recorded in (whole minutes), so the threshold is exact. */
export const FUNDED_OUTCOME_MINUTES_PER_WEEK = FUNDED_OUTCOME_HOURS_PER_WEEK * 60;

export const minutesToHours = (minutes: number): number => minutes / 60;

export interface OutcomeFacts {
  kind: OutcomeKind;
  endedOn: IsoDate;
  today: IsoDate;
  /** Items still planned or in progress (`isItemOpen`). */
  openItemCount: number;
  /** M4: the caseworker confirms every appropriate activity was offered or done. */
  allActivitiesOfferedConfirmed: boolean;
  /** Jobs active on `endedOn` (an employed outcome needs at least one). */
  jobsActiveOnEndDate: number;
  planStatus: 'draft' | 'active' | 'active_on_hold' | 'closed';
  outcomeAlreadyRecorded: boolean;
  /** The day the plan was activated: pre-employment services start there, so they cannot end before. */
  activatedOn: IsoDate | null;
}

/**
 * What stops an outcome from being recorded (empty = it may be). M4: no outcome while the client is
 * still working toward the goal; an outcome without employment while plan items are still open needs
 * the caseworker's confirmation that all appropriate activities were offered (the SSM audits it).
 */
export function outcomeProblems(f: OutcomeFacts): MonitoringProblem[] {
  ymdOf(f.endedOn);
  const problems: MonitoringProblem[] = [];
  if (f.planStatus !== 'active')
    problems.push({
      rule: 'M1',
      code: 'plan_not_active',
      en: 'An outcome is recorded on an active plan (not a draft, on hold or closed plan).',
      fr: 'Un résultat s’inscrit dans un plan actif (ni brouillon, ni en suspens, ni fermé).',
    });
  if (f.outcomeAlreadyRecorded)
    problems.push({
      rule: 'M1',
      code: 'outcome_already_recorded',
      en: 'Pre-employment services have already ended with an outcome; record later changes as jobs (M6).',
      fr: 'Les services préalables à l’emploi ont déjà pris fin avec un résultat; inscrivez les changements comme emplois (M6).',
    });
  if (compareIsoDates(f.endedOn, f.today) > 0)
    problems.push({
      rule: 'M6',
      code: 'ended_in_future',
      en: 'Pre-employment services cannot end on a future date.',
      fr: 'Les services préalables à l’emploi ne peuvent pas prendre fin à une date future.',
    });
  if (f.activatedOn !== null && compareIsoDates(f.endedOn, f.activatedOn) < 0)
    problems.push({
      rule: 'M1',
      code: 'ended_before_activation',
      en: `Pre-employment services began when the plan was activated (${f.activatedOn}); they cannot end before.`,
      fr: `Les services préalables à l’emploi ont commencé à l’activation du plan (${f.activatedOn}); ils ne peuvent pas prendre fin avant.`,
    });
  if (f.kind === 'employed' && f.jobsActiveOnEndDate === 0)
    problems.push({
      rule: 'M1',
      code: 'employed_needs_job',
      en: 'An employed outcome needs the job (employer, start date, hours, wage, occupation) held on the end date.',
      fr: 'Un résultat « en emploi » exige l’emploi (employeur, date de début, heures, salaire, profession) occupé à la date de fin.',
    });
  if (f.kind === 'not_employed' && f.openItemCount > 0 && !f.allActivitiesOfferedConfirmed)
    problems.push({
      rule: 'M4',
      code: 'open_items_unconfirmed',
      en: `${f.openItemCount} plan item(s) are still open: confirm that all appropriate activities were offered or done before recording an outcome without employment.`,
      fr: `${f.openItemCount} élément(s) du plan sont encore ouverts : confirmez que toutes les activités appropriées ont été offertes ou réalisées avant d’inscrire un résultat sans emploi.`,
    });
  return problems;
}

export interface JobFacts {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  minutesPerWeek: number;
  hourlyWageCents: number | null;
  nocCode: string;
  hoursReached20On: IsoDate | null;
  today: IsoDate;
}

/** NOC 2021 unit groups are five digits. */
export const NOC_CODE = /^[0-9]{5}$/;

/** Checks beyond field formats: dates in order, not in the future, a rise to 20+ within the job. */
export function jobProblems(f: JobFacts): MonitoringProblem[] {
  const problems: MonitoringProblem[] = [];
  const p = (code: string, en: string, fr: string) => problems.push({ rule: 'M6', code, en, fr });
  if (compareIsoDates(f.startedOn, f.today) > 0)
    p('start_in_future', 'A job is recorded once it has started.', 'Un emploi s’inscrit une fois commencé.');
  if (f.endedOn !== null && compareIsoDates(f.endedOn, f.startedOn) < 0)
    p(
      'ends_before_start',
      'A job cannot end before it starts.',
      'Un emploi ne peut pas finir avant de commencer.',
    );
  if (f.endedOn !== null && compareIsoDates(f.endedOn, f.today) > 0)
    p(
      'end_in_future',
      'A job’s end is recorded once it has happened.',
      'La fin d’un emploi s’inscrit une fois survenue.',
    );
  if (!NOC_CODE.test(f.nocCode))
    p(
      'noc_code',
      'The occupation is a five-digit NOC 2021 code.',
      'La profession est un code CNP 2021 à cinq chiffres.',
    );
  if (f.hoursReached20On !== null) {
    if (f.minutesPerWeek < FUNDED_OUTCOME_MINUTES_PER_WEEK)
      p(
        'rise_below_20',
        'A rise to 20+ hours is recorded with the job’s hours at 20 or more.',
        'Une hausse à 20 heures ou plus s’inscrit avec les heures de l’emploi à 20 ou plus.',
      );
    if (
      compareIsoDates(f.hoursReached20On, f.startedOn) < 0 ||
      (f.endedOn !== null && compareIsoDates(f.hoursReached20On, f.endedOn) > 0)
    )
      p(
        'rise_outside_job',
        'Hours rose to 20+ while the job was held.',
        'La hausse à 20 heures ou plus survient pendant l’emploi.',
      );
  }
  return problems;
}

/**
 * NOC 2021 broad occupational categories, the first digit of a unit group (Statistics Canada), so a
 * code can be shown with a name without shipping the full classification.
 */
export const NOC_BROAD_CATEGORIES: Readonly<Record<string, { en: string; fr: string }>> = {
  '0': {
    en: 'Legislative and senior management occupations',
    fr: 'Membres des corps législatifs et cadres supérieurs',
  },
  '1': { en: 'Business, finance and administration occupations', fr: 'Affaires, finance et administration' },
  '2': {
    en: 'Natural and applied sciences and related occupations',
    fr: 'Sciences naturelles et appliquées et domaines apparentés',
  },
  '3': { en: 'Health occupations', fr: 'Secteur de la santé' },
  '4': {
    en: 'Occupations in education, law and social, community and government services',
    fr: 'Enseignement, droit et services sociaux, communautaires et gouvernementaux',
  },
  '5': { en: 'Occupations in art, culture, recreation and sport', fr: 'Arts, culture, sports et loisirs' },
  '6': { en: 'Sales and service occupations', fr: 'Vente et services' },
  '7': {
    en: 'Trades, transport and equipment operators and related occupations',
    fr: 'Métiers, transport, machinerie et domaines apparentés',
  },
  '8': {
    en: 'Natural resources, agriculture and related production occupations',
    fr: 'Ressources naturelles, agriculture et production connexe',
  },
  '9': { en: 'Occupations in manufacturing and utilities', fr: 'Fabrication et services d’utilité publique' },
};

export function nocBroadCategory(code: string): { en: string; fr: string } | null {
  return NOC_CODE.test(code) ? (NOC_BROAD_CATEGORIES[code[0]!] ?? null) : null;
}
