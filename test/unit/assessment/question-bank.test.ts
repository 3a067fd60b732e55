import { describe, expect, it } from 'vitest';
import bankJson from '../../../src/domain/assessment/banks/2026-1.json' with { type: 'json' };
import {
  CURRENT_QUESTION_BANK_VERSION,
  parseQuestionBank,
  QUESTION_BANKS,
  questionBank,
  questionsById,
  sectionsOf,
  WORK_AUTHORIZATIONS,
  type Condition,
  type Question,
} from '../../../src/domain/assessment/index.js';
import { bank } from './fixtures.js';

const all = bank.sections.flatMap((s) => s.questions);
const byId = questionsById(bank);
const q = (id: string): Question => {
  const found = byId.get(id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const values = (id: string) => q(id).options?.map((o) => o.value);

function referencedIds(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(referencedIds);
  if ('any' in c) return c.any.flatMap(referencedIds);
  return 'question' in c ? [c.question] : [];
}

/** A deep copy of the bank JSON to break on purpose. */
interface LooseBank {
  sections: { id: string; questions: Record<string, unknown>[] }[];
}
function brokenBank(edit: (b: LooseBank) => void): unknown {
  const copy = structuredClone(bankJson) as unknown as LooseBank;
  edit(copy);
  return copy;
}

describe('question bank 2026-1 (C5)', () => {
  it('parses and is the current bank', () => {
    expect(CURRENT_QUESTION_BANK_VERSION).toBe('2026-1');
    expect(QUESTION_BANKS['2026-1']).toBe(bank);
    expect(bank.version).toBe('2026-1');
    expect(questionBank('1999-1')).toBeNull();
  });

  it('C5: has the four M1 sections then the four M2 sections, in order', () => {
    expect(sectionsOf(bank, 'm1').map((s) => s.id)).toEqual([
      'administrative',
      'demographic',
      'essential_skills',
      'supports',
    ]);
    expect(sectionsOf(bank, 'm2').map((s) => s.id)).toEqual(['income', 'disability', 'employment', 'goals']);
    expect(bank.sections.map((s) => s.id).slice(0, 4)).toEqual(sectionsOf(bank, 'm1').map((s) => s.id));
  });

  it('has 8 to 14 questions in each section', () => {
    for (const s of bank.sections) {
      expect(s.questions.length, s.id).toBeGreaterThanOrEqual(8);
      expect(s.questions.length, s.id).toBeLessThanOrEqual(14);
    }
  });

  it('every question, option and section has English and French text, and every question help in both', () => {
    for (const s of bank.sections) {
      expect(s.en && s.fr && s.introEn && s.introFr, s.id).toBeTruthy();
    }
    for (const question of all) {
      expect(question.en.trim(), question.id).not.toBe('');
      expect(question.fr.trim(), question.id).not.toBe('');
      expect(question.fr, question.id).not.toBe(question.en);
      expect(question.helpEn?.trim(), question.id).toBeTruthy();
      expect(question.helpFr?.trim(), question.id).toBeTruthy();
      for (const o of question.options ?? []) expect(o.en && o.fr, `${question.id}.${o.value}`).toBeTruthy();
    }
  });

  it('all question ids are unique and carry their section as prefix', () => {
    const ids = all.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of bank.sections)
      for (const x of s.questions) expect(x.id.startsWith(`${s.id}.`)).toBe(true);
  });

  it('every condition refers to an earlier question that exists', () => {
    const seen = new Set<string>();
    let conditions = 0;
    for (const question of all) {
      if (question.when) {
        conditions++;
        for (const ref of referencedIds(question.when))
          expect(seen.has(ref), `${question.id} → ${ref}`).toBe(true);
      }
      seen.add(question.id);
    }
    expect(conditions).toBeGreaterThan(10);
  });

  it('the anchor questions the rules read have the contract’s ids, types and options', () => {
    expect(q('administrative.lives_in_ontario').type).toBe('boolean');
    expect(q('administrative.status_in_canada').type).toBe('single');
    expect(values('administrative.status_in_canada')).toEqual([...WORK_AUTHORIZATIONS]);
    expect(values('administrative.work_permit')).toEqual(['open', 'employer_specific', 'none']);
    expect(q('administrative.work_permit').when).toEqual({
      question: 'administrative.status_in_canada',
      notIn: ['citizen', 'permanent_resident'],
    });
    expect(q('administrative.temporary_address').type).toBe('boolean');
    expect(values('demographic.education')).toEqual([
      'less_than_secondary',
      'secondary',
      'some_postsecondary',
      'college_or_apprenticeship',
      'university',
    ]);
    expect(q('demographic.in_school')).toMatchObject({ type: 'boolean', when: { ageUnder: 18 } });
    expect(q('demographic.school_excusal_proof')).toMatchObject({
      type: 'boolean',
      when: { all: [{ ageUnder: 18 }, { question: 'demographic.education', equals: 'less_than_secondary' }] },
    });
    for (const id of ['reading', 'writing', 'numeracy', 'digital'])
      expect(q(`essential_skills.${id}`)).toMatchObject({ type: 'scale', min: 1, max: 5 });
    expect(
      all.filter((x) => x.id.startsWith('essential_skills.efficacy_') && x.type === 'scale').length,
    ).toBe(4);
    expect(values('supports.looking_for')).toEqual([
      'new_job',
      'better_job',
      'keep_job_at_risk',
      'start_business',
      'training',
      'not_sure',
    ]);
    expect(q('supports.stabilization_needs').type).toBe('multi');
    expect(values('supports.stabilization_needs')).toEqual([
      'housing',
      'food',
      'income',
      'physical_health',
      'mental_health',
      'substance_use',
      'childcare',
      'transportation',
      'legal',
      'language',
      'safety',
      'none',
    ]);
    expect(q('income.sources').type).toBe('multi');
    expect(values('income.sources')).toEqual(
      expect.arrayContaining([
        'employment',
        'ow',
        'odsp',
        'ei',
        'cpp_disability',
        'pension',
        'spousal_or_family',
        'none',
      ]),
    );
    expect(values('disability.has_disability')).toEqual(['yes', 'no', 'prefer_not_to_say']);
    expect(q('disability.affects_work').when).toEqual({
      question: 'disability.has_disability',
      equals: 'yes',
    });
    expect(values('employment.status')).toEqual([
      'employed_full_time',
      'employed_part_time',
      'self_employed',
      'unemployed',
      'never_worked',
    ]);
    expect(q('employment.hours_per_week')).toMatchObject({ type: 'number', min: 0, max: 100 });
    expect(q('employment.employer').type).toBe('text');
    expect(q('employment.months_without_work')).toMatchObject({
      type: 'number',
      when: { question: 'employment.status', equals: 'unemployed' },
    });
    expect(q('employment.years_experience').type).toBe('number');
    expect(q('goals.seeking_self_employment').type).toBe('boolean');
    expect(all.filter((x) => x.id.startsWith('goals.attitude_') && x.type === 'scale').length).toBe(4);
  });

  it('sensitive questions offer “prefer not to say”', () => {
    for (const id of [
      'demographic.indigenous',
      'demographic.francophone',
      'demographic.racialized',
      'demographic.gender',
      'demographic.youth_in_care',
      'disability.has_disability',
      'disability.affects_work',
      'income.sources',
      'supports.employer_perception',
    ])
      expect(values(id), id).toContain('prefer_not_to_say');
  });

  it('every scale labels each of its points', () => {
    for (const question of all.filter((x) => x.type === 'scale'))
      expect(question.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('refuses a bank whose condition points at a later question', () => {
    expect(() =>
      parseQuestionBank(
        brokenBank((b) => {
          b.sections[0]!.questions[0]!.when = {
            question: 'administrative.status_in_canada',
            equals: 'citizen',
          };
        }),
      ),
    ).toThrow(/not an earlier question/);
  });

  it('refuses a condition on a value the question cannot take', () => {
    expect(() =>
      parseQuestionBank(
        brokenBank((b) => {
          b.sections[0]!.questions[2]!.when = {
            question: 'administrative.status_in_canada',
            notIn: ['martian'],
          };
        }),
      ),
    ).toThrow(/martian.{0,3} is not an answer/);
  });

  it('refuses duplicate ids, sections out of order and scales without labels', () => {
    expect(() =>
      parseQuestionBank(
        brokenBank((b) => {
          b.sections[0]!.questions[1]!.id = 'administrative.lives_in_ontario';
        }),
      ),
    ).toThrow(/duplicate question id/);
    expect(() =>
      parseQuestionBank(
        brokenBank((b) => {
          b.sections.reverse();
        }),
      ),
    ).toThrow(/sections must be/);
    expect(() =>
      parseQuestionBank(
        brokenBank((b) => {
          const scale = b.sections[2]!.questions[0]!;
          scale.options = (scale.options as unknown[]).slice(0, 4);
        }),
      ),
    ).toThrow(/labels each point/);
  });
});
