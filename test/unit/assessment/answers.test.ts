import { describe, expect, it } from 'vitest';
import {
  isAsked,
  mergeAnswers,
  moduleComplete,
  moduleProgress,
  questionsById,
  sectionProgress,
  validateAnswers,
  type AnswerValue,
  type Answers,
  type AssessmentFacts,
} from '../../../src/domain/assessment/index.js';
import { ADULT, bank, COMPLETE, M1_COMPLETE } from './fixtures.js';

const byId = questionsById(bank);
const asked = (id: string, answers: Answers, facts: AssessmentFacts = ADULT) =>
  isAsked(byId.get(id)!, answers, facts);
const minor: AssessmentFacts = { ageYears: 17, saClient: false };

/** Validates a patch the way the API does: against the answers with the patch merged in. */
function check(
  patch: Record<string, AnswerValue | null>,
  existing: Answers = {},
  facts: AssessmentFacts = ADULT,
) {
  const merged = mergeAnswers(bank, existing, patch, facts);
  return validateAnswers(bank, patch, merged, facts).map((p) => [p.questionId, p.code]);
}

describe('conditions', () => {
  it('E3: school excusal is asked only under 18 with less than secondary school', () => {
    const dropout = { 'demographic.education': 'less_than_secondary' };
    expect(asked('demographic.school_excusal_proof', dropout, minor)).toBe(true);
    expect(asked('demographic.school_excusal_proof', dropout, { ageYears: 18, saClient: false })).toBe(false);
    expect(asked('demographic.school_excusal_proof', { 'demographic.education': 'secondary' }, minor)).toBe(
      false,
    );
    expect(asked('demographic.school_excusal_proof', {}, minor)).toBe(false);
  });

  it('E3: in school is asked of people under 18 only', () => {
    expect(asked('demographic.in_school', {}, minor)).toBe(true);
    expect(asked('demographic.in_school', {}, ADULT)).toBe(false);
  });

  it('E4: the work permit is asked of people who are neither citizens nor permanent residents, once status is known', () => {
    expect(
      asked('administrative.work_permit', { 'administrative.status_in_canada': 'refugee_claimant' }),
    ).toBe(true);
    expect(asked('administrative.work_permit', { 'administrative.status_in_canada': 'citizen' })).toBe(false);
    expect(
      asked('administrative.work_permit', { 'administrative.status_in_canada': 'permanent_resident' }),
    ).toBe(false);
    expect(asked('administrative.work_permit', {})).toBe(false);
  });

  it('a multi answer matches `in` when any selected value is listed, and `notIn` when any is not', () => {
    const needs = (v: string[]) => ({ 'supports.stabilization_needs': v });
    expect(asked('supports.housing_situation', needs(['food', 'housing']))).toBe(true);
    expect(asked('supports.housing_situation', needs(['food']))).toBe(false);
    expect(asked('supports.already_getting_help', needs(['food']))).toBe(true);
    expect(asked('supports.already_getting_help', needs(['none']))).toBe(false);
  });

  it('follow-ups across sections and `all` conditions: worked in Canada only for people born elsewhere who have worked', () => {
    const base = { 'demographic.born_in_canada': 'no', 'employment.status': 'unemployed' };
    expect(asked('employment.worked_in_canada', base)).toBe(true);
    expect(asked('employment.worked_in_canada', { ...base, 'employment.status': 'never_worked' })).toBe(
      false,
    );
    expect(asked('employment.worked_in_canada', { ...base, 'demographic.born_in_canada': 'yes' })).toBe(
      false,
    );
  });

  it('youth in care is asked under 30 only', () => {
    expect(asked('demographic.youth_in_care', {}, { ageYears: 29, saClient: false })).toBe(true);
    expect(asked('demographic.youth_in_care', {}, { ageYears: 30, saClient: false })).toBe(false);
  });
});

