import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_KINDS,
  CHECKPOINT_WINDOW,
  addCalendarMonths,
  checkpointSchedule,
  checkpointState,
  monitoringStart,
  planClosesOn,
  type Checkpoint,
  type MonitoringStartInput,
} from '../../../src/domain/monitoring/schedule.js';

const NONE: MonitoringStartInput = {
  preEmploymentEndedOn: null,
  fundedJobStartedOn: null,
  hoursReached20On: null,
  placementIntendedToContinueStartedOn: null,
};

function dues(startOn: string): Record<string, string> {
  return Object.fromEntries(checkpointSchedule(startOn).map((c) => [c.kind, c.dueOn]));
}

describe('monitoringStart (M3, F14)', () => {
  it('M3: no event yet → no monitoring', () => {
    expect(monitoringStart(NONE)).toBeNull();
  });

  it('M3: starts at the end of pre-employment services', () => {
    expect(monitoringStart({ ...NONE, preEmploymentEndedOn: '2027-03-15' })).toEqual({
      startOn: '2027-03-15',
      triggers: ['pre_employment_ended'],
      rule: 'M3',
    });
  });

  it('M3: starts at the start of a job meeting the funded outcome', () => {
    expect(monitoringStart({ ...NONE, fundedJobStartedOn: '2027-02-01' })).toMatchObject({
      startOn: '2027-02-01',
      triggers: ['funded_job_started'],
    });
  });

  it('M3: starts on the date hours rose to 20+', () => {
    expect(monitoringStart({ ...NONE, hoursReached20On: '2027-04-05' })).toMatchObject({
      startOn: '2027-04-05',
      triggers: ['hours_reached_20'],
    });
  });

  it('F14: a placement meant to continue starts outcomes on its first day', () => {
    expect(monitoringStart({ ...NONE, placementIntendedToContinueStartedOn: '2027-05-10' })).toMatchObject({
      startOn: '2027-05-10',
      triggers: ['placement_intended_to_continue_started'],
    });
  });

  it('M3: the earlier of two events wins, whichever it is', () => {
    expect(
      monitoringStart({
        ...NONE,
        preEmploymentEndedOn: '2027-03-15',
        fundedJobStartedOn: '2027-03-01',
      }),
    ).toMatchObject({ startOn: '2027-03-01', triggers: ['funded_job_started'] });
    expect(
      monitoringStart({
        ...NONE,
        preEmploymentEndedOn: '2027-02-28',
        fundedJobStartedOn: '2027-03-01',
      }),
    ).toMatchObject({ startOn: '2027-02-28', triggers: ['pre_employment_ended'] });
  });

  it('F14: a continuing placement earlier than the end of pre-employment starts monitoring', () => {
    expect(
      monitoringStart({
        ...NONE,
        preEmploymentEndedOn: '2027-06-30',
        placementIntendedToContinueStartedOn: '2027-06-01',
      }),
    ).toMatchObject({ startOn: '2027-06-01' });
  });

  it('M3: events on the same day are all reported as triggers', () => {
    expect(
      monitoringStart({ ...NONE, preEmploymentEndedOn: '2027-03-01', hoursReached20On: '2027-03-01' }),
    ).toMatchObject({ startOn: '2027-03-01', triggers: ['pre_employment_ended', 'hours_reached_20'] });
  });

  it('M3: rejects an invalid date', () => {
    expect(() => monitoringStart({ ...NONE, fundedJobStartedOn: '2027-13-01' })).toThrow(RangeError);
  });
});

describe('addCalendarMonths (month-end clamping)', () => {
  it('M7: clamps to the last day of a shorter month, crosses years, goes backwards', () => {
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(() => addCalendarMonths('2027-01-31', 1.5)).toThrow(RangeError);
  });
});

