/**
 * The business-day calendar used by service standards ("first contact within 2 business days of
 * receiving the referral"): weekends, Ontario's ESA public holidays, their substitute days, and
 * the closure days each Service System Manager configures (Civic Holiday, Easter Monday, a
 * holiday-season closure…). Pure: no I/O, no clock, no machine time zone.
 */
import {
  dayNumberFromYmd,
  dayOfWeekOfDayNumber,
  fromDayNumber,
  type IsoDate,
  isoDateFromYmd,
  tryParseYmd,
  ymdFromDayNumber,
  ymdOf,
} from './iso-date.js';
import {
  ontarioStatutoryHolidays,
  ontarioSubstituteHolidays,
  type StatutoryHolidayId,
} from './ontario-holidays.js';

/** A day the SSM's offices are closed although it is not an ESA public holiday. */
export interface Closure {
  /** 'YYYY-MM-DD'; a plain string because it usually comes from configuration. Validated on creation. */
  date: string;
  nameEn: string;
  nameFr: string;
}

export type HolidayKind = 'statutory' | 'substitute' | 'closure';

/** A non-business day other than an ordinary weekend, as listed by {@link BusinessCalendar.holidaysIn}. */
export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
  /** Ready to display: "Christmas Day", "Christmas Day (observed)", or the closure's own name. */
  nameEn: string;
  nameFr: string;
  /** Which ESA holiday, for 'statutory' and 'substitute'. */
  statutoryId?: StatutoryHolidayId;
  /** For 'substitute': the weekend date of the holiday it replaces. */
  substituteFor?: IsoDate;
}

export type NonBusinessKind = 'weekend' | 'statutory' | 'substitute' | 'closure';

export interface NonBusinessReason {
  kind: NonBusinessKind;
  nameEn: string;
  nameFr: string;
  statutoryId?: StatutoryHolidayId;
  substituteFor?: IsoDate;
}

export interface BusinessCalendarOptions {
  /** Extra closure days configured by the SSM. Duplicated dates keep the first entry. */
  closures?: readonly Closure[];
}

export interface BusinessCalendar {
  /** Monday–Friday and not a statutory holiday, substitute day or configured closure. */
  isBusinessDay(d: IsoDate): boolean;
  /**
   * Why d is not a business day, or null if it is one. When several reasons apply the most
   * specific wins: statutory > substitute > closure > weekend (Christmas on a Saturday is reported
   * as Christmas Day, not as a weekend).
   */
  nonBusinessReason(d: IsoDate): NonBusinessReason | null;
  /**
   * The date n business days after d; d itself is never counted, so a referral received on Friday
   * 2026-02-13 with a 2-business-day standard is due Wednesday 2026-02-18 (Monday is Family Day).
   * n must be an integer ≥ 0. n = 0 returns d if it is a business day, else the next business day
   * (the first day work could happen).
   */
  addBusinessDays(d: IsoDate, n: number): IsoDate;
  /**
   * The number of business days after `from` up to and including `to`; 0 when to ≤ from (never
   * negative). For n ≥ 1 and any d, businessDaysBetween(d, addBusinessDays(d, n)) === n; for n = 0
   * that also holds when d is a business day.
   */
  businessDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * Statutory holidays (including those on a weekend), substitute days and configured closures
   * falling in a calendar year, sorted by date, one entry per date (same precedence as
   * nonBusinessReason, so a closure that overlaps Christmas is listed as Christmas).
   */
  holidaysIn(year: number): readonly Holiday[];
}

interface YearInfo {
  holidays: readonly Holiday[];
  /** Keyed by day number. */
  byDayNumber: ReadonlyMap<number, Holiday>;
  /** Sorted day numbers of the Monday–Friday holidays: what the fast count in businessDaysBetween subtracts. */
  weekdayHolidays: Int32Array;
}

const KIND_RANK: Record<HolidayKind, number> = { statutory: 0, substitute: 1, closure: 2 };

