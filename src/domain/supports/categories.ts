/**
 * F5: the eligible client-support categories, their bilingual labels, and the checks that belong to
 * one category (duration of training and childcare, disability, employer-provided PPE).
 *
 * Interpretations (the guidelines give the words, not the arithmetic):
 * - Short-term training "to be completed within 3 months": the last day of training is on or before
 *   the date 3 calendar months after its first day, by the month-end clamping of
 *   `addCalendarMonths` (monitoring/schedule.ts). 15 January → 15 April is within; 16 April is not.
 *   31 October → 31 January; 30 November → 28 February (29 in a leap year). The boundary day is
 *   included, the same convention as the 12-month site visit (employers.ts).
 * - Emergency childcare "up to a maximum of 2 weeks": 14 calendar days counted inclusively from the
 *   first to the last day of care (weekends in between count: two weeks is a period, not a number of
 *   care days). Monday 1 June → Sunday 14 June is 14 days and allowed; to Monday 15 June is 15.
 * - Work-related disability supports need the client's own "yes" to the disability question
 *   (self-identification, N4); "no" and "prefer not to say" are refused.
 * - Special equipment: PPE the employer provides is not eligible. The caseworker declares it
 *   (`employerProvides`); the system cannot know.
 * - 'other': not in the chart, so it is allowed only with SSM pre-approval (F6, pre-approval.ts) and
 *   needs a description of what it is.
 *
 * Pure: no I/O; imports only the zone-free `calendar/iso-date` and `monitoring/schedule`.
 */
import { compareIsoDates, calendarDaysBetween, ymdOf, type IsoDate } from '../calendar/iso-date.js';
import { addCalendarMonths } from '../monitoring/schedule.js';
import type { SelfIdentification } from '../people/specialized-populations.js';
import type { SupportCategory, SupportProblem } from './types.js';

export interface Bilingual {
  en: string;
  fr: string;
}

export interface CategoryInfo {
  label: Bilingual;
  description: Bilingual;
}

/** F5: labels and descriptions, from the §13 chart. */
export const CATEGORY_INFO: Readonly<Record<SupportCategory, CategoryInfo>> = {
  technology: {
    label: { en: 'Technology', fr: 'Technologie' },
    description: {
      en: 'Pre-paid cell phone cards, internet hotspots, devices needed for employment-related activities.',
      fr: 'Cartes prépayées de téléphonie cellulaire, points d’accès Internet, appareils nécessaires aux activités liées à l’emploi.',
    },
  },
  short_term_transportation: {
    label: { en: 'Short-term transportation', fr: 'Transport à court terme' },
    description: {
      en: 'Transit fare, gas or car insurance to attend employment-related activities or to start a new job.',
      fr: 'Titres de transport en commun, essence ou assurance automobile pour participer à des activités liées à l’emploi ou commencer un nouvel emploi.',
    },
  },
  work_clothing_grooming: {
    label: { en: 'Work clothing or grooming', fr: 'Vêtements de travail ou soins personnels' },
    description: {
      en: 'Clothing or grooming needed for a job interview or to start a new job.',
      fr: 'Vêtements ou soins personnels nécessaires pour une entrevue d’emploi ou pour commencer un nouvel emploi.',
    },
  },
  special_equipment_supplies: {
    label: { en: 'Special equipment and supplies', fr: 'Équipement et fournitures spéciaux' },
    description: {
      en: 'Safety equipment (work boots, safety vest…) for employment-related activities or a new job; not personal protective equipment the employer provides.',
      fr: 'Équipement de sécurité (bottes de travail, dossard…) pour des activités liées à l’emploi ou un nouvel emploi; à l’exclusion de l’équipement de protection individuelle fourni par l’employeur.',
    },
  },
  occupational_certification: {
    label: { en: 'Occupational certification', fr: 'Certification professionnelle' },
    description: {
      en: 'Exam fees, proof of completed education or training, language or academic credential assessment, translation of international academic documents.',
      fr: 'Droits d’examen, attestation d’études ou de formation, évaluation des compétences linguistiques ou des titres de compétences, traduction de documents scolaires étrangers.',
    },
  },
  short_term_training: {
    label: { en: 'Short-term training', fr: 'Formation de courte durée' },
    description: {
      en: 'Registration fees, tools and client stipends for training completed within 3 months.',
      fr: 'Droits d’inscription, outils et allocations pour une formation terminée en 3 mois ou moins.',
    },
  },
  emergency_childcare: {
    label: { en: 'Emergency or occasional childcare', fr: 'Garde d’enfants d’urgence ou occasionnelle' },
    description: {
      en: 'One-time childcare, up to 2 weeks, to attend employment-related activities or start a new job.',
      fr: 'Garde d’enfants ponctuelle, jusqu’à 2 semaines, pour participer à des activités liées à l’emploi ou commencer un nouvel emploi.',
    },
  },
  work_related_disability: {
    label: { en: 'Work-related disability supports', fr: 'Soutiens liés à un handicap au travail' },
    description: {
      en: 'For clients who self-identify as having a disability: diagnostic assessments of employment capacities, assistive devices, adaptive technology, job-specific communication skills training, interpreters, readers, note-takers.',
      fr: 'Pour les clients qui déclarent avoir un handicap : évaluations diagnostiques des capacités d’emploi, appareils fonctionnels, technologies adaptées, formation en communication propre à l’emploi, interprètes, lecteurs, preneurs de notes.',
    },
  },
  other: {
    label: { en: 'Other (case by case with the SSM)', fr: 'Autre (au cas par cas avec le GSS)' },
    description: {
      en: 'An expense not in the list, considered case by case with the Service System Manager; always needs its pre-approval.',
      fr: 'Une dépense qui ne figure pas dans la liste, examinée au cas par cas avec le gestionnaire de système de services; exige toujours son approbation préalable.',
    },
  },
};

