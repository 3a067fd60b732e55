/**
 * Pathways' first segmentation model: transparent additive points. Each factor is a named function
 * of the answers; the score is the sum clamped to 0–100; the stream follows from thresholds given by
 * configuration (C8). The weights are Pathways' own judgement from the guidelines' stream
 * descriptions (§10 "Client Segmentation") and common findings on long-term unemployment, not the
 * ministry's model: docs/segmentation.md explains each one. Identity questions (Indigenous,
 * Francophone, racialized, gender, newcomer) are never scored: they open specialized services, and
 * scoring them would stand in for the barriers they are often confused with.
 */
import type { Answers, AssessmentFacts } from '../types.js';
import {
  streamFor,
  thresholdsProblem,
  type SegmentationFactorDescription,
  type SegmentationInput,
  type SegmentationModel,
  type StreamThresholds,
} from './model.js';

interface FactorDefinition extends SegmentationFactorDescription {
  points(a: Answers, facts: AssessmentFacts): number;
}

const num = (a: Answers, id: string): number | undefined => {
  const v = a[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const str = (a: Answers, id: string): string | undefined => {
  const v = a[id];
  return typeof v === 'string' ? v : undefined;
};
const list = (a: Answers, id: string): string[] => {
  const v = a[id];
  return Array.isArray(v) ? v : [];
};
/** Average of the scale items answered; undefined when none is. */
const average = (a: Answers, ids: readonly string[]): number | undefined => {
  const values = ids.map((id) => num(a, id)).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
};

export const ESSENTIAL_SKILL_ITEMS = [
  'essential_skills.reading',
  'essential_skills.writing',
  'essential_skills.numeracy',
  'essential_skills.digital',
] as const;
export const SELF_EFFICACY_ITEMS = [
  'essential_skills.efficacy_find_job',
  'essential_skills.efficacy_setbacks',
  'essential_skills.efficacy_learning',
  'essential_skills.efficacy_interview',
] as const;
export const WORK_ATTITUDE_ITEMS = [
  'goals.attitude_work_matters',
  'goals.attitude_time_for_search',
  'goals.attitude_open_to_first_step',
  'goals.attitude_follow_through',
] as const;

const WORKING = ['employed_full_time', 'employed_part_time', 'self_employed'];
const OTHER_NEEDS = ['food', 'income', 'physical_health', 'childcare', 'transportation', 'legal', 'safety'];

const FACTORS: readonly FactorDefinition[] = [
  {
    id: 'time_without_work',
    en: 'Time without work',
    fr: 'Durée sans emploi',
    weight: 26,
    minPoints: 0,
    maxPoints: 26,
    explanationEn:
      'The longer someone has been out of work, the harder the return: 3–5 months 6, 6–11 months 12, 12–23 months 20, 24 months or more 26; never had a paid job 22.',
    explanationFr:
      'Plus l’absence du travail est longue, plus le retour est difficile : 3 à 5 mois 6, 6 à 11 mois 12, 12 à 23 mois 20, 24 mois ou plus 26; aucun emploi rémunéré 22.',
    points(a) {
      const status = str(a, 'employment.status');
      if (status === 'never_worked') return 22;
      if (status !== 'unemployed') return 0;
      const months = num(a, 'employment.months_without_work') ?? 0;
      if (months >= 24) return 26;
      if (months >= 12) return 20;
      if (months >= 6) return 12;
      if (months >= 3) return 6;
      return 0;
    },
  },
  {
    id: 'working_at_entry',
    en: 'Working at entry',
    fr: 'En emploi à l’entrée',
    weight: -15,
    minPoints: -15,
    maxPoints: 0,
    explanationEn:
      'People already working are the closest to the labour market and most likely Stream A (E5): 20 hours a week or more −15, fewer than 20 hours −8, hours not given −8.',
    explanationFr:
      'Les personnes déjà en emploi sont les plus proches du marché du travail et probablement du volet A (E5) : 20 heures par semaine ou plus −15, moins de 20 heures −8, heures non indiquées −8.',
    points(a) {
      const status = str(a, 'employment.status');
      if (status === undefined || !WORKING.includes(status)) return 0;
      const hours = num(a, 'employment.hours_per_week');
      return hours !== undefined && hours >= 20 ? -15 : -8;
    },
  },
  {
    id: 'work_experience',
    en: 'Little work experience',
    fr: 'Peu d’expérience de travail',
    weight: 8,
    minPoints: 0,
    maxPoints: 8,
    explanationEn:
      'Employers hire on experience; less than 1 year 8, 1–2 years 4. People who never worked are counted under time without work instead.',
    explanationFr:
      'Les employeurs embauchent selon l’expérience : moins d’un an 8, de 1 à 2 ans 4. Les personnes qui n’ont jamais travaillé sont plutôt comptées dans la durée sans emploi.',
    points(a) {
      if (str(a, 'employment.status') === 'never_worked') return 0;
      const years = num(a, 'employment.years_experience');
      if (years === undefined) return 0;
      if (years < 1) return 8;
      if (years < 3) return 4;
      return 0;
    },
  },
  {
    id: 'education',
    en: 'Education',
    fr: 'Études',
    weight: 14,
    minPoints: -5,
    maxPoints: 14,
    explanationEn:
      'Education is one of the strongest signals employers read: less than high school 14, high school 7, some postsecondary 4, college or apprenticeship 0, university −5.',
    explanationFr:
      'Les études sont l’un des signaux que les employeurs lisent le plus : moins que le secondaire 14, secondaire 7, postsecondaire non terminé 4, collège ou apprentissage 0, université −5.',
    points(a) {
      switch (str(a, 'demographic.education')) {
        case 'less_than_secondary':
          return 14;
        case 'secondary':
          return 7;
        case 'some_postsecondary':
          return 4;
        case 'university':
          return -5;
        default:
          return 0;
      }
    },
  },
  {
    id: 'essential_skills',
    en: 'Essential skills (self-rated)',
    fr: 'Compétences essentielles (autoévaluation)',
    weight: 14,
    minPoints: 0,
    maxPoints: 14,
    explanationEn:
      'Reading, writing, numeracy and digital skills rated 1–5 by the person: an average of 2 or less 14, up to 3 7. Low essential skills call for upgrading before or alongside the job search (Stream B/C).',
    explanationFr:
      'Lecture, écriture, calcul et compétences numériques évalués de 1 à 5 par la personne : une moyenne de 2 ou moins 14, jusqu’à 3 7. De faibles compétences essentielles demandent une mise à niveau avant ou pendant la recherche d’emploi (volets B et C).',
    points(a) {
      const avg = average(a, ESSENTIAL_SKILL_ITEMS);
      if (avg === undefined) return 0;
      if (avg <= 2) return 14;
      if (avg <= 3) return 7;
      return 0;
    },
  },
  {
    id: 'self_efficacy',
    en: 'Self-efficacy',
    fr: 'Sentiment d’efficacité personnelle',
    weight: 8,
    minPoints: 0,
    maxPoints: 8,
    explanationEn:
      'Confidence in finding work, coping with setbacks, learning and presenting oneself (1–5): an average of 2 or less 8, up to 3 4.',
    explanationFr:
      'Confiance dans sa capacité de trouver un emploi, de surmonter les revers, d’apprendre et de se présenter (1 à 5) : une moyenne de 2 ou moins 8, jusqu’à 3 4.',
    points(a) {
      const avg = average(a, SELF_EFFICACY_ITEMS);
      if (avg === undefined) return 0;
      if (avg <= 2) return 8;
      if (avg <= 3) return 4;
      return 0;
    },
  },
  {
    id: 'housing',
    en: 'Housing need',
    fr: 'Besoin en logement',
    weight: 8,
    minPoints: 0,
    maxPoints: 8,
    explanationEn: 'Unstable housing comes before steady work: housing named as a need 8.',
    explanationFr: 'Un logement instable passe avant un emploi stable : logement indiqué comme besoin 8.',
    points(a) {
      return list(a, 'supports.stabilization_needs').includes('housing') ? 8 : 0;
    },
  },
  {
    id: 'mental_health_or_substance_use',
    en: 'Mental health or substance use need',
    fr: 'Besoin lié à la santé mentale ou à la consommation',
    weight: 8,
    minPoints: 0,
    maxPoints: 8,
    explanationEn:
      'Mental health or substance use named as a need 8: intensive, ongoing support helps most (Stream C).',
    explanationFr:
      'Santé mentale ou consommation indiquée comme besoin 8 : un soutien intensif et continu aide le plus (volet C).',
    points(a) {
      const needs = list(a, 'supports.stabilization_needs');
      return needs.includes('mental_health') || needs.includes('substance_use') ? 8 : 0;
    },
  },
  {
    id: 'other_stabilization_needs',
    en: 'Other life stabilization needs',
    fr: 'Autres besoins de stabilisation',
    weight: 8,
    minPoints: 0,
    maxPoints: 8,
    explanationEn:
      'Food, income, physical health, childcare, transportation, legal matters, safety: 2 each, at most 8. Several needs at once make steady participation harder.',
    explanationFr:
      'Alimentation, revenu, santé physique, garde d’enfants, transport, questions juridiques, sécurité : 2 chacun, au plus 8. Plusieurs besoins à la fois rendent la participation régulière plus difficile.',
    points(a) {
      const needs = list(a, 'supports.stabilization_needs');
      return Math.min(8, 2 * OTHER_NEEDS.filter((n) => needs.includes(n)).length);
    },
  },
  {
    id: 'language',
    en: 'Language need',
    fr: 'Besoin linguistique',
    weight: 5,
    minPoints: 0,
    maxPoints: 5,
    explanationEn: 'English or French named as a need 5: most jobs in the region need one of them.',
    explanationFr:
      'Français ou anglais indiqué comme besoin 5 : la plupart des emplois de la région exigent l’une de ces langues.',
    points(a) {
      return list(a, 'supports.stabilization_needs').includes('language') ? 5 : 0;
    },
  },
  {
    id: 'disability_affects_work',
    en: 'Disability that affects work',
    fr: 'Handicap qui influe sur le travail',
    weight: 10,
    minPoints: 0,
    maxPoints: 10,
    explanationEn:
      'A self-identified disability that affects work a lot 10, somewhat 5. It raises the support offered; it never limits access (E8).',
    explanationFr:
      'Un handicap déclaré qui influe beaucoup sur le travail 10, un peu 5. Cela augmente le soutien offert; cela ne limite jamais l’accès (E8).',
    points(a) {
      if (str(a, 'disability.has_disability') !== 'yes') return 0;
      const affects = str(a, 'disability.affects_work');
      return affects === 'a_lot' ? 10 : affects === 'somewhat' ? 5 : 0;
    },
  },
  {
    id: 'age_band',
    en: 'Age band',
    fr: 'Tranche d’âge',
    weight: 7,
    minPoints: 0,
    maxPoints: 7,
    explanationEn:
      'Job loss late in a career tends to last longer, and very young people have little to show yet: 55 and over 7, 45–54 3, under 20 4, 20–24 2.',
    explanationFr:
      'Une perte d’emploi en fin de carrière a tendance à durer plus longtemps, et les très jeunes ont encore peu d’expérience à faire valoir : 55 ans et plus 7, 45 à 54 ans 3, moins de 20 ans 4, 20 à 24 ans 2.',
    points(_a, facts) {
      const age = facts.ageYears;
      if (age >= 55) return 7;
      if (age >= 45) return 3;
      if (age < 20) return 4;
      if (age < 25) return 2;
      return 0;
    },
  },
  {
    id: 'income_source',
    en: 'Income source',
    fr: 'Source de revenu',
    weight: 8,
    minPoints: -3,
    maxPoints: 8,
    explanationEn:
      'Social assistance (Ontario Works or ODSP) 8: it usually follows a longer time away from work. Employment Insurance alone −3: it follows recent work.',
    explanationFr:
      'Aide sociale (Ontario au travail ou POSPH) 8 : elle suit généralement une plus longue absence du travail. Assurance-emploi seule −3 : elle suit un emploi récent.',
    points(a, facts) {
      const sources = list(a, 'income.sources');
      if (facts.saClient || sources.includes('ow') || sources.includes('odsp')) return 8;
      return sources.includes('ei') ? -3 : 0;
    },
  },
  {
    id: 'employment_goal',
    en: 'Unclear employment goal',
    fr: 'Objectif d’emploi flou',
    weight: 4,
    minPoints: 0,
    maxPoints: 4,
    explanationEn:
      'Not sure what work they want 4, some ideas 2 (or, before Module 2, “not sure yet” about what they are looking for 4): career exploration comes first.',
    explanationFr:
      'Ne sait pas quel travail elle veut 4, quelques idées 2 (ou, avant le module 2, « ne le sait pas encore » quant à ce qu’elle cherche 4) : l’exploration de carrière passe en premier.',
    points(a) {
      const clarity = str(a, 'goals.goal_clarity');
      if (clarity === 'not_sure') return 4;
      if (clarity === 'some_ideas') return 2;
      if (clarity === undefined && str(a, 'supports.looking_for') === 'not_sure') return 4;
      return 0;
    },
  },
  {
    id: 'work_attitudes',
    en: 'Work attitudes',
    fr: 'Attitudes envers le travail',
    weight: 5,
    minPoints: 0,
    maxPoints: 5,
    explanationEn:
      'Importance of work, time for the search, openness to a first step, follow-through (1–5): an average of 2 or less 5, up to 3 2.',
    explanationFr:
      'Importance du travail, temps pour la recherche, ouverture à une première étape, suivi des engagements (1 à 5) : une moyenne de 2 ou moins 5, jusqu’à 3 2.',
    points(a) {
      const avg = average(a, WORK_ATTITUDE_ITEMS);
      if (avg === undefined) return 0;
      if (avg <= 2) return 5;
      if (avg <= 3) return 2;
      return 0;
    },
  },
];

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}

const MODEL_ID = 'pathways-2026';
const MODEL_VERSION = 'pathways-risk-2026-1';

export const PATHWAYS_2026_MODEL: SegmentationModel = {
  id: MODEL_ID,
  version: MODEL_VERSION,
  describe() {
    return {
      factors: FACTORS.map(({ points: _points, ...description }) => description),
    };
  },
  segment({ answers, facts }: SegmentationInput, thresholds: StreamThresholds) {
    const problem = thresholdsProblem(thresholds);
    if (problem) throw new RangeError(problem);
    const contributions = FACTORS.map((f, order) => ({ f, order, points: f.points(answers, facts) }));
    const score = clamp(contributions.reduce((s, c) => s + c.points, 0));
    const factors = contributions
      .filter((c) => c.points !== 0)
      // Largest contribution first, whichever way it pushes; ties keep the model's order.
      .sort((x, y) => Math.abs(y.points) - Math.abs(x.points) || x.order - y.order)
      .map(({ f, points }) => ({ id: f.id, en: f.en, fr: f.fr, points }));
    return {
      modelId: MODEL_ID,
      modelVersion: MODEL_VERSION,
      score,
      stream: streamFor(score, thresholds),
      thresholds: { b: thresholds.b, c: thresholds.c },
      factors,
    };
  },
};