describe('checkpointSchedule (M7)', () => {
  it('M7: completion at the start, then 1, 3, 6 and 12 months after', () => {
    const s = checkpointSchedule('2027-03-15');
    expect(s.map((c) => c.kind)).toEqual([...CHECKPOINT_KINDS]);
    expect(dues('2027-03-15')).toEqual({
      completion: '2027-03-15',
      month_1: '2027-04-15',
      month_3: '2027-06-15',
      month_6: '2027-09-15',
      month_12: '2028-03-15',
    });
  });

  it('M7: start on 31 January (common year) clamps to 28 February and 30 April, not chained', () => {
    expect(dues('2027-01-31')).toEqual({
      completion: '2027-01-31',
      month_1: '2027-02-28',
      month_3: '2027-04-30',
      month_6: '2027-07-31',
      month_12: '2028-01-31',
    });
  });

  it('M7: start on 31 January of a leap year → 29 February', () => {
    expect(dues('2028-01-31').month_1).toBe('2028-02-29');
  });

  it('M7: start on 29 February (leap year) → 29th each month, 28 February at 12 months', () => {
    expect(dues('2028-02-29')).toEqual({
      completion: '2028-02-29',
      month_1: '2028-03-29',
      month_3: '2028-05-29',
      month_6: '2028-08-29',
      month_12: '2029-02-28',
    });
  });

  it('M7: start on 31 August → 30 September, 30 November, end of February, 31 August', () => {
    expect(dues('2027-08-31')).toEqual({
      completion: '2027-08-31',
      month_1: '2027-09-30',
      month_3: '2027-11-30',
      month_6: '2028-02-29',
      month_12: '2028-08-31',
    });
    expect(dues('2026-08-31').month_6).toBe('2027-02-28');
  });

  it('M7: each window runs from 14 days before to 30 days after the due date; completion opens on the start', () => {
    expect(CHECKPOINT_WINDOW).toEqual({ daysBefore: 14, daysAfter: 30 });
    const [completion, month1] = checkpointSchedule('2027-01-31');
    expect(completion).toMatchObject({ windowOpensOn: '2027-01-31', windowClosesOn: '2027-03-02' });
    expect(month1).toMatchObject({ windowOpensOn: '2027-02-14', windowClosesOn: '2027-03-30' });
  });
});

describe('checkpointState (M7, A8)', () => {
  const month1: Checkpoint = checkpointSchedule('2027-01-31')[1]!; // due 2027-02-28, window 02-14..03-30

  it('M7: upcoming before the window opens (boundary: the day before)', () => {
    expect(checkpointState(month1, '2027-02-13', null)).toBe('upcoming');
  });

  it('M7: due from the day the window opens', () => {
    expect(checkpointState(month1, '2027-02-14', null)).toBe('due');
    expect(checkpointState(month1, '2027-02-28', null)).toBe('due');
  });

  it('M7: still due on the last day of the window', () => {
    expect(checkpointState(month1, '2027-03-30', null)).toBe('due');
  });

  it('M7: overdue the day after the window closes', () => {
    expect(checkpointState(month1, '2027-03-31', null)).toBe('overdue');
  });

  it('M7: completed once recorded, even late, whatever today is', () => {
    expect(checkpointState(month1, '2027-05-01', '2027-04-20')).toBe('completed');
    expect(checkpointState(month1, '2027-02-01', '2027-02-20')).toBe('completed');
  });

  it('A8/M7: the schedule depends on the start date alone (no pause input), so it is stable', () => {
    expect(checkpointSchedule.length).toBe(1);
    expect(checkpointSchedule('2027-01-31')).toEqual(checkpointSchedule('2027-01-31'));
  });
});

describe('planClosesOn (A8)', () => {
  it('A8: 12 months after the monitoring start, with the same month-end convention', () => {
    expect(planClosesOn('2027-03-15')).toBe('2028-03-15');
    expect(planClosesOn('2028-02-29')).toBe('2029-02-28');
    expect(planClosesOn('2027-01-31')).toBe(dues('2027-01-31').month_12);
  });
});
