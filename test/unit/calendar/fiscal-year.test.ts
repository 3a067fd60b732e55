import { describe, expect, it } from 'vitest';
import {
  fiscalQuarterLabel,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearOf,
  fiscalYearRange,
} from '../../../src/domain/calendar/fiscal-year.js';

describe('fiscal year 1 April – 31 March (F3, K6 quarterly reporting)', () => {
  it('31 March belongs to the fiscal year that started the April before; 1 April starts the next', () => {
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2027-04-01')).toBe(2027);
  });

  it.each([
    ['2026-04-01', 2026, 1],
    ['2026-06-30', 2026, 1],
    ['2026-07-01', 2026, 2],
    ['2026-09-30', 2026, 2],
    ['2026-10-01', 2026, 3],
    ['2026-12-31', 2026, 3],
    ['2027-01-01', 2026, 4],
    ['2027-03-31', 2026, 4],
  ] as const)('%s is fiscal %i Q%i', (d, fiscalYear, quarter) => {
    expect(fiscalQuarterOf(d)).toEqual({ fiscalYear, quarter });
  });

  it('quarter ranges tile the fiscal year with no gap', () => {
    const ranges = ([1, 2, 3, 4] as const).map((quarter) =>
      fiscalQuarterRange({ fiscalYear: 2026, quarter }),
    );
    expect(ranges).toEqual([
      { from: '2026-04-01', to: '2026-06-30' },
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-03-31' },
    ]);
    expect(fiscalYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('labels a quarter as the ministry writes it', () => {
    expect(fiscalQuarterLabel({ fiscalYear: 2026, quarter: 3 })).toBe('2026–27 Q3');
    expect(fiscalQuarterLabel({ fiscalYear: 2099, quarter: 1 })).toBe('2099–00 Q1');
  });
});