const WEEKEND_REASONS: Readonly<Record<0 | 6, NonBusinessReason>> = {
  0: Object.freeze({ kind: 'weekend', nameEn: 'Sunday', nameFr: 'dimanche' }),
  6: Object.freeze({ kind: 'weekend', nameEn: 'Saturday', nameFr: 'samedi' }),
};

function isWeekendDow(dow: number): boolean {
  return dow === 0 || dow === 6;
}

/** Weekdays (Mon–Fri) with day number < dn, counted from Monday 1970-01-05 (day number 4); may be negative. */
function weekdaysBefore(dn: number): number {
  const k = dn - 4;
  const weeks = Math.floor(k / 7);
  const rem = k - weeks * 7;
  return weeks * 5 + Math.min(rem, 5);
}

/** Count of sorted values v with lo ≤ v ≤ hi. */
function countInRange(sorted: Int32Array, lo: number, hi: number): number {
  return lowerBound(sorted, hi + 1) - lowerBound(sorted, lo);
}

function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Expands an inclusive date range into one closure per day, e.g. a Dec 24 – Jan 2 holiday-season closure. */
export function closureRange(from: IsoDate, to: IsoDate, nameEn: string, nameFr: string): Closure[] {
  const a = ymdOf(from);
  const b = ymdOf(to);
  const start = dayNumberFromYmd(a.year, a.month, a.day);
  const end = dayNumberFromYmd(b.year, b.month, b.day);
  const out: Closure[] = [];
  for (let dn = start; dn <= end; dn++) out.push({ date: fromDayNumber(dn), nameEn, nameFr });
  return out;
}

