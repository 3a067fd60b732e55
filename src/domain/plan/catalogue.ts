/**
 * A7: the SSM's plan-item catalogue must let every provider deliver the minimum services. Each item
 * names the minimum service it delivers; coverage counts the active items per service and says
 * which services have none.
 */
import { MINIMUM_SERVICES, type MinimumService, type SubGoalKind } from './types.js';
import type { TrainingProgram } from './training-referrals.js';

export interface CatalogueCoverage {
  services: { minimumService: MinimumService; items: number }[];
  missing: MinimumService[];
}

/** A7: every minimum service, in the guidelines' order, with how many active items deliver it. */
export function catalogueCoverage(
  counts: readonly { minimumService: MinimumService; items: number }[],
): CatalogueCoverage {
  const by = new Map<MinimumService, number>();
  for (const c of counts) by.set(c.minimumService, (by.get(c.minimumService) ?? 0) + c.items);
  const services = MINIMUM_SERVICES.map((s) => ({ minimumService: s, items: by.get(s) ?? 0 }));
  return { services, missing: services.filter((s) => s.items === 0).map((s) => s.minimumService) };
}

export interface CatalogueProblem {
  rule: 'A7' | 'A10';
  code: 'training_needs_ministry_sub_goal' | 'training_needs_referral_service';
  field: string;
  en: string;
  fr: string;
}

/**
 * A7/A10: a catalogue item naming a ministry-retained program is a referral to skills training,
 * filed under "Skills Development – Ministry Delivered Programs", so the A10 cases can find it.
 */
export function catalogueItemProblems(item: {
  subGoalKind: SubGoalKind;
  minimumService: MinimumService;
  trainingProgram: TrainingProgram | null;
}): CatalogueProblem[] {
  if (!item.trainingProgram) return [];
  const problems: CatalogueProblem[] = [];
  if (item.subGoalKind !== 'skills_development_ministry_delivered')
    problems.push({
      rule: 'A10',
      code: 'training_needs_ministry_sub_goal',
      field: 'subGoalKind',
      en: 'A ministry-retained training program belongs under “Skills Development – Ministry Delivered Programs”.',
      fr: 'Un programme de formation relevant du ministère relève de « Perfectionnement des compétences – programmes offerts par le ministère ».',
    });
  if (item.minimumService !== 'skills_training_referral')
    problems.push({
      rule: 'A7',
      code: 'training_needs_referral_service',
      field: 'minimumService',
      en: 'A ministry-retained training program delivers the “referral to skills training and education” service.',
      fr: 'Un programme de formation relevant du ministère offre le service « aiguillage vers la formation et l’éducation ».',
    });
  return problems;
}
