import { describe, expect, it } from 'vitest';
import {
  FUNDED_OUTCOME_HOURS_PER_WEEK,
  fundedOutcomeOn,
  jobHeldOn,
  type EntryEmployment,
  type JobRecord,
} from '../../../src/domain/monitoring/funded-outcome.js';

const UNEMPLOYED: EntryEmployment = { employed: false };
const PART_TIME: EntryEmployment = { employed: true, hoursPerWeek: 12, employerKey: 'entry-co' };
const FULL_TIME: EntryEmployment = { employed: true, hoursPerWeek: 35, employerKey: 'entry-co' };

function job(
  id: string,
  employerKey: string,
  hoursPerWeek: number,
  startedOn = '2027-01-04',
  endedOn: string | null = null,
): JobRecord {
  return { id, employerKey, hoursPerWeek, startedOn, endedOn };
}

const ON = '2027-03-01';

describe('fundedOutcomeOn (M2, M5)', () => {
  it('M1: the threshold is 20 hours per week', () => {
    expect(FUNDED_OUTCOME_HOURS_PER_WEEK).toBe(20);
  });

  it('M2: unemployed at entry, a job of exactly 20 h/week meets the funded outcome', () => {
    const d = fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [job('j1', 'acme', 20)], on: ON });
    expect(d).toMatchObject({ met: true, reason: 'single_job', rule: 'M2', stacked: false });
    expect(d.regime).toBe('any_employer');
    expect(d.countedJobIds).toEqual(['j1']);
  });

  it('M2: unemployed at entry, 19.5 h/week does not meet it', () => {
    const d = fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [job('j1', 'acme', 19.5)], on: ON });
    expect(d).toMatchObject({ met: false, reason: 'under_20_hours', stacked: false });
  });

  it('M2: no job on the date is not met (not working)', () => {
    expect(fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [], on: ON })).toMatchObject({
      met: false,
      reason: 'not_working',
    });
    // a job that starts after the date does not count yet
    expect(
      fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [job('j1', 'acme', 30, '2027-03-02')], on: ON }).reason,
    ).toBe('not_working');
  });

  it('M2: a job counts on its last day (endedOn inclusive) and not the day after', () => {
    const jobs = [job('j1', 'acme', 30, '2027-01-04', ON)];
    expect(fundedOutcomeOn({ entry: UNEMPLOYED, jobs, on: ON }).met).toBe(true);
    expect(fundedOutcomeOn({ entry: UNEMPLOYED, jobs, on: '2027-03-02' }).met).toBe(false);
  });

  it('M2: part-time at entry, hours rising to 20+ with the same employer meet the funded outcome', () => {
    const d = fundedOutcomeOn({ entry: PART_TIME, jobs: [job('j1', 'entry-co', 25)], on: ON });
    expect(d).toMatchObject({ met: true, reason: 'single_job', regime: 'any_employer' });
  });

  it('M2: part-time at entry, still under 20 h/week with the same employer is not met', () => {
    const d = fundedOutcomeOn({ entry: PART_TIME, jobs: [job('j1', 'entry-co', 12)], on: ON });
    expect(d).toMatchObject({ met: false, reason: 'under_20_hours' });
  });

  it('M2: part-time at entry, a new job of 20+ h/week meets it', () => {
    const d = fundedOutcomeOn({
      entry: PART_TIME,
      jobs: [job('j0', 'entry-co', 12), job('j1', 'other', 22)],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'single_job', stacked: false });
    expect(d.countedJobIds).toEqual(['j1']);
  });

  it('M2: employed 20+ at entry, 20+ h/week with the same employer is not met (needs a new employer)', () => {
    const d = fundedOutcomeOn({ entry: FULL_TIME, jobs: [job('j1', 'entry-co', 40)], on: ON });
    expect(d).toMatchObject({ met: false, reason: 'not_new_employer', regime: 'new_employer' });
    expect(d.excludedEmployerKeys).toEqual(['entry-co']);
  });

  it('M2: employed 20+ at entry, 20+ h/week with a new employer is met', () => {
    const d = fundedOutcomeOn({
      entry: FULL_TIME,
      jobs: [job('j0', 'entry-co', 35, '2026-01-01', '2027-01-31'), job('j1', 'new-co', 20)],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'single_job', regime: 'new_employer' });
    expect(d.countedJobIds).toEqual(['j1']);
  });

  it('M2: employed 20+ at entry, a new employer under 20 h/week is not met', () => {
    const d = fundedOutcomeOn({ entry: FULL_TIME, jobs: [job('j1', 'new-co', 15)], on: ON });
    expect(d).toMatchObject({ met: false, reason: 'under_20_hours' });
  });

  it('M2: after losing a funded-outcome job, the same employer no longer counts (new-employer rule)', () => {
    const lost = job('j1', 'acme', 30, '2027-01-04', '2027-02-10');
    const rehired = job('j2', 'acme', 30, '2027-02-20');
    const d = fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [lost, rehired], on: ON });
    expect(d).toMatchObject({
      met: false,
      reason: 'not_new_employer',
      regime: 'new_employer',
      newEmployerRuleSince: '2027-02-11',
    });
    expect(d.excludedEmployerKeys).toEqual(['acme']);
  });

  it('M2: after losing a funded-outcome job, 20+ h/week with a new employer is met', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'acme', 30, '2027-01-04', '2027-02-10'), job('j2', 'beta', 20, '2027-02-20')],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'single_job', regime: 'new_employer' });
  });

  it('M2: before the loss the old rule still applies (the switch is from then on)', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'acme', 30, '2027-01-04', '2027-02-10')],
      on: '2027-02-01',
    });
    expect(d).toMatchObject({ met: true, regime: 'any_employer', newEmployerRuleSince: null });
  });

  it('M2: losing a job that never met the funded outcome does not switch the rule', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'acme', 10, '2027-01-04', '2027-02-10'), job('j2', 'acme', 25, '2027-02-20')],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, regime: 'any_employer', newEmployerRuleSince: null });
  });

  it('M2: part-time at entry, losing the entry job after its hours reached 20+ switches to the new-employer rule', () => {
    const d = fundedOutcomeOn({
      entry: PART_TIME,
      jobs: [job('j1', 'entry-co', 25, '2026-06-01', '2027-02-10'), job('j2', 'entry-co', 25, '2027-02-15')],
      on: ON,
    });
    expect(d).toMatchObject({ met: false, reason: 'not_new_employer', regime: 'new_employer' });
  });

  it('M5: unemployed at entry, two jobs adding to 20 h/week meet it as stacked', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'a', 12), job('j2', 'b', 8)],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'stacked_jobs', stacked: true });
    expect(d.countedJobIds).toEqual(['j1', 'j2']);
  });

  it('M5: two jobs adding to 19 h/week are not met', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'a', 11), job('j2', 'b', 8)],
      on: ON,
    });
    expect(d).toMatchObject({ met: false, reason: 'under_20_hours', stacked: false });
  });

  it('M5: a single 20+ job is preferred over stacking (not flagged stacked)', () => {
    const d = fundedOutcomeOn({
      entry: UNEMPLOYED,
      jobs: [job('j1', 'a', 10), job('j2', 'b', 24)],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'single_job', stacked: false });
    expect(d.countedJobIds).toEqual(['j2']);
  });

  it('M5: part-time at entry, the entry job cannot be stacked with a new job', () => {
    const d = fundedOutcomeOn({
      entry: PART_TIME,
      jobs: [job('j0', 'entry-co', 12), job('j1', 'new-co', 10)],
      on: ON,
    });
    expect(d).toMatchObject({ met: false, reason: 'stacking_needs_new_jobs', stacked: false });
  });

  it('M5: part-time at entry, two new jobs stacked to 20+ are met as stacked', () => {
    const d = fundedOutcomeOn({
      entry: PART_TIME,
      jobs: [job('j0', 'entry-co', 12), job('j1', 'new-a', 10), job('j2', 'new-b', 10)],
      on: ON,
    });
    expect(d).toMatchObject({ met: true, reason: 'stacked_jobs', stacked: true });
    expect(d.countedJobIds).toEqual(['j1', 'j2']);
  });

  it('M5: employed 20+ at entry, new-employer jobs can stack but the entry employer cannot join', () => {
    expect(
      fundedOutcomeOn({
        entry: FULL_TIME,
        jobs: [job('j0', 'entry-co', 35), job('j1', 'a', 10), job('j2', 'b', 10)],
        on: ON,
      }),
    ).toMatchObject({ met: true, stacked: true, countedJobIds: ['j1', 'j2'] });
    expect(
      fundedOutcomeOn({
        entry: FULL_TIME,
        jobs: [job('j0', 'entry-co', 35), job('j1', 'a', 10)],
        on: ON,
      }),
    ).toMatchObject({ met: false, reason: 'not_new_employer' });
  });

  it('M2: rejects invalid dates, negative hours and jobs ending before they start', () => {
    expect(() => fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [], on: '2027-02-29' })).toThrow(RangeError);
    expect(() => fundedOutcomeOn({ entry: UNEMPLOYED, jobs: [job('j1', 'a', -1)], on: ON })).toThrow(
      RangeError,
    );
    expect(() =>
      fundedOutcomeOn({
        entry: UNEMPLOYED,
        jobs: [job('j1', 'a', 20, '2027-02-01', '2027-01-01')],
        on: ON,
      }),
    ).toThrow(RangeError);
  });
});

describe('jobHeldOn (M2, M6)', () => {
  it('M2: a job is held from its first day through its last, inclusive; open-ended jobs continue', () => {
    const job = { startedOn: '2026-03-02', endedOn: '2026-06-30' };
    expect(jobHeldOn(job, '2026-03-01')).toBe(false);
    expect(jobHeldOn(job, '2026-03-02')).toBe(true);
    expect(jobHeldOn(job, '2026-06-30')).toBe(true);
    expect(jobHeldOn(job, '2026-07-01')).toBe(false);
    expect(jobHeldOn({ ...job, endedOn: null }, '2030-01-01')).toBe(true);
  });
});
