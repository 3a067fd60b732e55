import { describe, expect, it } from 'vitest';
import { catalogueCoverage, catalogueItemProblems } from '../../../src/domain/plan/catalogue.js';
import { TRAINING_PROGRAMS } from '../../../src/domain/plan/training-referrals.js';
import { MINIMUM_SERVICES, SUB_GOAL_KINDS } from '../../../src/domain/plan/types.js';
import { PLAN_CATALOGUE } from '../../../src/seed/plan-catalogue.js';

describe('catalogueCoverage (A7)', () => {
  it('A7: every minimum service in order, with the services no item delivers listed as missing', () => {
    const coverage = catalogueCoverage([
      { minimumService: 'job_retention', items: 2 },
      { minimumService: 'life_stabilization', items: 1 },
      { minimumService: 'job_retention', items: 1 },
    ]);
    expect(coverage.services.map((s) => s.minimumService)).toEqual([...MINIMUM_SERVICES]);
    expect(coverage.services.find((s) => s.minimumService === 'job_retention')!.items).toBe(3);
    expect(coverage.missing).toEqual(
      MINIMUM_SERVICES.filter((s) => s !== 'job_retention' && s !== 'life_stabilization'),
    );
  });

  it('A7: an empty catalogue misses every service', () => {
    expect(catalogueCoverage([]).missing).toEqual([...MINIMUM_SERVICES]);
  });
});

describe('catalogueItemProblems (A7, A10)', () => {
  it('A10: a training program item sits under the ministry-delivered sub-goal as a skills training referral', () => {
    expect(
      catalogueItemProblems({
        subGoalKind: 'skills_development_ministry_delivered',
        minimumService: 'skills_training_referral',
        trainingProgram: 'lbs',
      }),
    ).toEqual([]);
    const wrong = catalogueItemProblems({
      subGoalKind: 'employment_assistance_services',
      minimumService: 'employability_skills',
      trainingProgram: 'lbs',
    });
    expect(wrong.map((p) => [p.rule, p.code])).toEqual([
      ['A10', 'training_needs_ministry_sub_goal'],
      ['A7', 'training_needs_referral_service'],
    ]);
  });

  it('A7: an item naming no program may be filed anywhere', () => {
    expect(
      catalogueItemProblems({
        subGoalKind: 'retention',
        minimumService: 'job_retention',
        trainingProgram: null,
      }),
    ).toEqual([]);
  });
});

describe('the seeded SSM catalogue (A2, A7, A10, R1)', () => {
  it('A7: covers every minimum service', () => {
    const counts = MINIMUM_SERVICES.map((s) => ({
      minimumService: s,
      items: PLAN_CATALOGUE.filter((i) => i.minimumService === s).length,
    }));
    expect(catalogueCoverage(counts).missing).toEqual([]);
  });

  it('A2: has items for each of the eight sub-goal kinds', () => {
    for (const kind of SUB_GOAL_KINDS)
      expect(
        PLAN_CATALOGUE.some((i) => i.subGoalKind === kind),
        kind,
      ).toBe(true);
  });

  it('A10: one referral item per ministry-retained program, each valid', () => {
    for (const program of TRAINING_PROGRAMS) {
      const items = PLAN_CATALOGUE.filter((i) => i.trainingProgram === program);
      expect(items, program).toHaveLength(1);
      expect(catalogueItemProblems({ ...items[0]!, trainingProgram: program })).toEqual([]);
    }
  });

  it('codes are unique; every item is named and described in English and French', () => {
    expect(new Set(PLAN_CATALOGUE.map((i) => i.code)).size).toBe(PLAN_CATALOGUE.length);
    for (const i of PLAN_CATALOGUE) {
      expect(i.nameEn && i.nameFr && i.descriptionEn && i.descriptionFr, i.code).toBeTruthy();
      expect(i.nameFr, i.code).not.toBe(i.nameEn);
    }
  });
});
