import { describe, expect, it } from 'vitest';
import {
  checkpointEvidenceOf,
  checkpointFundedOutcome,
  computedMonitoringStart,
  employerKeyOf,
  ENTRY_EMPLOYER_KEY,
  entryEmploymentOf,
  type MonitoringJob,
  type PlanMonitoringFacts,
} from '../../../src/server/monitoring/facts.js';
import { checkpointSchedule } from '../../../src/domain/monitoring/schedule.js';

/** The pure parts of the monitoring facts: entry status, employer identity, start and checkpoint M2. */
const job = (over: Partial<MonitoringJob> = {}): MonitoringJob => ({
  id: 'j1',
  employerName: 'Acme Ltd.',
  atEntryEmployer: false,
  startedOn: '2026-02-02',
  endedOn: null,
  minutesPerWeek: 1200,
  hourlyWageCents: 1800,
  nocCode: '14400',
  permanence: 'permanent',
  hoursReached20On: null,
  placementIntendedToContinue: false,
  employerKey: 'acmeltd',
  ...over,
});

describe('entry employment from the CA answers (M2)', () => {
  it('M2: unemployed and never-worked clients are not employed at entry', () => {
    expect(entryEmploymentOf({ 'employment.status': 'unemployed' })).toEqual({ employed: false });
    expect(entryEmploymentOf({ 'employment.status': 'never_worked' })).toEqual({ employed: false });
    expect(entryEmploymentOf({})).toEqual({ employed: false });
  });
  it('M2: employed and self-employed clients carry their hours; missing hours default by status', () => {
    expect(
      entryEmploymentOf({ 'employment.status': 'employed_part_time', 'employment.hours_per_week': 12 }),
    ).toEqual({ employed: true, hoursPerWeek: 12, employerKey: ENTRY_EMPLOYER_KEY });
    expect(entryEmploymentOf({ 'employment.status': 'employed_full_time' })).toMatchObject({
      hoursPerWeek: 40,
    });
    expect(entryEmploymentOf({ 'employment.status': 'employed_part_time' })).toMatchObject({
      hoursPerWeek: 0,
    });
    expect(
      entryEmploymentOf({ 'employment.status': 'self_employed', 'employment.hours_per_week': 25 }),
    ).toEqual({ employed: true, hoursPerWeek: 25, employerKey: ENTRY_EMPLOYER_KEY });
  });
});

describe('employer identity (M2 new employer)', () => {
  it('M2: the entry employer has its own key; other names compare without case, spaces or punctuation', () => {
    expect(employerKeyOf(true, 'Anything')).toBe(ENTRY_EMPLOYER_KEY);
    expect(employerKeyOf(false, 'Acme Ltd.')).toBe(employerKeyOf(false, 'ACME  ltd'));
    expect(employerKeyOf(false, 'Café Rouge')).toBe('caferouge');
    expect(employerKeyOf(false, 'Acme')).not.toBe(employerKeyOf(false, 'Acme Two'));
  });
  it('M2: an employer literally named "Entry" is a new employer, not the entry one', () => {
    for (const name of ['Entry', 'ENTRY', ':entry', ' :Entry ', 'entry.', 'Éntry']) {
      expect(employerKeyOf(false, name)).not.toBe(ENTRY_EMPLOYER_KEY);
      expect(employerKeyOf(false, name)).not.toBe(employerKeyOf(true, name));
    }
    // Names without Latin letters or digits stay apart from the entry key too.
    expect(employerKeyOf(false, ':')).not.toBe(ENTRY_EMPLOYER_KEY);
    expect(employerKeyOf(false, null)).not.toBe(ENTRY_EMPLOYER_KEY);
    // A client working 35 h/week at entry: a new job at "Entry Ltd"… or at "Entry" is a new employer.
    const entry = entryEmploymentOf({
      'employment.status': 'employed_full_time',
      'employment.hours_per_week': 35,
    });
    const atEntry = job({ id: 'j0', atEntryEmployer: true, employerName: 'Entry', startedOn: '2025-01-06' });
    const named = job({ employerName: 'Entry', startedOn: '2026-02-02' });
    const jobs = [atEntry, named].map((j) => ({
      ...j,
      employerKey: employerKeyOf(j.atEntryEmployer, j.employerName),
    }));
    expect(computedMonitoringStart({ entry, jobs: [jobs[0]!], outcome: null })).toBeNull();
    expect(computedMonitoringStart({ entry, jobs, outcome: null })).toEqual({
      startOn: '2026-02-02',
      triggers: ['funded_job_started'],
    });
  });
});

function facts(over: Partial<PlanMonitoringFacts>): PlanMonitoringFacts {
  return {
    plan: {} as PlanMonitoringFacts['plan'],
    serviceLevel: 'case_managed',
    entry: { employed: false },
    outcome: null,
    jobs: [],
    startDateEvidence: [],
    supportPeriods: [],
    start: null,
    schedule: [],
    records: {},
    ...over,
  };
}

