import { describe, expect, it } from 'vitest';
import { questionBank } from '../../../src/domain/assessment/banks/index.js';
import { fromDraft, toDraft } from '../../../web/src/pages/assessments/logic.js';
import { answerFieldId, answerText, questionFieldId } from '../../../web/src/pages/assessments/logic.js';
import { tasksOf } from '../../../web/src/pages/assessments/logic.js';
import type { AssessmentDetail, Question } from '../../../web/src/types.js';

const t = ((key: string) => key) as unknown as Parameters<typeof answerText>[3];
const bank = questionBank('2026-1')!;
const q = (id: string): Question => bank.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;

describe('assessment form values', () => {
  it('round-trips each type between the stored answer and the form', () => {
    const cases: [string, unknown][] = [
      ['administrative.lives_in_ontario', true],
      ['administrative.temporary_address', false],
      ['demographic.education', 'secondary'],
      ['supports.stabilization_needs', ['housing', 'food']],
      ['essential_skills.reading', 4],
      ['employment.hours_per_week', 37.5],
      ['employment.employer', 'Lakeshore Logistics'],
      ['income.ei_ends_on', '2027-01-31'],
    ];
    for (const [id, value] of cases) {
      const question = q(id);
      expect(fromDraft(question, toDraft(question, value as never)), id).toEqual(value);
    }
  });

  it('treats empty, blank and non-numeric entries as no answer', () => {
    expect(fromDraft(q('employment.hours_per_week'), '')).toBeNull();
    expect(fromDraft(q('employment.hours_per_week'), 'twenty')).toBeNull();
    expect(fromDraft(q('employment.hours_per_week'), '12,5')).toBe(12.5);
    expect(fromDraft(q('employment.employer'), '   ')).toBeNull();
    expect(fromDraft(q('supports.stabilization_needs'), [])).toBeNull();
    expect(toDraft(q('supports.stabilization_needs'), undefined)).toEqual([]);
  });

  it('gives every question a stable id the error summary can reach from the API field', () => {
    expect(questionFieldId('employment.hours_per_week')).toBe('q-employment-hours_per_week');
    expect(answerFieldId('answers.employment.hours_per_week')).toBe('q-employment-hours_per_week');
  });

  it('says answers in words in the interface language', () => {
    expect(answerText(q('administrative.lives_in_ontario'), true, 'en', t)).toBe('common.yes');
    const education = q('demographic.education');
    const option = education.options!.find((o) => o.value === 'university')!;
    expect(answerText(education, 'university', 'fr', t)).toBe(option.fr);
    expect(answerText(q('essential_skills.reading'), 3, 'en', t)).toMatch(/^3 – /);
  });
});

describe('the task list (C3–C8, S2, S4)', () => {
  const detail = (over: Partial<AssessmentDetail>): AssessmentDetail =>
    ({
      id: 'ca',
      status: 'in_progress',
      holder: { organizationId: 'o', name: 'Provider', kind: 'provider' },
      consent: { active: true, lastReading: null, carriedOver: false, needsReconfirmation: false },
      identity: null,
      progress: bank.sections.map((s) => ({
        sectionId: s.id,
        module: s.module,
        status: 'not_started',
        missing: [],
      })),
      serviceLevel: null,
      notes: [],
      referral: null,
      actions: ['answer', 'verify_identity', 'set_service_level'],
      ...over,
    }) as AssessmentDetail;
  const ids = (d: AssessmentDetail) =>
    tasksOf(d, bank, 'en', (k) => k).flatMap((g) => g.tasks.map((x) => x.id));

  it('an SA office refers and never sets the service level (S2, C6)', () => {
    const tasks = ids(detail({ holder: { organizationId: 'o', name: 'OW', kind: 'sa_office' } }));
    expect(tasks).not.toContain('service_level');
    expect(tasks).toContain('refer');
    expect(tasks).not.toContain('income');
  });

  it('Module 2 appears only for case-managed service (S4)', () => {
    expect(ids(detail({}))).not.toContain('income');
    const managed = detail({
      serviceLevel: { level: 'case_managed', indicators: [], rationale: null, setAt: '', byName: null },
    });
    expect(ids(managed)).toEqual(
      expect.arrayContaining(['income', 'disability', 'employment', 'goals', 'check']),
    );
  });

  it('nothing can start before consent is confirmed again (C9)', () => {
    const groups = tasksOf(
      detail({ consent: { active: true, lastReading: null, carriedOver: false, needsReconfirmation: true } }),
      bank,
      'en',
      (k) => k,
    );
    const sections = groups.find((g) => g.id === 'm1')!.tasks.filter((x) => x.id !== 'service_level');
    expect(sections.every((x) => x.status === 'cannot_start' && x.to === null)).toBe(true);
  });
});
