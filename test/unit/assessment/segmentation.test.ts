import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEGMENTATION_MODEL_ID,
  DEFAULT_STREAM_THRESHOLDS,
  parseStreamThresholds,
  PATHWAYS_2026_MODEL,
  segmentationModel,
  SEGMENTATION_MODELS,
  type Answers,
  type AssessmentFacts,
  type StreamThresholds,
} from '../../../src/domain/assessment/index.js';
import { ADULT, COMPLETE } from './fixtures.js';

const model = PATHWAYS_2026_MODEL;
const segment = (
  answers: Answers,
  facts: AssessmentFacts = ADULT,
  t: StreamThresholds = DEFAULT_STREAM_THRESHOLDS,
) => model.segment({ answers, facts }, t);
const points = (s: ReturnType<typeof segment>) => s.factors.map((f) => [f.id, f.points]);
const scales = (prefix: string, ids: string[], value: number): Answers =>
  Object.fromEntries(ids.map((id) => [`${prefix}.${id}`, value]));
const skills = (v: number) => scales('essential_skills', ['reading', 'writing', 'numeracy', 'digital'], v);
const efficacy = (v: number) =>
  scales(
    'essential_skills',
    ['efficacy_find_job', 'efficacy_setbacks', 'efficacy_learning', 'efficacy_interview'],
    v,
  );

/** Laid off a month ago, university degree, eight years of experience, on EI, no needs. */
const graduate = COMPLETE;

/** Out of work two and a half years, no diploma, low skills and confidence, housing and mental health, OW. */
const longUnemployed: Answers = {
  ...COMPLETE,
  ...skills(2),
  ...efficacy(2),
  'demographic.education': 'less_than_secondary',
  'supports.stabilization_needs': ['housing', 'mental_health'],
  'supports.housing_situation': 'staying_with_others',
  'income.sources': ['ow'],
  'employment.months_without_work': 30,
  'employment.years_experience': 4,
  'goals.goal_clarity': 'some_ideas',
};

/** Eight months out, high school, middling skills and confidence, childcare and transportation, 48. */
const middle: Answers = {
  ...COMPLETE,
  ...skills(3),
  ...efficacy(3),
  'demographic.education': 'secondary',
  'supports.stabilization_needs': ['childcare', 'transportation'],
  'income.sources': ['spousal_or_family'],
  'employment.months_without_work': 8,
  'employment.years_experience': 10,
};
const age48: AssessmentFacts = { ageYears: 48, saClient: false };

