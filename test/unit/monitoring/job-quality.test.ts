import { describe, expect, it } from 'vitest';
import {
  countedJobsSummary,
  FULL_TIME_MINUTES_PER_WEEK,
  hoursText,
  jobQualityOf,
  medianOf,
  statementJobQuality,
  type CheckpointOutcome,
  type CountedJob,
} from '../../../src/domain/monitoring/job-quality.js';

const job = (
  minutesPerWeek: number,
  hourlyWageCents: number | null,
  permanence: CountedJob['permanence'] = 'permanent',
): CountedJob => ({
  minutesPerWeek,
  hourlyWageCents,
  permanence,
});
const met = (jobs: CountedJob[], over: Partial<CheckpointOutcome> = {}): CheckpointOutcome => ({
  checkpoint: 'month_1',
  stream: 'A',
  fundedOutcomeMet: true,
  jobs,
  ...over,
});
const notMet = (over: Partial<CheckpointOutcome> = {}): CheckpointOutcome => ({
  checkpoint: 'month_1',
  stream: 'A',
  fundedOutcomeMet: false,
  jobs: [],
  ...over,
});

const emptyRetention = {
  month_1: { met: 0, recorded: 0 },
  month_3: { met: 0, recorded: 0 },
  month_6: { met: 0, recorded: 0 },
  month_12: { met: 0, recorded: 0 },
};

describe('L4 job quality of one outcome’s counted jobs', () => {
  it('L4: sums the hours, takes the best wage and permanent if any job is', () => {
    expect(countedJobsSummary([job(1200, 1700, 'temporary'), job(900, 2100, 'permanent')])).toEqual({
      minutesPerWeek: 2100,
      hourlyWageCents: 2100,
      permanence: 'permanent',
    });
  });

  it('L4: ignores a missing wage; no wage at all is null; no job is all null', () => {
    expect(countedJobsSummary([job(1200, null), job(600, 1650)]).hourlyWageCents).toBe(1650);
    expect(countedJobsSummary([job(1200, null)]).hourlyWageCents).toBeNull();
    expect(countedJobsSummary([])).toEqual({ minutesPerWeek: null, hourlyWageCents: null, permanence: null });
  });

  it('L4: without a permanent job, temporary before seasonal; a tie in wages is that wage', () => {
    expect(countedJobsSummary([job(600, 1800, 'seasonal'), job(900, 1800, 'temporary')])).toEqual({
      minutesPerWeek: 1500,
      hourlyWageCents: 1800,
      permanence: 'temporary',
    });
    expect(countedJobsSummary([job(1500, 1800, 'seasonal')]).permanence).toBe('seasonal');
  });
});

describe('L4 hours for the CSV', () => {
  it('L4: weekly minutes as hours with one decimal, rounded half up', () => {
    expect(hoursText(0)).toBe('0.0');
    expect(hoursText(1800)).toBe('30.0');
    expect(hoursText(1850)).toBe('30.8'); // 30.833…
    expect(hoursText(1203)).toBe('20.1'); // 20.05 → 20.1
    expect(hoursText(1202)).toBe('20.0'); // 20.033…
  });
});

describe('L4 median', () => {
  it('L4: odd count is the middle value; even count the mean of the two middle, rounded half up', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([2000])).toBe(2000);
    expect(medianOf([2500, 1700, 2000])).toBe(2000);
    expect(medianOf([1700, 2000, 2500, 3000])).toBe(2250);
    expect(medianOf([1700, 1800])).toBe(1750);
    expect(medianOf([1700, 1701])).toBe(1701); // 1700.5 → 1701
    expect(medianOf([1800, 1800, 1800, 2600])).toBe(1800); // ties in the middle
  });
});

