import { describe, expect, it } from 'vitest';
import {
  checkServiceLevel,
  eligibilityFromAnswers,
  needsModule2,
  serviceLevelNotes,
  type ServiceLevelInput,
} from '../../../src/domain/assessment/index.js';

const eligibleAnswers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'supports.looking_for': 'new_job',
};
const from = (answers: Record<string, string | boolean>, hasSin = true) =>
  eligibilityFromAnswers({
    answers,
    dateOfBirth: '1985-04-10',
    today: '2026-03-02',
    hasSin,
    sinTemporary: false,
  });

const eligible = from(eligibleAnswers);
const base: ServiceLevelInput = {
  level: 'case_managed',
  saClient: false,
  actorKind: 'provider',
  indicators: [],
  rationale: null,
  eligibility: eligible,
};
const check = (over: Partial<ServiceLevelInput>) =>
  checkServiceLevel({ ...base, ...over }).map((p) => [p.rule, p.field, p.code]);

describe('service level determination (S1–S5)', () => {
  it('S1: a provider sets case-managed for an eligible client', () => {
    expect(check({})).toEqual([]);
  });

  it('S2: an SA client is case-managed; self-directed or pending is refused', () => {
    expect(check({ saClient: true })).toEqual([]);
    expect(check({ saClient: true, level: 'self_directed', rationale: 'Prefers to search alone' })).toEqual([
      ['S2', 'level', 'sa_client_case_managed'],
    ]);
    expect(check({ saClient: true, level: 'service_pending' })).toEqual([
      ['S2', 'level', 'sa_client_case_managed'],
    ]);
  });

  it('S2: an SA caseworker cannot set the service level', () => {
    expect(check({ actorKind: 'sa_office', saClient: true })).toEqual([
      ['S2', 'level', 'sa_cannot_set_service_level'],
    ]);
  });

  it('S1: the SSM does not set it either; the serving provider does', () => {
    expect(check({ actorKind: 'ssm' })).toEqual([['S1', 'level', 'provider_sets_service_level']]);
  });

  it('E4: case-managed is refused for a client who is self-directed only, and the message offers self-directed', () => {
    const student = from({
      ...eligibleAnswers,
      'administrative.status_in_canada': 'international_student',
      'administrative.work_permit': 'open',
    });
    const problems = checkServiceLevel({ ...base, eligibility: student });
    expect(problems.map((p) => [p.rule, p.code])).toEqual([['E4', 'not_eligible_for_case_managed']]);
    expect(problems[0]!.en).toMatch(/Self-directed service is available/);
    expect(problems[0]!.en).toMatch(/international students/);
    expect(problems[0]!.fr).toMatch(/services autonomes sont offerts/);
    expect(
      check({ eligibility: student, level: 'self_directed', rationale: 'Student: school career services' }),
    ).toEqual([]);
  });

  it('E2: without a SIN, case-managed is refused with the E2 reason', () => {
    expect(check({ eligibility: from(eligibleAnswers, false) })).toEqual([
      ['E2', 'level', 'not_eligible_for_case_managed'],
    ]);
  });

  it('E1/S2: an SA client who is not eligible gets the eligibility refusal only, so self-directed stays possible', () => {
    const outside = from({ ...eligibleAnswers, 'administrative.lives_in_ontario': false });
    expect(check({ saClient: true, eligibility: outside })).toEqual([
      ['E1', 'level', 'not_eligible_for_case_managed'],
    ]);
    expect(
      check({ saClient: true, eligibility: outside, level: 'self_directed', rationale: 'Moved away' }),
    ).toEqual([]);
  });

  it('S3: self-directed needs a rationale; blank is not one', () => {
    expect(check({ level: 'self_directed' })).toEqual([['S3', 'rationale', 'rationale_required']]);
    expect(check({ level: 'self_directed', rationale: '   ' })).toEqual([
      ['S3', 'rationale', 'rationale_required'],
    ]);
    expect(
      check({
        level: 'self_directed',
        rationale: 'Wants to search on her own; strong history',
        indicators: ['client_choice', 'good_employability'],
      }),
    ).toEqual([]);
  });

  it('S3: indicators must be known and listed once', () => {
    expect(
      check({
        level: 'self_directed',
        rationale: 'ok',
        indicators: ['client_choice', 'lucky', 'client_choice'],
      }),
    ).toEqual([
      ['S3', 'indicators.1', 'unknown_indicator'],
      ['S3', 'indicators', 'duplicate_indicator'],
    ]);
  });

  it('S5: service pending is accepted, with the note to consult SSM intake', () => {
    expect(check({ level: 'service_pending' })).toEqual([]);
    expect(serviceLevelNotes('service_pending').map((n) => `${n.rule}:${n.code}`)).toEqual([
      'S5:consult_ssm_intake',
    ]);
    expect(serviceLevelNotes('case_managed')).toEqual([]);
  });

  it('S4: only case-managed clients go on to Module 2', () => {
    expect(needsModule2('case_managed')).toBe(true);
    expect(needsModule2('self_directed')).toBe(false);
    expect(needsModule2('service_pending')).toBe(false);
    expect(needsModule2(null)).toBe(false);
    expect(serviceLevelNotes('self_directed').map((n) => n.code)).toEqual(['module1_stays_in_progress']);
  });
});
