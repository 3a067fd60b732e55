import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../src/domain/eligibility/age.js';
import { asksAboutSchool, screen, type ScreeningAnswers } from '../../../src/domain/eligibility/screening.js';

const adult: ScreeningAnswers = {
  dateOfBirth: '1990-06-15',
  screenedOn: '2026-03-02',
  livesInOntario: true,
  hasSin: true,
  sinTemporary: false,
  workAuthorization: 'citizen',
  workPermit: 'not_applicable',
  secondarySchoolCompleted: true,
  schoolExcusalProof: false,
  currentlyEmployed: false,
  seekingSelfEmployment: false,
};
const codes = (a: Partial<ScreeningAnswers>) => screen({ ...adult, ...a }).reasons.map((r) => r.code);

describe('screening tool (E1–E6)', () => {
  it('E1: a working-age Ontarian with a SIN and the right to work is eligible for case-managed service', () => {
    expect(screen(adult)).toEqual({
      outcome: 'case_managed_eligible',
      reasons: [],
      notes: [],
      consultSsm: false,
    });
  });

  it('E1: age 14 is not eligible; 15 is, counted to the birthday', () => {
    const fourteen = screen({
      ...adult,
      dateOfBirth: '2011-03-03',
      secondarySchoolCompleted: false,
      schoolExcusalProof: true,
    });
    expect(fourteen.outcome).toBe('not_eligible');
    expect(fourteen.reasons[0]).toMatchObject({ rule: 'E1', code: 'under_working_age' });
    expect(
      screen({
        ...adult,
        dateOfBirth: '2011-03-02',
        secondarySchoolCompleted: false,
        schoolExcusalProof: true,
      }).outcome,
    ).toBe('case_managed_eligible');
  });

  it('E1: someone living outside Ontario is not eligible', () => {
    expect(screen({ ...adult, livesInOntario: false }).outcome).toBe('not_eligible');
    expect(codes({ livesInOntario: false })).toEqual(['not_living_in_ontario']);
  });

  it('E2: without a SIN, self-directed only, with the reason and help to get one (bilingual)', () => {
    const r = screen({ ...adult, hasSin: false });
    expect(r.outcome).toBe('self_directed_only');
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ rule: 'E2', code: 'no_sin' });
    expect(r.reasons[0]!.fr).toMatch(/NAS/);
  });

  describe('E3: under 18', () => {
    it('the school question is asked until the 18th birthday, not on it', () => {
      expect(asksAboutSchool('2008-12-02', '2026-12-01')).toBe(true);
      expect(asksAboutSchool('2008-12-01', '2026-12-01')).toBe(false);
    });
    const seventeen = { ...adult, dateOfBirth: '2008-07-01', secondarySchoolCompleted: false };
    it('17 without proof of excusal: self-directed only and consult the SSM', () => {
      const r = screen({ ...seventeen, schoolExcusalProof: false });
      expect(r).toMatchObject({ outcome: 'self_directed_only', consultSsm: true });
      expect(r.reasons.map((x) => x.code)).toEqual(['under_18_without_excusal']);
    });
    it('17 with documented proof of excusal: eligible', () => {
      expect(screen({ ...seventeen, schoolExcusalProof: true }).outcome).toBe('case_managed_eligible');
    });
    it('17 having completed secondary school: eligible without proof', () => {
      expect(screen({ ...seventeen, secondarySchoolCompleted: true }).outcome).toBe('case_managed_eligible');
    });
    it('15 without proof: self-directed only', () => {
      expect(screen({ ...seventeen, dateOfBirth: '2010-12-01' }).outcome).toBe('self_directed_only');
    });
    it('turning 18 ends the requirement', () => {
      expect(screen({ ...seventeen, dateOfBirth: '2008-03-02' }).outcome).toBe('case_managed_eligible');
    });
  });

  describe('E4: work permits', () => {
    const claimant = {
      ...adult,
      workAuthorization: 'refugee_claimant',
      sinTemporary: true,
      workPermit: 'open',
    } as const;
    it('refugee claimant with a 900-series SIN and an open permit: eligible, with a note to watch the permit', () => {
      const r = screen(claimant);
      expect(r.outcome).toBe('case_managed_eligible');
      expect(r.notes.map((n) => n.code)).toEqual(['temporary_sin_with_open_permit']);
    });
    it('awaiting permanent residence or an emergency-travel visitor, with both: eligible', () => {
      expect(screen({ ...claimant, workAuthorization: 'awaiting_permanent_residence' }).outcome).toBe(
        'case_managed_eligible',
      );
      expect(screen({ ...claimant, workAuthorization: 'emergency_travel_visitor' }).outcome).toBe(
        'case_managed_eligible',
      );
    });
    it('a 900-series SIN without an open permit is not enough', () => {
      expect(codes({ ...claimant, workPermit: 'not_applicable' })).toEqual(['needs_900_sin_and_open_permit']);
    });
    it('an emergency-travel visitor with an open permit but no 900-series SIN: self-directed only', () => {
      const r = screen({ ...claimant, workAuthorization: 'emergency_travel_visitor', sinTemporary: false });
      expect(r.outcome).toBe('self_directed_only');
      expect(r.reasons.map((x) => x.code)).toEqual(['needs_900_sin_and_open_permit']);
    });
    it('no work permit at all: not eligible (not legally entitled to work)', () => {
      expect(screen({ ...claimant, workPermit: 'none' }).outcome).toBe('not_eligible');
      expect(screen({ ...adult, workAuthorization: 'none', workPermit: 'none' }).reasons[0]).toMatchObject({
        rule: 'E4',
      });
    });
    it('an employer-specific permit: self-directed only', () => {
      expect(screen({ ...claimant, workPermit: 'employer_specific' }).outcome).toBe('self_directed_only');
      expect(codes({ ...claimant, workPermit: 'employer_specific' })).toEqual(['employer_specific_permit']);
    });
    it('an international student or temporary foreign worker with a 900-series SIN: self-directed only', () => {
      const student = {
        ...adult,
        workAuthorization: 'international_student',
        sinTemporary: true,
        workPermit: 'open',
      } as const;
      expect(screen(student).outcome).toBe('self_directed_only');
      expect(screen(student).reasons[0]!.en).toMatch(/career services/);
      expect(screen({ ...student, workAuthorization: 'temporary_foreign_worker' }).outcome).toBe(
        'self_directed_only',
      );
    });
  });

  it('E5: an employed person stays eligible, with the new-employer and Stream A note', () => {
    const r = screen({ ...adult, currentlyEmployed: true });
    expect(r.outcome).toBe('case_managed_eligible');
    expect(r.notes).toEqual([expect.objectContaining({ rule: 'E5', code: 'currently_employed' })]);
  });

  it('E6: someone seeking self-employment gets self-directed service and a referral out', () => {
    const r = screen({ ...adult, seekingSelfEmployment: true });
    expect(r.outcome).toBe('self_directed_only');
    expect(r.reasons[0]).toMatchObject({ rule: 'E6' });
  });

  it('several reasons are all reported, refusals first', () => {
    expect(codes({ livesInOntario: false, hasSin: false })).toEqual(['not_living_in_ontario', 'no_sin']);
  });
});

describe('age in completed years', () => {
  it('counts a birthday on the day, and a February 29 birthday on March 1 in other years', () => {
    expect(ageOn('2000-03-02', '2026-03-01')).toBe(25);
    expect(ageOn('2000-03-02', '2026-03-02')).toBe(26);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