describe('L4 job quality of a set of checkpoint outcomes', () => {
  it('L4: an empty set has no met outcome, null averages, 0/0 shares and no retention', () => {
    expect(jobQualityOf([])).toEqual({
      metCount: 0,
      averageMinutesPerWeek: null,
      medianHourlyWageCents: null,
      permanent: { numerator: 0, denominator: 0 },
      fullTime: { numerator: 0, denominator: 0 },
      retention: emptyRetention,
    });
  });

  it('L4: describes only the met outcomes’ counted jobs; not-met outcomes count for retention only', () => {
    const q = jobQualityOf([
      met([job(1800, 2000)]),
      met([job(1200, 1600, 'temporary')], { checkpoint: 'month_3' }),
      // Stacked: 15 h + 16 h = 31 h, full time; best wage 1900; permanent because one job is.
      met([job(900, 1500, 'seasonal'), job(960, 1900, 'permanent')], { checkpoint: 'month_3' }),
      notMet(),
      notMet({ checkpoint: 'month_6' }),
    ]);
    expect(q.metCount).toBe(3);
    // (1800 + 1200 + 1860) / 3 = 1620.
    expect(q.averageMinutesPerWeek).toBe(1620);
    expect(q.medianHourlyWageCents).toBe(1900);
    expect(q.permanent).toEqual({ numerator: 2, denominator: 3 });
    expect(q.fullTime).toEqual({ numerator: 2, denominator: 3 });
    expect(q.retention).toEqual({
      month_1: { met: 1, recorded: 2 },
      month_3: { met: 2, recorded: 2 },
      month_6: { met: 0, recorded: 1 },
      month_12: { met: 0, recorded: 0 },
    });
  });

  it('L4: rounds the average hours to whole minutes (half up)', () => {
    expect(jobQualityOf([met([job(1200, 1700)]), met([job(1201, 1700)])]).averageMinutesPerWeek).toBe(1201);
    expect(
      jobQualityOf([met([job(1200, 1700)]), met([job(1200, 1700)]), met([job(1201, 1700)])])
        .averageMinutesPerWeek,
    ).toBe(1200);
  });

  it('L4: leaves out outcomes without a wage from the median (null if none has one), not from the other figures', () => {
    const q = jobQualityOf([met([job(1800, null)]), met([job(1200, 1700)]), met([job(1500, 2300)])]);
    expect(q.metCount).toBe(3);
    expect(q.medianHourlyWageCents).toBe(2000); // even count of wages: (1700 + 2300) / 2
    expect(q.permanent.denominator).toBe(3);
    expect(jobQualityOf([met([job(1800, null)])]).medianHourlyWageCents).toBeNull();
  });

  it('L4: 30 h/week exactly is full time, a minute less is not', () => {
    const q = jobQualityOf([
      met([job(FULL_TIME_MINUTES_PER_WEEK, 1700)]),
      met([job(FULL_TIME_MINUTES_PER_WEEK - 1, 1700)]),
    ]);
    expect(q.fullTime).toEqual({ numerator: 1, denominator: 2 });
  });

  it('L4: the median takes each client’s best-paid job once, whatever the ties', () => {
    // Client 1 holds two jobs at 1800; client 2 one at 2200: the median of [1800, 2200] is 2000.
    const q = jobQualityOf([met([job(600, 1800), job(900, 1800)]), met([job(1200, 2200)])]);
    expect(q.medianHourlyWageCents).toBe(2000);
  });

  it('L4: a statement splits by stream (the mix) and keeps one retention for all', () => {
    const outcomes = [
      met([job(1800, 2000)], { stream: 'A' }),
      met([job(1200, 1600, 'temporary')], { stream: 'B', checkpoint: 'month_3' }),
      notMet({ stream: 'B', checkpoint: 'month_3' }),
    ];
    const s = statementJobQuality(outcomes);
    expect(s.overall.metCount).toBe(2);
    expect(s.byStream.A).toMatchObject({
      metCount: 1,
      averageMinutesPerWeek: 1800,
      medianHourlyWageCents: 2000,
    });
    expect(s.byStream.B).toMatchObject({
      metCount: 1,
      averageMinutesPerWeek: 1200,
      permanent: { numerator: 0, denominator: 1 },
      fullTime: { numerator: 0, denominator: 1 },
    });
    expect(s.byStream.C).toMatchObject({
      metCount: 0,
      averageMinutesPerWeek: null,
      medianHourlyWageCents: null,
    });
    expect(s.byStream.A.metCount + s.byStream.B.metCount + s.byStream.C.metCount).toBe(s.overall.metCount);
    expect(s.retention.month_3).toEqual({ met: 1, recorded: 2 });
    expect(s.retention.month_1).toEqual({ met: 1, recorded: 1 });
  });
});
