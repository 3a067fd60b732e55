import { describe, expect, it } from 'vitest';
import {
  ageing,
  AGEING_DAYS,
  ASSESSMENT_STATUSES,
  CANCEL_REASONS,
  cancelNeedsNote,
  mayCancel,
  mayCloseInError,
  mayEdit,
  module2Problems,
  referralProblems,
  submissionProblems,
} from '../../../src/domain/assessment/index.js';
import { ADULT, bank, COMPLETE, M1_COMPLETE } from './fixtures.js';

const ALL_SECTIONS = [
  'sections.administrative',
  'sections.demographic',
  'sections.essential_skills',
  'sections.supports',
  'sections.income',
  'sections.disability',
  'sections.employment',
  'sections.goals',
];

describe('assessment lifecycle (C9, C11)', () => {
  it('C9: only an in-progress CA can be edited or cancelled; C11: only a submitted one closed in error', () => {
    expect(ASSESSMENT_STATUSES.filter(mayCancel)).toEqual(['in_progress']);
    expect(ASSESSMENT_STATUSES.filter(mayEdit)).toEqual(['in_progress']);
    expect(ASSESSMENT_STATUSES.filter(mayCloseInError)).toEqual(['submitted']);
  });

  it('C9: only the reason “other” needs a note', () => {
    expect(CANCEL_REASONS.filter(cancelNeedsNote)).toEqual(['other']);
  });

  it('C9: ageing counts calendar days — open to day 89, ageing from day 90, aged from day 120', () => {
    expect(AGEING_DAYS).toBe(120);
    expect(ageing('2026-01-01', '2026-01-01')).toEqual({ days: 0, state: 'open' });
    expect(ageing('2026-01-01', '2026-03-31')).toEqual({ days: 89, state: 'open' });
    expect(ageing('2026-01-01', '2026-04-01')).toEqual({ days: 90, state: 'ageing' });
    expect(ageing('2026-01-01', '2026-04-30')).toEqual({ days: 119, state: 'ageing' });
    expect(ageing('2026-01-01', '2026-05-01')).toEqual({ days: 120, state: 'aged' });
    // Across a leap day and a daylight-saving change, still whole days.
    expect(ageing('2028-02-01', '2028-03-15').days).toBe(43);
  });
});

describe('submission (C3, C4, C5, S1, S4)', () => {
  const ready = {
    bank,
    answers: COMPLETE,
    facts: ADULT,
    consentActive: true,
    identityVerified: true,
    serviceLevel: 'case_managed' as const,
  };

  it('a complete, consented, verified, case-managed CA can be submitted', () => {
    expect(submissionProblems(ready)).toEqual([]);
  });

  it('lists every missing part at once: consent, identity, service level, each incomplete section', () => {
    const problems = submissionProblems({
      ...ready,
      answers: {},
      consentActive: false,
      identityVerified: false,
      serviceLevel: null,
    });
    expect(problems.map((p) => [p.rule, p.field])).toEqual([
      ['C3', 'consent'],
      ['C4', 'identity'],
      ['S1', 'serviceLevel'],
      ...ALL_SECTIONS.map((f) => ['C5', f]),
    ]);
    const administrative = problems.find((p) => p.field === 'sections.administrative')!;
    expect(administrative.en).toBe('Administrative information: 4 required questions still to answer.');
    expect(administrative.fr).toBe('Renseignements administratifs : 4 questions obligatoires sans réponse.');
  });

  it('with Module 1 done, only the Module 2 sections are missing', () => {
    expect(submissionProblems({ ...ready, answers: M1_COMPLETE }).map((p) => p.field)).toEqual(
      ALL_SECTIONS.slice(4),
    );
  });

  it('S4: a self-directed or pending CA is not submitted; it stays in progress', () => {
    expect(
      submissionProblems({ ...ready, serviceLevel: 'self_directed' }).map((p) => [p.rule, p.code]),
    ).toEqual([['S4', 'not_case_managed']]);
    expect(submissionProblems({ ...ready, serviceLevel: 'service_pending' }).map((p) => p.code)).toEqual([
      'not_case_managed',
    ]);
  });
});

describe('referral by SA (C6)', () => {
  const ready = {
    bank,
    answers: M1_COMPLETE,
    facts: { ...ADULT, saClient: true },
    consentActive: true,
    identityVerified: true,
    flow: 'sa' as const,
  };

  it('C6: an SA-flow CA with Module 1 complete is referred without a service level or Module 2', () => {
    expect(referralProblems(ready)).toEqual([]);
  });

  it('C6: a provider’s own CA is not referred; missing consent and identity are listed', () => {
    expect(
      referralProblems({
        ...ready,
        flow: 'eo',
        consentActive: false,
        identityVerified: false,
      }).map((p) => [p.rule, p.field]),
    ).toEqual([
      ['C6', 'flow'],
      ['C3', 'consent'],
      ['C4', 'identity'],
    ]);
  });

  it('C6: each incomplete Module 1 section is named', () => {
    const answers = { ...M1_COMPLETE };
    delete answers['supports.looking_for'];
    delete answers['demographic.gender'];
    expect(referralProblems({ ...ready, answers }).map((p) => p.field)).toEqual([
      'sections.demographic',
      'sections.supports',
    ]);
  });
});

describe('Module 2 only once case-managed (S4, C6)', () => {
  const patch = { 'administrative.lives_in_ontario': true, 'employment.status': 'unemployed' } as const;

  it('S4: a Module 2 answer before the service level is set is refused, naming the question', () => {
    const problems = module2Problems(bank, patch, null);
    expect(problems.map((p) => [p.rule, p.field])).toEqual([['S4', 'answers.employment.status']]);
    expect(problems[0]!.en).toMatch(/service level/);
  });

  it('S4: a self-directed or service-pending client has no Module 2', () => {
    for (const level of ['self_directed', 'service_pending'] as const)
      expect(module2Problems(bank, patch, level).map((p) => p.field)).toEqual(['answers.employment.status']);
  });

  it('S4: a case-managed client answers Module 2; clearing an answer is always allowed', () => {
    expect(module2Problems(bank, patch, 'case_managed')).toEqual([]);
    expect(module2Problems(bank, { 'employment.status': null }, null)).toEqual([]);
  });
});