describe('validateAnswers', () => {
  it('accepts a valid patch, including a follow-up sent with the answer it depends on', () => {
    expect(check(M1_COMPLETE)).toEqual([]);
    expect(
      check({ 'administrative.status_in_canada': 'refugee_claimant', 'administrative.work_permit': 'open' }),
    ).toEqual([]);
  });

  it('names each problem: unknown id, wrong type, unknown option, out of range, not asked', () => {
    expect(
      check({
        'administrative.favourite_colour': 'blue',
        'administrative.lives_in_ontario': 'yes',
        'demographic.education': 'kindergarten',
        'employment.status': 'employed_full_time',
        'employment.hours_per_week': 120,
        'administrative.work_permit': 'open',
      }),
    ).toEqual([
      ['administrative.favourite_colour', 'unknown_question'],
      ['administrative.lives_in_ontario', 'wrong_type'],
      ['demographic.education', 'unknown_option'],
      ['employment.hours_per_week', 'out_of_range'],
      ['administrative.work_permit', 'not_asked'],
    ]);
  });

  it('a scale takes whole numbers on the scale only', () => {
    expect(check({ 'essential_skills.reading': 6 })).toEqual([['essential_skills.reading', 'out_of_range']]);
    expect(check({ 'essential_skills.reading': 0 })).toEqual([['essential_skills.reading', 'out_of_range']]);
    expect(check({ 'essential_skills.reading': 2.5 })).toEqual([['essential_skills.reading', 'wrong_type']]);
    expect(check({ 'essential_skills.reading': '3' })).toEqual([['essential_skills.reading', 'wrong_type']]);
    expect(check({ 'essential_skills.reading': 1 })).toEqual([]);
  });

  it('a multi answer is a non-empty list of known choices, with “none” alone', () => {
    expect(check({ 'supports.stabilization_needs': [] })).toEqual([
      ['supports.stabilization_needs', 'empty'],
    ]);
    expect(check({ 'supports.stabilization_needs': ['none', 'housing'] })).toEqual([
      ['supports.stabilization_needs', 'exclusive_option'],
    ]);
    expect(check({ 'supports.stabilization_needs': ['housing', 'moon'] })).toEqual([
      ['supports.stabilization_needs', 'unknown_option'],
    ]);
    expect(check({ 'supports.stabilization_needs': 'housing' })).toEqual([
      ['supports.stabilization_needs', 'wrong_type'],
    ]);
  });

  it('dates must be real calendar dates; text must be non-empty and not too long', () => {
    const permit = {
      'administrative.status_in_canada': 'refugee_claimant',
      'administrative.work_permit': 'open',
    };
    expect(check({ ...permit, 'administrative.work_permit_expires_on': '2026-02-30' })).toEqual([
      ['administrative.work_permit_expires_on', 'invalid_date'],
    ]);
    expect(check({ ...permit, 'administrative.work_permit_expires_on': '2027-02-28' })).toEqual([]);
    const employed = { 'employment.status': 'employed_part_time' };
    expect(check({ ...employed, 'employment.employer': '   ' })).toEqual([['employment.employer', 'empty']]);
    expect(check({ ...employed, 'employment.employer': 'x'.repeat(1001) })).toEqual([
      ['employment.employer', 'too_long'],
    ]);
  });

  it('clearing an answer with null is accepted for a known question, refused for an unknown one', () => {
    expect(check({ 'demographic.education': null }, M1_COMPLETE)).toEqual([]);
    expect(check({ 'demographic.nope': null })).toEqual([['demographic.nope', 'unknown_question']]);
  });

  it('every problem is said in English and French', () => {
    const merged = mergeAnswers(bank, {}, { 'employment.hours_per_week': -1 }, ADULT);
    const problems = validateAnswers(bank, { 'employment.hours_per_week': -1, x: 1 }, merged, ADULT);
    expect(problems).toHaveLength(2);
    for (const p of problems) {
      expect(p.en).not.toBe('');
      expect(p.fr).not.toBe('');
      expect(p.fr).not.toBe(p.en);
    }
  });
});