/** F5 limits. */
export const CATEGORY_LIMITS = {
  /** Short-term training ends on or before first day + this many calendar months. */
  trainingMonths: 3,
  /** Emergency childcare spans at most this many calendar days, first and last included. */
  childcareDays: 14,
} as const;

/** An inclusive date range. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The facts of a client-support request that the category checks read. */
export interface CategoryRequest {
  category: SupportCategory;
  /** short_term_training: first and last day of the training. */
  training?: DateRange | null;
  /** emergency_childcare: first and last day of care. */
  childcare?: DateRange | null;
  /** work_related_disability: the client's answer to the disability self-identification question. */
  disabilitySelfIdentification?: SelfIdentification | null;
  /** special_equipment_supplies: declared by the caseworker: the employer provides this PPE. */
  employerProvides?: boolean;
  /** other: what the expense is. */
  otherDescription?: string | null;
}

/** F5: the last day short-term training may end when it starts on `from`. */
export function trainingMustEndBy(from: IsoDate): IsoDate {
  return addCalendarMonths(from, CATEGORY_LIMITS.trainingMonths);
}

/** Calendar days from `from` to `to`, both included (1 for a single day). */
export function inclusiveDays(range: DateRange): number {
  return calendarDaysBetween(range.from, range.to) + 1;
}

function rangeProblem(range: DateRange, what: Bilingual): SupportProblem | null {
  ymdOf(range.from);
  ymdOf(range.to);
  if (compareIsoDates(range.to, range.from) >= 0) return null;
  return {
    rule: 'F5',
    code: 'range_reversed',
    en: `The ${what.en} cannot end before it starts.`,
    fr: `${what.fr} ne peut pas se terminer avant de commencer.`,
  };
}

function trainingProblems(training: DateRange | null | undefined): SupportProblem[] {
  if (!training)
    return [
      {
        rule: 'F5',
        code: 'training_dates_missing',
        en: 'Short-term training needs its first and last day.',
        fr: 'La formation de courte durée exige ses dates de début et de fin.',
      },
    ];
  const reversed = rangeProblem(training, { en: 'training', fr: 'La formation' });
  if (reversed) return [reversed];
  const endBy = trainingMustEndBy(training.from);
  if (compareIsoDates(training.to, endBy) <= 0) return [];
  return [
    {
      rule: 'F5',
      code: 'training_over_3_months',
      en: `Short-term training must be completed within 3 months: starting ${training.from}, it must end by ${endBy}.`,
      fr: `La formation de courte durée doit se terminer en 3 mois ou moins : commençant le ${training.from}, elle doit se terminer au plus tard le ${endBy}.`,
    },
  ];
}

function childcareProblems(childcare: DateRange | null | undefined): SupportProblem[] {
  if (!childcare)
    return [
      {
        rule: 'F5',
        code: 'childcare_dates_missing',
        en: 'Emergency childcare needs its first and last day.',
        fr: 'La garde d’enfants d’urgence exige ses dates de début et de fin.',
      },
    ];
  const reversed = rangeProblem(childcare, { en: 'childcare', fr: 'La garde d’enfants' });
  if (reversed) return [reversed];
  const days = inclusiveDays(childcare);
  if (days <= CATEGORY_LIMITS.childcareDays) return [];
  return [
    {
      rule: 'F5',
      code: 'childcare_over_2_weeks',
      en: `Emergency childcare covers at most 2 weeks (14 days); ${childcare.from} to ${childcare.to} is ${days} days.`,
      fr: `La garde d’enfants d’urgence couvre au plus 2 semaines (14 jours); du ${childcare.from} au ${childcare.to}, il y a ${days} jours.`,
    },
  ];
}

/**
 * F5: what is wrong with a client-support request for its category (empty = nothing). Whether it
 * needs SSM pre-approval is a separate question (F6, `preApprovalReasons`).
 */
export function categoryProblems(request: CategoryRequest): SupportProblem[] {
  switch (request.category) {
    case 'short_term_training':
      return trainingProblems(request.training);
    case 'emergency_childcare':
      return childcareProblems(request.childcare);
    case 'work_related_disability':
      return request.disabilitySelfIdentification === 'yes'
        ? []
        : [
            {
              rule: 'F5',
              code: 'disability_not_self_identified',
              en: 'Work-related disability supports are for clients who self-identify as having a disability.',
              fr: 'Les soutiens liés à un handicap au travail sont destinés aux clients qui déclarent avoir un handicap.',
            },
          ];
    case 'special_equipment_supplies':
      return request.employerProvides
        ? [
            {
              rule: 'F5',
              code: 'employer_provided_ppe',
              en: 'Personal protective equipment the employer provides is not eligible.',
              fr: 'L’équipement de protection individuelle fourni par l’employeur n’est pas admissible.',
            },
          ]
        : [];
    case 'other':
      return request.otherDescription?.trim()
        ? []
        : [
            {
              rule: 'F5',
              code: 'other_needs_description',
              en: 'An expense outside the listed categories needs a description for the SSM.',
              fr: 'Une dépense hors des catégories prévues exige une description pour le GSS.',
            },
          ];
    default:
      return [];
  }
}