describe('segmentation: pathways-2026 (C8)', () => {
  it('C8: a recently laid-off university graduate is Stream A, with the factors that lowered the score', () => {
    const s = segment(graduate);
    expect(s).toEqual({
      modelId: 'pathways-2026',
      modelVersion: 'pathways-risk-2026-1',
      score: 0,
      stream: 'A',
      thresholds: { b: 35, c: 60 },
      factors: [
        { id: 'education', en: 'Education', fr: 'Études', points: -5 },
        { id: 'income_source', en: 'Income source', fr: 'Source de revenu', points: -3 },
      ],
    });
  });

  it('C8: a long-unemployed person with housing and mental-health needs and low essential skills is Stream C', () => {
    const s = segment(longUnemployed, { ageYears: 40, saClient: true });
    expect(s.stream).toBe('C');
    expect(s.score).toBe(88);
    expect(points(s)).toEqual([
      ['time_without_work', 26],
      ['education', 14],
      ['essential_skills', 14],
      ['self_efficacy', 8],
      ['housing', 8],
      ['mental_health_or_substance_use', 8],
      ['income_source', 8],
      ['employment_goal', 2],
    ]);
  });

  it('C8: a middle profile is Stream B', () => {
    const s = segment(middle, age48);
    expect(s.score).toBe(37);
    expect(s.stream).toBe('B');
    expect(points(s)).toEqual([
      ['time_without_work', 12],
      ['education', 7],
      ['essential_skills', 7],
      ['self_efficacy', 4],
      ['other_stabilization_needs', 4],
      ['age_band', 3],
    ]);
  });

  it('C8: a score exactly at b is Stream B, one below is A', () => {
    // 12 months out (20) + high school (7) + housing (8) = 35.
    const atB: Answers = {
      ...COMPLETE,
      'employment.months_without_work': 12,
      'demographic.education': 'secondary',
      'supports.stabilization_needs': ['housing'],
      'supports.housing_situation': 'at_risk',
      'income.sources': ['none'],
    };
    expect(segment(atB).score).toBe(35);
    expect(segment(atB).stream).toBe('B');
    expect(segment(atB, ADULT, { b: 36, c: 60 }).stream).toBe('A');
  });

  it('C8: a score exactly at c is Stream C, one below is B', () => {
    // 24+ months (26) + no diploma (14) + low skills (14) + three other needs (6) = 60.
    const atC: Answers = {
      ...COMPLETE,
      ...skills(1),
      'employment.months_without_work': 24,
      'demographic.education': 'less_than_secondary',
      'supports.stabilization_needs': ['food', 'legal', 'safety'],
      'income.sources': ['none'],
    };
    expect(segment(atC).score).toBe(60);
    expect(segment(atC).stream).toBe('C');
    expect(segment(atC, ADULT, { b: 35, c: 61 }).stream).toBe('B');
  });

  it('C8: thresholds are parameters: the same answers change stream when they change', () => {
    expect(segment(middle, age48, { b: 40, c: 70 }).stream).toBe('A');
    expect(segment(middle, age48, { b: 20, c: 37 }).stream).toBe('C');
    expect(segment(middle, age48, { b: 20, c: 37 }).thresholds).toEqual({ b: 20, c: 37 });
  });

  it('E5: someone working 20 hours or more at entry scores low (likely Stream A)', () => {
    const employed: Answers = {
      ...COMPLETE,
      'employment.status': 'employed_full_time',
      'employment.hours_per_week': 38,
      'employment.employer': 'Lakeshore Tool & Die',
      'employment.job_at_risk': 'yes',
      'income.sources': ['employment'],
      'demographic.education': 'secondary',
    };
    delete employed['employment.months_without_work'];
    delete employed['employment.reason_left'];
    const s = segment(employed);
    expect(s.stream).toBe('A');
    expect(points(s)).toEqual([
      ['working_at_entry', -15],
      ['education', 7],
    ]);
    expect(segment({ ...employed, 'employment.hours_per_week': 12 }).factors[0]).toMatchObject({
      id: 'working_at_entry',
      points: -8,
    });
  });

  it('the score is clamped to 100', () => {
    const everything: Answers = {
      ...longUnemployed,
      ...scales(
        'goals',
        [
          'attitude_work_matters',
          'attitude_time_for_search',
          'attitude_open_to_first_step',
          'attitude_follow_through',
        ],
        1,
      ),
      'employment.status': 'never_worked',
      'supports.stabilization_needs': [
        'housing',
        'substance_use',
        'food',
        'income',
        'legal',
        'safety',
        'language',
      ],
      'disability.has_disability': 'yes',
      'disability.affects_work': 'a_lot',
      'goals.goal_clarity': 'not_sure',
    };
    const s = segment(everything, { ageYears: 58, saClient: true });
    expect(s.score).toBe(100);
    expect(s.stream).toBe('C');
    expect(s.factors.reduce((sum, f) => sum + f.points, 0)).toBeGreaterThan(100);
  });

  it('identity answers are never scored: changing them changes nothing', () => {
    const other: Answers = {
      ...middle,
      'demographic.indigenous': 'first_nations',
      'demographic.racialized': 'yes',
      'demographic.francophone': 'yes',
      'demographic.gender': 'non_binary',
      'demographic.born_in_canada': 'no',
      'demographic.years_in_canada': 1,
    };
    expect(segment(other, age48)).toEqual(segment(middle, age48));
  });

  it('describe() names every factor with its weight and an explanation in both languages', () => {
    const { factors } = model.describe();
    expect(factors.length).toBeGreaterThanOrEqual(12);
    expect(new Set(factors.map((f) => f.id)).size).toBe(factors.length);
    for (const f of factors) {
      expect(f.en && f.fr && f.explanationEn && f.explanationFr, f.id).toBeTruthy();
      expect(f.weight === f.maxPoints || f.weight === f.minPoints, f.id).toBe(true);
      expect(f).not.toHaveProperty('points');
    }
    const ids = new Set(factors.map((f) => f.id));
    for (const f of segment(longUnemployed, { ageYears: 40, saClient: true }).factors)
      expect(ids.has(f.id)).toBe(true);
  });

  it('refuses unusable thresholds instead of mis-streaming', () => {
    expect(() => segment(middle, age48, { b: 60, c: 35 })).toThrow(/0 < b < c ≤ 100/);
  });
});

describe('segmentation registry and configuration', () => {
  it('the default model is registered; an unknown id is not', () => {
    expect(DEFAULT_SEGMENTATION_MODEL_ID).toBe('pathways-2026');
    expect(segmentationModel(DEFAULT_SEGMENTATION_MODEL_ID)).toBe(PATHWAYS_2026_MODEL);
    expect(Object.keys(SEGMENTATION_MODELS)).toEqual(['pathways-2026']);
    expect(segmentationModel('ministry-2027')).toBeNull();
    expect(segmentationModel('toString')).toBeNull();
  });

  it('parseStreamThresholds reads "b,c"', () => {
    expect(parseStreamThresholds('35,60')).toEqual({ b: 35, c: 60 });
    expect(parseStreamThresholds(' 20 , 100 ')).toEqual({ b: 20, c: 100 });
    expect(DEFAULT_STREAM_THRESHOLDS).toEqual({ b: 35, c: 60 });
  });

  it.each(['60,35', '35,35', '0,50', '35,101', '35', '35,60,80', 'abc', '35.5,60', '-1,50', ''])(
    'parseStreamThresholds refuses %j with a message naming the setting',
    (text) => {
      expect(() => parseStreamThresholds(text)).toThrow(
        /PATHWAYS_STREAM_THRESHOLDS must be two whole numbers/,
      );
    },
  );
});