describe('mergeAnswers', () => {
  it('null deletes an answer; other answers are kept', () => {
    const merged = mergeAnswers(bank, M1_COMPLETE, { 'demographic.gender': null }, ADULT);
    expect(merged['demographic.gender']).toBeUndefined();
    expect(merged['demographic.education']).toBe('university');
  });

  it('drops answers to questions no longer asked, follow-ups of follow-ups included', () => {
    const existing = {
      'administrative.status_in_canada': 'refugee_claimant',
      'administrative.work_permit': 'open',
      'administrative.work_permit_expires_on': '2027-01-31',
      'administrative.lives_in_ontario': true,
    };
    expect(mergeAnswers(bank, existing, { 'administrative.status_in_canada': 'citizen' }, ADULT)).toEqual({
      'administrative.status_in_canada': 'citizen',
      'administrative.lives_in_ontario': true,
    });
  });

  it('drops a patch answer to a question not asked, and ids the bank does not know', () => {
    expect(
      mergeAnswers(
        bank,
        { 'old.question': 1 },
        { 'administrative.work_permit': 'open', 'administrative.lives_in_ontario': true },
        ADULT,
      ),
    ).toEqual({ 'administrative.lives_in_ontario': true });
  });

  it('drops answers that depend on age when the facts say the question is not asked', () => {
    const asMinor = mergeAnswers(
      bank,
      {},
      { 'demographic.education': 'less_than_secondary', 'demographic.school_excusal_proof': true },
      minor,
    );
    expect(asMinor['demographic.school_excusal_proof']).toBe(true);
    expect(mergeAnswers(bank, asMinor, {}, { ageYears: 18, saClient: false })).toEqual({
      'demographic.education': 'less_than_secondary',
    });
  });
});

describe('sectionProgress', () => {
  it('nothing answered: every section not started, listing its required questions', () => {
    const progress = sectionProgress(bank, {}, ADULT);
    expect(progress.map((p) => [p.sectionId, p.module, p.status])).toEqual([
      ['administrative', 'm1', 'not_started'],
      ['demographic', 'm1', 'not_started'],
      ['essential_skills', 'm1', 'not_started'],
      ['supports', 'm1', 'not_started'],
      ['income', 'm2', 'not_started'],
      ['disability', 'm2', 'not_started'],
      ['employment', 'm2', 'not_started'],
      ['goals', 'm2', 'not_started'],
    ]);
    expect(progress[0]!.missing).toEqual([
      'administrative.lives_in_ontario',
      'administrative.status_in_canada',
      'administrative.temporary_address',
      'administrative.safe_to_leave_messages',
    ]);
  });

  it('a section with some answers is in progress and lists exactly what is missing, follow-ups included', () => {
    const progress = sectionProgress(
      bank,
      { 'administrative.lives_in_ontario': true, 'administrative.status_in_canada': 'refugee_claimant' },
      ADULT,
    );
    expect(progress[0]).toEqual({
      sectionId: 'administrative',
      module: 'm1',
      status: 'in_progress',
      missing: [
        'administrative.work_permit',
        'administrative.temporary_address',
        'administrative.safe_to_leave_messages',
      ],
    });
  });

  it('M1 complete, M2 not; then both', () => {
    expect(moduleComplete(bank, M1_COMPLETE, ADULT, 'm1')).toBe(true);
    expect(moduleComplete(bank, M1_COMPLETE, ADULT, 'm2')).toBe(false);
    expect(moduleProgress(bank, M1_COMPLETE, ADULT, 'm2')).toBe('not_started');
    expect(moduleComplete(bank, COMPLETE, ADULT, 'm2')).toBe(true);
    expect(
      sectionProgress(bank, COMPLETE, ADULT).every((p) => p.status === 'complete' && p.missing.length === 0),
    ).toBe(true);
  });

  it('an answer that opens a required follow-up makes a complete section incomplete again', () => {
    const answers = { ...M1_COMPLETE, 'supports.stabilization_needs': ['housing'] };
    const supports = sectionProgress(bank, answers, ADULT).find((p) => p.sectionId === 'supports')!;
    expect(supports.status).toBe('in_progress');
    expect(supports.missing).toEqual([
      'supports.housing_situation',
      'supports.already_getting_help',
      'supports.wants_community_referral',
    ]);
    expect(moduleProgress(bank, answers, ADULT, 'm1')).toBe('in_progress');
  });

  it('a 17-year-old is also asked about school (E3)', () => {
    const demographic = sectionProgress(bank, M1_COMPLETE, minor).find((p) => p.sectionId === 'demographic')!;
    expect(demographic.missing).toEqual(['demographic.in_school', 'demographic.youth_in_care']);
  });
});
