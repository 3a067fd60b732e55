import { describe, expect, it } from 'vitest';
import { eligibilityFromAnswers, type Answers } from '../../../src/domain/assessment/index.js';

const TODAY = '2026-03-02';
const ADULT_DOB = '1990-06-15';

const citizen: Answers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'demographic.education': 'secondary',
  'supports.looking_for': 'new_job',
};

function run(
  answers: Answers,
  opts: { dateOfBirth?: string; hasSin?: boolean; sinTemporary?: boolean } = {},
): ReturnType<typeof eligibilityFromAnswers> {
  return eligibilityFromAnswers({
    answers,
    dateOfBirth: opts.dateOfBirth ?? ADULT_DOB,
    today: TODAY,
    hasSin: opts.hasSin ?? true,
    sinTemporary: opts.sinTemporary ?? false,
  });
}
const codes = (r: ReturnType<typeof run>) => r.reasons.map((x) => `${x.rule}:${x.code}`);
const temporary = (status: string, permit: string): Answers => ({
  ...citizen,
  'administrative.status_in_canada': status,
  'administrative.work_permit': permit,
});

describe('eligibility from the CA’s answers (E1–E6)', () => {
  it('E1: a working-age Ontarian citizen with a SIN is eligible for case-managed service, nothing pending', () => {
    expect(run(citizen)).toEqual({
      outcome: 'case_managed_eligible',
      reasons: [],
      notes: [],
      consultSsm: false,
      pending: [],
    });
  });

  it('E1: a 14-year-old is not eligible; at 15 (on the birthday) with an excusal they are', () => {
    const minor = {
      ...citizen,
      'demographic.education': 'less_than_secondary',
      'demographic.school_excusal_proof': true,
    };
    const fourteen = run(minor, { dateOfBirth: '2011-03-03' });
    expect(fourteen.outcome).toBe('not_eligible');
    expect(codes(fourteen)).toEqual(['E1:under_working_age']);
    expect(run(minor, { dateOfBirth: '2011-03-02' }).outcome).toBe('case_managed_eligible');
  });

  it('E1: someone not living in Ontario is not eligible', () => {
    const r = run({ ...citizen, 'administrative.lives_in_ontario': false });
    expect(r.outcome).toBe('not_eligible');
    expect(codes(r)).toEqual(['E1:not_living_in_ontario']);
  });

  it('E3: a 17-year-old without school-excusal proof is self-directed only, and the SSM is consulted', () => {
    const r = run(
      {
        ...citizen,
        'demographic.education': 'less_than_secondary',
        'demographic.school_excusal_proof': false,
      },
      { dateOfBirth: '2008-06-01' },
    );
    expect(r.outcome).toBe('self_directed_only');
    expect(codes(r)).toEqual(['E3:under_18_without_excusal']);
    expect(r.consultSsm).toBe(true);
  });

  it('E3: a 17-year-old with excusal proof is eligible', () => {
    const r = run(
      {
        ...citizen,
        'demographic.education': 'less_than_secondary',
        'demographic.school_excusal_proof': true,
      },
      { dateOfBirth: '2008-06-01' },
    );
    expect(r.outcome).toBe('case_managed_eligible');
    expect(r.consultSsm).toBe(false);
  });

  it('E3: a 17-year-old who completed secondary school is eligible without excusal', () => {
    expect(run(citizen, { dateOfBirth: '2008-06-01' })).toMatchObject({
      outcome: 'case_managed_eligible',
      pending: [],
    });
  });

  it('E3: for a 17-year-old, education and then the excusal are pending until answered', () => {
    const noEducation = { ...citizen };
    delete noEducation['demographic.education'];
    expect(run(noEducation, { dateOfBirth: '2008-06-01' }).pending).toEqual(['demographic.education']);
    const r = run(
      { ...citizen, 'demographic.education': 'less_than_secondary' },
      { dateOfBirth: '2008-06-01' },
    );
    expect(r.pending).toEqual(['demographic.school_excusal_proof']);
    expect(r.outcome).toBe('case_managed_eligible');
    // Past 18, school does not matter and nothing is pending.
    expect(run(noEducation).pending).toEqual([]);
  });

  it('E4: a refugee claimant with a 900-series SIN and an open permit is eligible, with a note to watch the permit', () => {
    const r = run(temporary('refugee_claimant', 'open'), { sinTemporary: true });
    expect(r.outcome).toBe('case_managed_eligible');
    expect(r.notes.map((n) => n.code)).toEqual(['temporary_sin_with_open_permit']);
  });

  it('E4: someone awaiting permanent residence with a 900-series SIN and an open permit is eligible', () => {
    expect(run(temporary('awaiting_permanent_residence', 'open'), { sinTemporary: true }).outcome).toBe(
      'case_managed_eligible',
    );
  });

  it('E4: a refugee claimant without a work permit is not eligible; with an employer-specific one, self-directed', () => {
    const none = run(temporary('refugee_claimant', 'none'), { sinTemporary: true });
    expect(none.outcome).toBe('not_eligible');
    expect(codes(none)).toEqual(['E4:not_entitled_to_work']);
    const specific = run(temporary('refugee_claimant', 'employer_specific'), { sinTemporary: true });
    expect(specific.outcome).toBe('self_directed_only');
    expect(codes(specific)).toEqual(['E4:employer_specific_permit']);
  });

  it.each(['refugee_claimant', 'awaiting_permanent_residence', 'emergency_travel_visitor'])(
    'E4: %s — 900-series SIN + open permit eligible; employer-specific self-directed; no permit not eligible',
    (status) => {
      expect(run(temporary(status, 'open'), { sinTemporary: true }).outcome).toBe('case_managed_eligible');
      expect(run(temporary(status, 'employer_specific'), { sinTemporary: true }).outcome).toBe(
        'self_directed_only',
      );
      expect(run(temporary(status, 'none'), { sinTemporary: true }).outcome).toBe('not_eligible');
      // Without a SIN at all, E2 keeps them self-directed even with an open permit.
      expect(codes(run(temporary(status, 'open'), { hasSin: false }))).toEqual(['E2:no_sin']);
    },
  );

  it('E4: an emergency-travel visitor with an open permit but a regular SIN is self-directed only', () => {
    const r = run(temporary('emergency_travel_visitor', 'open'), { sinTemporary: false });
    expect(r.outcome).toBe('self_directed_only');
    expect(codes(r)).toEqual(['E4:needs_900_sin_and_open_permit']);
  });

  it('E4: an emergency-travel visitor with a 900-series SIN and an open permit is eligible', () => {
    expect(run(temporary('emergency_travel_visitor', 'open'), { sinTemporary: true }).outcome).toBe(
      'case_managed_eligible',
    );
  });

  it('E4: an international student with a 900-series SIN is self-directed only (school career services)', () => {
    const r = run(temporary('international_student', 'open'), { sinTemporary: true });
    expect(r.outcome).toBe('self_directed_only');
    expect(codes(r)).toEqual(['E4:temporary_resident_self_directed']);
    expect(r.reasons[0]!.en).toMatch(/career services/);
  });

  it('E4: a temporary foreign worker with a 900-series SIN is self-directed only', () => {
    const r = run(temporary('temporary_foreign_worker', 'open'), { sinTemporary: true });
    expect(codes(r)).toEqual(['E4:temporary_resident_self_directed']);
  });

  it('E4: a temporary foreign worker with an employer-specific permit is self-directed only for that reason', () => {
    expect(
      codes(run(temporary('temporary_foreign_worker', 'employer_specific'), { sinTemporary: true })),
    ).toEqual(['E4:employer_specific_permit']);
  });

  it('E4: a non-citizen’s permit is pending until answered', () => {
    const r = run(
      { ...citizen, 'administrative.status_in_canada': 'refugee_claimant' },
      { sinTemporary: true },
    );
    expect(r.pending).toEqual(['administrative.work_permit']);
    expect(r.outcome).toBe('case_managed_eligible');
  });

  it('E2: without a SIN, self-directed only with help to get one', () => {
    const r = run(citizen, { hasSin: false });
    expect(r.outcome).toBe('self_directed_only');
    expect(codes(r)).toEqual(['E2:no_sin']);
  });

  it('E6: someone looking to start a business is self-directed, whether said in M1 or M2', () => {
    expect(codes(run({ ...citizen, 'supports.looking_for': 'start_business' }))).toEqual([
      'E6:seeking_self_employment',
    ]);
    const m2 = run({ ...citizen, 'goals.seeking_self_employment': true });
    expect(m2.outcome).toBe('self_directed_only');
    expect(codes(m2)).toEqual(['E6:seeking_self_employment']);
  });

  it('E5: an employed person stays eligible, with the note that a funded outcome needs a new employer', () => {
    const m2 = run({
      ...citizen,
      'employment.status': 'employed_full_time',
      'employment.hours_per_week': 40,
    });
    expect(m2.outcome).toBe('case_managed_eligible');
    expect(m2.notes.map((n) => `${n.rule}:${n.code}`)).toEqual(['E5:currently_employed']);
    // Before M2, "a better job" says the person works; M2's status then wins.
    expect(run({ ...citizen, 'supports.looking_for': 'better_job' }).notes.map((n) => n.code)).toEqual([
      'currently_employed',
    ]);
    expect(
      run({ ...citizen, 'supports.looking_for': 'better_job', 'employment.status': 'unemployed' }).notes,
    ).toEqual([]);
  });

  it('nothing answered yet: the favourable case, with the deciding questions pending', () => {
    const r = run({});
    expect(r.outcome).toBe('case_managed_eligible');
    expect(r.pending).toEqual([
      'administrative.lives_in_ontario',
      'administrative.status_in_canada',
      'supports.looking_for',
    ]);
  });
});
