import { describe, it, expect } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  torontoDate,
} from '../../../src/domain/calendar/index.js';

// Every expected value below was worked out by hand and checked with `date -d … +%A` / `date -d "… +N days"`.

describe('ISO dates are strict YYYY-MM-DD calendar dates', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    expect(isIsoDate('2026-02-16')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects 29 February outside leap years (2027, and 2100 which is a century year)', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('rejects other shapes and impossible dates', () => {
    for (const s of [
      '2026-2-16',
      '2026-02-16T00:00',
      '20260216',
      '2026-13-01',
      '2026-04-31',
      '2026-00-10',
      '0000-01-01',
      '',
      'abcd-ef-gh',
    ]) {
      expect(isIsoDate(s), s).toBe(false);
    }
    expect(() => parseIsoDate('2026-04-31')).toThrow(RangeError);
    expect(parseIsoDate('2026-04-30')).toBe('2026-04-30');
  });

  it('knows the Gregorian leap-year rule', () => {
    expect([2024, 2027, 2028, 1900, 2000, 2100].map(isLeapYear)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('day of week (0 = Sunday) does not depend on the machine time zone', () => {
  it('matches the real calendar', () => {
    expect(dayOfWeek('2026-02-16')).toBe(1); // Monday, Family Day
    expect(dayOfWeek('2026-04-03')).toBe(5); // Friday, Good Friday
    expect(dayOfWeek('2027-12-25')).toBe(6); // Saturday
    expect(dayOfWeek('2027-12-26')).toBe(0); // Sunday
    expect(dayOfWeek('2028-02-29')).toBe(2); // Tuesday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-31')).toBe(3); // Wednesday (negative day numbers)
  });
});

describe('calendar-day clocks (e.g. 120 days) count every day', () => {
  it('adds calendar days across months: 2026-03-01 + 120 days = 2026-06-29', () => {
    expect(addCalendarDays('2026-03-01', 120)).toBe('2026-06-29');
    expect(calendarDaysBetween('2026-03-01', '2026-06-29')).toBe(120);
  });

  it('handles leap days: 2028-02-28 + 1 = 2028-02-29, but 2027-02-28 + 1 = 2027-03-01', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(calendarDaysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(calendarDaysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(calendarDaysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(calendarDaysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });

  it('crosses year ends and goes backwards with negative n', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('is signed: calendarDaysBetween(a, b) = -calendarDaysBetween(b, a), and 0 for the same day', () => {
    expect(calendarDaysBetween('2026-06-29', '2026-03-01')).toBe(-120);
    expect(calendarDaysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('is unaffected by the DST change (2026-03-08 and 2026-11-01 in Toronto are ordinary days)', () => {
    expect(calendarDaysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(calendarDaysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('round-trips: calendarDaysBetween(d, addCalendarDays(d, n)) === n over many dates', () => {
    let d = '2023-11-15';
    for (let i = 0; i < 2000; i++) {
      for (const n of [-400, -1, 0, 1, 7, 120, 365, 366]) {
        expect(calendarDaysBetween(d, addCalendarDays(d, n))).toBe(n);
      }
      d = addCalendarDays(d, 1);
    }
  });

  it('rejects a non-integer day count', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('torontoDate: the America/Toronto calendar date of an instant', () => {
  it('a referral received at 2026-03-02T03:30Z was received on 2026-03-01 in Toronto (EST, UTC-5)', () => {
    expect(torontoDate(new Date('2026-03-02T03:30:00Z'))).toBe('2026-03-01');
  });

  it('uses EST in winter: midnight Toronto is 05:00Z', () => {
    expect(torontoDate(new Date('2026-01-01T04:59:59Z'))).toBe('2025-12-31');
    expect(torontoDate(new Date('2026-01-01T05:00:00Z'))).toBe('2026-01-01');
  });

  it('uses EDT in summer: midnight Toronto is 04:00Z', () => {
    expect(torontoDate(new Date('2026-07-01T03:59:59Z'))).toBe('2026-06-30');
    expect(torontoDate(new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => torontoDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('gives the same answers whatever the process time zone is', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'UTC']) {
        process.env.TZ = tz;
        expect(torontoDate(new Date('2026-03-02T03:30:00Z')), tz).toBe('2026-03-01');
        expect(torontoDate(new Date('2026-07-01T04:00:00Z')), tz).toBe('2026-07-01');
        expect(addCalendarDays('2026-03-07', 2), tz).toBe('2026-03-09');
        expect(dayOfWeek('2026-03-08'), tz).toBe(0);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