describe('monitoring start from the facts (M3, F14)', () => {
  it('M3: a funded job starting before the end of pre-employment services starts monitoring', () => {
    const start = computedMonitoringStart({
      entry: { employed: false },
      jobs: [job({ startedOn: '2026-02-02' })],
      outcome: { endedOn: '2026-03-01' } as PlanMonitoringFacts['outcome'],
    });
    expect(start).toEqual({ startOn: '2026-02-02', triggers: ['funded_job_started'] });
  });
  it('M3: a job under 20 h/week does not; the outcome does', () => {
    const start = computedMonitoringStart({
      entry: { employed: false },
      jobs: [job({ minutesPerWeek: 1199 })],
      outcome: { endedOn: '2026-03-01' } as PlanMonitoringFacts['outcome'],
    });
    expect(start).toEqual({ startOn: '2026-03-01', triggers: ['pre_employment_ended'] });
  });
  it('M3: hours rising to 20+ start monitoring on the day of the rise, not the job start', () => {
    const start = computedMonitoringStart({
      entry: { employed: true, hoursPerWeek: 10, employerKey: ENTRY_EMPLOYER_KEY },
      jobs: [
        job({
          atEntryEmployer: true,
          employerKey: ENTRY_EMPLOYER_KEY,
          startedOn: '2025-06-01',
          hoursReached20On: '2026-02-16',
        }),
      ],
      outcome: null,
    });
    expect(start).toEqual({ startOn: '2026-02-16', triggers: ['hours_reached_20'] });
  });
  it('F14: a placement meant to continue starts outcomes on its first day, whatever its hours', () => {
    const start = computedMonitoringStart({
      entry: { employed: false },
      jobs: [job({ minutesPerWeek: 600, startedOn: '2026-01-12', placementIntendedToContinue: true })],
      outcome: null,
    });
    expect(start).toEqual({ startOn: '2026-01-12', triggers: ['placement_intended_to_continue_started'] });
  });
  it('M2/M3: a client working 20+ h at entry starts monitoring only with a new employer', () => {
    const entry = { employed: true as const, hoursPerWeek: 35, employerKey: ENTRY_EMPLOYER_KEY };
    expect(
      computedMonitoringStart({
        entry,
        jobs: [job({ atEntryEmployer: true, employerKey: ENTRY_EMPLOYER_KEY })],
        outcome: null,
      }),
    ).toBeNull();
  });
});

describe('checkpoint funded outcome and evidence (M2, M9, M10)', () => {
  const schedule = checkpointSchedule('2026-02-02');
  const month1 = schedule[1]!;
  const record = (minutes: number) => ({
    row: { id: 'c1', kind: 'month_1', dueOn: month1.dueOn } as never,
    jobs: [{ jobId: 'j1', minutesPerWeek: minutes, hourlyWageCents: 1800, nocCode: '14400' }],
    evidence: [],
    attestation: null,
  });
  it('M2: the ESQ hours at the checkpoint replace the job’s own', () => {
    const f = facts({ jobs: [job()], schedule, records: { month_1: record(900) } });
    expect(checkpointFundedOutcome(f, 'month_1')).toMatchObject({ met: false, reason: 'under_20_hours' });
    const g = facts({ jobs: [job({ minutesPerWeek: 600 })], schedule, records: { month_1: record(1200) } });
    expect(checkpointFundedOutcome(g, 'month_1')).toMatchObject({ met: true, countedJobIds: ['j1'] });
    expect(checkpointFundedOutcome(g, 'month_3')).toBeNull();
  });
  it('M2/M5: a job held on the checkpoint date that the ESQ does not name counts for no hours there', () => {
    const second = job({
      id: 'j2',
      employerName: 'Second Shift Co.',
      employerKey: 'secondshiftco',
      minutesPerWeek: 600,
    });
    const f = facts({
      jobs: [job({ minutesPerWeek: 900 }), second],
      schedule,
      records: { month_1: record(900) },
    });
    // Only j1's 15 h were confirmed at the contact: j2's recorded 10 h do not stack in.
    expect(checkpointFundedOutcome(f, 'month_1')).toMatchObject({ met: false, reason: 'under_20_hours' });
    const both = facts({
      jobs: [job({ minutesPerWeek: 900 }), second],
      schedule,
      records: {
        month_1: {
          ...record(900),
          jobs: [
            { jobId: 'j1', minutesPerWeek: 900, hourlyWageCents: 1800, nocCode: '14400' },
            { jobId: 'j2', minutesPerWeek: 600, hourlyWageCents: 1800, nocCode: '14400' },
          ],
        },
      },
    });
    expect(checkpointFundedOutcome(both, 'month_1')).toMatchObject({
      met: true,
      reason: 'stacked_jobs',
      countedJobIds: ['j1', 'j2'],
    });
    // A job that ended before the date keeps its own hours for the M2 history (its loss still switches the rule).
    const lost = job({ id: 'j0', startedOn: '2026-01-05', endedOn: '2026-02-20', minutesPerWeek: 1500 });
    const rehired = job({ id: 'j3', startedOn: '2026-02-23', minutesPerWeek: 1500 });
    const g = facts({
      jobs: [lost, rehired],
      schedule,
      records: {
        month_1: {
          ...record(1500),
          jobs: [{ jobId: 'j3', minutesPerWeek: 1500, hourlyWageCents: 1800, nocCode: '14400' }],
        },
      },
    });
    expect(checkpointFundedOutcome(g, 'month_1')).toMatchObject({ met: false, reason: 'not_new_employer' });
  });
  it('M9: start-date proof counts only when sufficient, for the counted job', () => {
    const proof = {
      id: 'e1',
      kind: 'offer_letter',
      jobId: 'j1',
      showsClientName: true,
      showsBusinessName: true,
      coversDate: true,
      showsTwentyPlusHours: false,
    } as never;
    const f = facts({
      jobs: [job()],
      schedule,
      records: { month_1: record(1200) },
      startDateEvidence: [proof],
    });
    expect(checkpointEvidenceOf(f, 'month_1')).toEqual({
      startDateProof: 'offer_letter',
      documents: [],
      attestation: null,
    });
    const weak = { ...(proof as object), showsBusinessName: false } as never;
    const g = facts({
      jobs: [job()],
      schedule,
      records: { month_1: record(1200) },
      startDateEvidence: [weak],
    });
    expect(checkpointEvidenceOf(g, 'month_1').startDateProof).toBeNull();
  });
});
