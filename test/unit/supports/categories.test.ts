import { describe, expect, it } from 'vitest';
import {
  CATEGORY_INFO,
  CATEGORY_LIMITS,
  categoryProblems,
  inclusiveDays,
  trainingMustEndBy,
} from '../../../src/domain/supports/categories.js';
import { SUPPORT_CATEGORIES } from '../../../src/domain/supports/types.js';

const codes = (r: Parameters<typeof categoryProblems>[0]) => categoryProblems(r).map((p) => p.code);

describe('F5 categories', () => {
  it('F5: every category, including other, has EN and FR labels and descriptions', () => {
    for (const c of SUPPORT_CATEGORIES) {
      const info = CATEGORY_INFO[c];
      for (const text of [info.label.en, info.label.fr, info.description.en, info.description.fr])
        expect(text.trim()).not.toBe('');
      expect(info.label.fr).not.toBe(info.label.en);
    }
  });

  it('F5: limits are 3 months of training and 14 days of childcare', () => {
    expect(CATEGORY_LIMITS).toEqual({ trainingMonths: 3, childcareDays: 14 });
  });

  it('F5: a plain listed category has no category problem', () => {
    expect(categoryProblems({ category: 'technology' })).toEqual([]);
    expect(categoryProblems({ category: 'work_clothing_grooming' })).toEqual([]);
  });
});

describe('F5 short-term training (3 months)', () => {
  it('F5: training from 15 January may end on 15 April, not 16 April', () => {
    expect(
      codes({ category: 'short_term_training', training: { from: '2026-01-15', to: '2026-04-15' } }),
    ).toEqual([]);
    expect(
      codes({ category: 'short_term_training', training: { from: '2026-01-15', to: '2026-04-16' } }),
    ).toEqual(['training_over_3_months']);
  });

  it('F5: month-end clamping: from 30 November the training must end by 28 February (29 in a leap year)', () => {
    expect(trainingMustEndBy('2026-11-30')).toBe('2027-02-28');
    expect(trainingMustEndBy('2027-11-30')).toBe('2028-02-29');
    expect(
      codes({ category: 'short_term_training', training: { from: '2026-11-30', to: '2027-03-01' } }),
    ).toEqual(['training_over_3_months']);
  });

  it('F5: training needs its dates, in order', () => {
    expect(codes({ category: 'short_term_training' })).toEqual(['training_dates_missing']);
    expect(
      codes({ category: 'short_term_training', training: { from: '2026-02-10', to: '2026-02-09' } }),
    ).toEqual(['range_reversed']);
  });

  it('F5: the problem names the last allowed day in both languages', () => {
    const [p] = categoryProblems({
      category: 'short_term_training',
      training: { from: '2026-01-15', to: '2026-05-01' },
    });
    expect(p?.rule).toBe('F5');
    expect(p?.en).toContain('2026-04-15');
    expect(p?.fr).toContain('au plus tard le 2026-04-15');
  });
});

describe('F5 emergency childcare (2 weeks)', () => {
  it('F5: 14 calendar days (Monday 1 June to Sunday 14 June) are allowed; 15 are not', () => {
    expect(inclusiveDays({ from: '2026-06-01', to: '2026-06-14' })).toBe(14);
    expect(
      codes({ category: 'emergency_childcare', childcare: { from: '2026-06-01', to: '2026-06-14' } }),
    ).toEqual([]);
    expect(
      codes({ category: 'emergency_childcare', childcare: { from: '2026-06-01', to: '2026-06-15' } }),
    ).toEqual(['childcare_over_2_weeks']);
  });

  it('F5: one day of childcare is allowed', () => {
    expect(
      codes({ category: 'emergency_childcare', childcare: { from: '2026-06-01', to: '2026-06-01' } }),
    ).toEqual([]);
  });

  it('F5: childcare needs its dates', () => {
    expect(codes({ category: 'emergency_childcare', childcare: null })).toEqual(['childcare_dates_missing']);
  });
});

describe('F5 category-specific checks', () => {
  it('F5: work-related disability supports need a self-identified disability', () => {
    expect(codes({ category: 'work_related_disability', disabilitySelfIdentification: 'yes' })).toEqual([]);
    for (const answer of ['no', 'prefer_not_to_say', null] as const)
      expect(codes({ category: 'work_related_disability', disabilitySelfIdentification: answer })).toEqual([
        'disability_not_self_identified',
      ]);
  });

  it('F5: PPE the employer provides is not eligible', () => {
    expect(codes({ category: 'special_equipment_supplies', employerProvides: true })).toEqual([
      'employer_provided_ppe',
    ]);
    expect(codes({ category: 'special_equipment_supplies', employerProvides: false })).toEqual([]);
  });

  it('F5: an expense outside the list needs a description', () => {
    expect(codes({ category: 'other', otherDescription: '  ' })).toEqual(['other_needs_description']);
    expect(codes({ category: 'other', otherDescription: 'Police record check' })).toEqual([]);
  });
});
