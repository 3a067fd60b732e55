import { describe, expect, it } from 'vitest';
import {
  FUNDED_OUTCOME_MINUTES_PER_WEEK,
  jobProblems,
  nocBroadCategory,
  outcomeProblems,
  type OutcomeFacts,
} from '../../../src/domain/monitoring/outcome.js';
import { employerSupportsActiveOn } from '../../../src/domain/monitoring/employer-supports.js';
import { checkpointWorklistBucket, weekOf } from '../../../src/domain/monitoring/worklist.js';
import { checkpointSchedule } from '../../../src/domain/monitoring/schedule.js';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

const unemployed: OutcomeFacts = {
  kind: 'not_employed',
  endedOn: '2026-11-30',
  today: '2026-12-01',
  openItemCount: 0,
  allActivitiesOfferedConfirmed: false,
  jobsActiveOnEndDate: 0,
  planStatus: 'active',
  outcomeAlreadyRecorded: false,
  activatedOn: '2026-09-01',
};

describe('outcomeProblems (M1, M4, M6)', () => {
  it('M4: refuses an outcome without employment while plan items are open, unless the caseworker confirms', () => {
    const open = { ...unemployed, openItemCount: 2 };
    const problems = outcomeProblems(open);
    expect(problems.map((p) => p.rule)).toEqual(['M4']);
    expect(problems[0]!.en).toContain('2 plan item(s) are still open');
    expect(outcomeProblems({ ...open, allActivitiesOfferedConfirmed: true })).toEqual([]);
  });

  it('M4: with no open items an outcome without employment needs no confirmation', () => {
    expect(outcomeProblems(unemployed)).toEqual([]);
  });

  it('M1: an employed outcome needs the job held on the end date; open items do not block it', () => {
    const employed = { ...unemployed, kind: 'employed' as const, openItemCount: 3 };
    expect(codes(outcomeProblems(employed))).toEqual(['employed_needs_job']);
    expect(outcomeProblems({ ...employed, jobsActiveOnEndDate: 1 })).toEqual([]);
  });

  it('M1/M6: one outcome per plan, on an active plan, never dated in the future', () => {
    expect(
      codes(
        outcomeProblems({
          ...unemployed,
          planStatus: 'active_on_hold',
          outcomeAlreadyRecorded: true,
          endedOn: '2026-12-02',
        }),
      ),
    ).toEqual(['plan_not_active', 'outcome_already_recorded', 'ended_in_future']);
  });
});

describe('outcome dates (M1)', () => {
  it('M1: pre-employment services cannot end before the plan was activated; the activation day itself is fine', () => {
    expect(codes(outcomeProblems({ ...unemployed, endedOn: '2026-08-31' }))).toEqual([
      'ended_before_activation',
    ]);
    expect(outcomeProblems({ ...unemployed, endedOn: '2026-09-01' })).toEqual([]);
  });
});

describe('jobProblems (M3, M6)', () => {
  const job = {
    startedOn: '2026-10-01',
    endedOn: null,
    minutesPerWeek: 1500,
    hourlyWageCents: 1865,
    nocCode: '65102',
    hoursReached20On: null,
    today: '2026-12-01',
  };
  it('accepts a current job', () => expect(jobProblems(job)).toEqual([]));
  it('M6: a job is recorded once it has started, and ends after it starts', () => {
    expect(codes(jobProblems({ ...job, startedOn: '2026-12-05' }))).toContain('start_in_future');
    expect(codes(jobProblems({ ...job, endedOn: '2026-09-30' }))).toContain('ends_before_start');
    expect(codes(jobProblems({ ...job, endedOn: '2026-12-31' }))).toContain('end_in_future');
  });
  it('the occupation is a five-digit NOC 2021 code', () => {
    expect(codes(jobProblems({ ...job, nocCode: '6510' }))).toEqual(['noc_code']);
    expect(nocBroadCategory('65102')?.en).toBe('Sales and service occupations');
    expect(nocBroadCategory('abc')).toBeNull();
  });
  it('M3: a rise to 20+ hours is dated within the job and the job then has 20+ hours', () => {
    expect(FUNDED_OUTCOME_MINUTES_PER_WEEK).toBe(1200);
    expect(jobProblems({ ...job, hoursReached20On: '2026-11-01' })).toEqual([]);
    expect(codes(jobProblems({ ...job, minutesPerWeek: 1199, hoursReached20On: '2026-11-01' }))).toEqual([
      'rise_below_20',
    ]);
    expect(codes(jobProblems({ ...job, hoursReached20On: '2026-09-01' }))).toEqual(['rise_outside_job']);
  });
});

describe('employerSupportsActiveOn (F12)', () => {
  const periods = [{ startsOn: '2026-01-10', endsOn: '2026-05-09' }];
  it('F12: active from the first to the last supported day, inclusive', () => {
    expect(employerSupportsActiveOn(periods, '2026-01-09')).toBe(false);
    expect(employerSupportsActiveOn(periods, '2026-01-10')).toBe(true);
    expect(employerSupportsActiveOn(periods, '2026-05-09')).toBe(true);
    expect(employerSupportsActiveOn(periods, '2026-05-10')).toBe(false);
  });
  it('F12: an open-ended period stays active', () => {
    expect(employerSupportsActiveOn([{ startsOn: '2026-01-10', endsOn: null }], '2027-01-10')).toBe(true);
    expect(employerSupportsActiveOn([], '2026-03-01')).toBe(false);
  });
});

describe('checkpointWorklistBucket (M7)', () => {
  // Monitoring started 2026-10-15: month_1 due 2026-11-15, window 2026-11-01 … 2026-12-15.
  const [, month1, month3] = checkpointSchedule('2026-10-15');
  it('the week runs Monday to Sunday', () => {
    expect(weekOf('2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Wednesday
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // Sunday
    expect(weekOf('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // Monday
  });
  it('M7: a checkpoint past its due date with the window still open is due this week', () => {
    expect(checkpointWorklistBucket(month1!, '2026-12-02', null)).toBe('due_this_week');
  });
  it('M7: overdue the day after the window closes; recorded ones leave the worklist', () => {
    expect(checkpointWorklistBucket(month1!, '2026-12-16', null)).toBe('overdue');
    expect(checkpointWorklistBucket(month1!, '2026-12-16', '2026-12-10')).toBeNull();
  });
  it('M7: open but due after Sunday is due later; before the window, upcoming', () => {
    // month_3 due 2027-01-15, window opens 2027-01-01.
    expect(checkpointWorklistBucket(month3!, '2027-01-04', null)).toBe('due_later');
    expect(checkpointWorklistBucket(month3!, '2027-01-11', null)).toBe('due_this_week');
    expect(checkpointWorklistBucket(month3!, '2026-12-31', null)).toBe('upcoming');
  });
});