export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  // Closures grouped by year and keyed by day number; validated once, here.
  const closuresByYear = new Map<number, Map<number, Holiday>>();
  for (const c of options.closures ?? []) {
    const ymd = tryParseYmd(c.date);
    if (ymd === null)
      throw new RangeError(`Closure date is not a valid YYYY-MM-DD date: ${JSON.stringify(c.date)}`);
    let forYear = closuresByYear.get(ymd.year);
    if (forYear === undefined) {
      forYear = new Map();
      closuresByYear.set(ymd.year, forYear);
    }
    const dn = dayNumberFromYmd(ymd.year, ymd.month, ymd.day);
    if (!forYear.has(dn)) {
      forYear.set(
        dn,
        Object.freeze({
          date: isoDateFromYmd(ymd.year, ymd.month, ymd.day),
          kind: 'closure',
          nameEn: c.nameEn,
          nameFr: c.nameFr,
        }),
      );
    }
  }

  // Per-year cache: later code calls this in loops over every client, so each year is built once.
  const years = new Map<number, YearInfo>();

  function yearInfo(year: number): YearInfo {
    const cached = years.get(year);
    if (cached) return cached;
    const byDayNumber = new Map<number, Holiday>();
    const add = (dn: number, h: Holiday): void => {
      const existing = byDayNumber.get(dn);
      if (existing === undefined || KIND_RANK[h.kind] < KIND_RANK[existing.kind]) byDayNumber.set(dn, h);
    };
    const dnOf = (d: IsoDate): number => {
      const { year: y, month, day } = ymdOf(d);
      return dayNumberFromYmd(y, month, day);
    };
    for (const s of ontarioStatutoryHolidays(year)) {
      add(
        dnOf(s.date),
        Object.freeze({
          date: s.date,
          kind: 'statutory',
          nameEn: s.nameEn,
          nameFr: s.nameFr,
          statutoryId: s.id,
        }),
      );
    }
    for (const s of ontarioSubstituteHolidays(year)) {
      add(
        dnOf(s.date),
        Object.freeze({
          date: s.date,
          kind: 'substitute',
          nameEn: s.nameEn,
          nameFr: s.nameFr,
          statutoryId: s.id,
          substituteFor: s.substituteFor,
        }),
      );
    }
    for (const [dn, h] of closuresByYear.get(year) ?? []) add(dn, h);

    const dayNumbers = [...byDayNumber.keys()].sort((x, y) => x - y);
    const info: YearInfo = {
      holidays: Object.freeze(dayNumbers.map((dn) => byDayNumber.get(dn) as Holiday)),
      byDayNumber,
      weekdayHolidays: Int32Array.from(dayNumbers.filter((dn) => !isWeekendDow(dayOfWeekOfDayNumber(dn)))),
    };
    years.set(year, info);
    return info;
  }

  /** Hot path: the caller already knows the year, so no civil-date conversion happens here. */
  function isBusinessDn(dn: number, year: number): boolean {
    if (isWeekendDow(dayOfWeekOfDayNumber(dn))) return false;
    return !yearInfo(year).byDayNumber.has(dn);
  }

  /** Walks forward from day number dn (in `year`) to the first business day at or after it. */
  function firstBusinessDayFrom(dn: number, year: number): { dn: number; year: number } {
    let y = year;
    let yearEnd = dayNumberFromYmd(y, 12, 31);
    let d = dn;
    while (!isBusinessDn(d, y)) {
      d++;
      if (d > yearEnd) {
        y++;
        yearEnd = dayNumberFromYmd(y, 12, 31);
      }
    }
    return { dn: d, year: y };
  }

  return {
    isBusinessDay(d) {
      const { year, month, day } = ymdOf(d);
      return isBusinessDn(dayNumberFromYmd(year, month, day), year);
    },

    nonBusinessReason(d) {
      const { year, month, day } = ymdOf(d);
      const dn = dayNumberFromYmd(year, month, day);
      const h = yearInfo(year).byDayNumber.get(dn);
      if (h !== undefined) {
        const reason: NonBusinessReason = { kind: h.kind, nameEn: h.nameEn, nameFr: h.nameFr };
        if (h.statutoryId !== undefined) reason.statutoryId = h.statutoryId;
        if (h.substituteFor !== undefined) reason.substituteFor = h.substituteFor;
        return reason;
      }
      const dow = dayOfWeekOfDayNumber(dn);
      return dow === 0 || dow === 6 ? { ...WEEKEND_REASONS[dow] } : null;
    },

    addBusinessDays(d, n) {
      if (!Number.isInteger(n) || n < 0)
        throw new RangeError(`addBusinessDays: n must be an integer ≥ 0, got ${n}`);
      const { year, month, day } = ymdOf(d);
      let cur = { dn: dayNumberFromYmd(year, month, day), year };
      if (n === 0) return fromDayNumber(firstBusinessDayFrom(cur.dn, cur.year).dn);
      for (let i = 0; i < n; i++) {
        const next = cur.dn + 1;
        const nextYear = next > dayNumberFromYmd(cur.year, 12, 31) ? cur.year + 1 : cur.year;
        cur = firstBusinessDayFrom(next, nextYear);
      }
      return fromDayNumber(cur.dn);
    },

    businessDaysBetween(from, to) {
      const a = ymdOf(from);
      const b = ymdOf(to);
      const lo = dayNumberFromYmd(a.year, a.month, a.day) + 1; // `from` itself is not counted
      const hi = dayNumberFromYmd(b.year, b.month, b.day);
      if (hi < lo) return 0;
      // Arithmetic weekday count, minus the weekday holidays in range: O(years), not O(days).
      let count = weekdaysBefore(hi + 1) - weekdaysBefore(lo);
      const firstYear = ymdFromDayNumber(lo).year;
      for (let y = firstYear; y <= b.year; y++) count -= countInRange(yearInfo(y).weekdayHolidays, lo, hi);
      return count;
    },

    holidaysIn(year) {
      if (!Number.isInteger(year) || year < 1 || year > 9999)
        throw new RangeError(`Unsupported year: ${year}`);
      return yearInfo(year).holidays;
    },
  };
}
