/**
 * The Ontario government fiscal year, 1 April to 31 March (F3), and its quarters (K6: quarterly
 * financial reporting of PBF and ERFS). A fiscal year is named by the calendar year it starts in:
 * fiscal 2026 is 1 April 2026 – 31 March 2027, shown as "2026–27". Q1 is April–June, Q2 July–
 * September, Q3 October–December, Q4 January–March.
 *
 * Zone-free (imports `iso-date` only), so the web may use it.
 */
import { daysInMonth, isoDateFromYmd, ymdOf, type IsoDate } from './iso-date.js';

export type FiscalQuarterNumber = 1 | 2 | 3 | 4;

export interface FiscalQuarter {
  /** The calendar year the fiscal year starts in. */
  fiscalYear: number;
  quarter: FiscalQuarterNumber;
}

export function fiscalYearOf(d: IsoDate): number {
  const { year, month } = ymdOf(d);
  return month >= 4 ? year : year - 1;
}

export function fiscalQuarterOf(d: IsoDate): FiscalQuarter {
  const { month } = ymdOf(d);
  // April → 1 … March → 4: months counted from April, three to a quarter.
  const quarter = (Math.floor(((month + 8) % 12) / 3) + 1) as FiscalQuarterNumber;
  return { fiscalYear: fiscalYearOf(d), quarter };
}

/** First and last day (inclusive) of a fiscal quarter. */
export function fiscalQuarterRange(q: FiscalQuarter): { from: IsoDate; to: IsoDate } {
  const startMonth = 4 + (q.quarter - 1) * 3; // 4, 7, 10, 13
  const year = q.fiscalYear + (startMonth > 12 ? 1 : 0);
  const month = ((startMonth - 1) % 12) + 1;
  const endMonth = month + 2;
  return {
    from: isoDateFromYmd(year, month, 1),
    to: isoDateFromYmd(year, endMonth, daysInMonth(year, endMonth)),
  };
}

/** First and last day (inclusive) of a fiscal year. */
export function fiscalYearRange(fiscalYear: number): { from: IsoDate; to: IsoDate } {
  return { from: isoDateFromYmd(fiscalYear, 4, 1), to: isoDateFromYmd(fiscalYear + 1, 3, 31) };
}

/** "2026–27 Q3" (an en dash, as the ministry writes fiscal years). */
export function fiscalQuarterLabel(q: FiscalQuarter): string {
  return `${q.fiscalYear}–${String((q.fiscalYear + 1) % 100).padStart(2, '0')} Q${q.quarter}`;
}
