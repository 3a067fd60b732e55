/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), with arithmetic that never touches the machine's
 * time zone. Service-standard clocks in Ontario are counted in Ontario calendar days, so every
 * date here is a plain civil date; internally we work on integer day numbers (days since
 * 1970-01-01) computed from Y/M/D with pure integer arithmetic, never on local-time `Date`s.
 */

/**
 * A calendar date in Ontario, 'YYYY-MM-DD' (years 0001–9999). A plain string alias so values from
 * the database and validated request bodies can be passed straight in; every function of this
 * module checks the format at run time and throws a RangeError on anything else (use
 * {@link isIsoDate}/{@link parseIsoDate} at the boundary to turn that into a 400 instead).
 */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface YearMonthDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const DIGIT_0 = 48;

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - DIGIT_0;
  return c >= 0 && c <= 9 ? c : -1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/**
 * Parses strictly: exactly 'YYYY-MM-DD', a real date (so '2027-02-29' is rejected), year ≥ 1.
 * Returns null instead of throwing; hand-rolled rather than a regex because it sits in hot loops.
 */
export function tryParseYmd(s: string): YearMonthDay | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = digitAt(s, i);
    if (c < 0) return null;
    year = year * 10 + c;
  }
  const m1 = digitAt(s, 5);
  const m2 = digitAt(s, 6);
  const d1 = digitAt(s, 8);
  const d2 = digitAt(s, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return null;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Type guard for untrusted strings. */
export function isIsoDate(s: string): s is IsoDate {
  return tryParseYmd(s) !== null;
}

/** Validates a string from outside (database, API, configuration) as an {@link IsoDate}. */
export function parseIsoDate(s: string): IsoDate {
  if (!isIsoDate(s))
    throw new RangeError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(s)}`);
  return s;
}

/** Like {@link tryParseYmd} but throws a RangeError; used on every public entry point. */
export function ymdOf(d: IsoDate): YearMonthDay {
  const ymd = tryParseYmd(d);
  if (ymd === null)
    throw new RangeError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(d)}`);
  return ymd;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats Y/M/D as an IsoDate. Throws if the result would not be a valid date. */
export function isoDateFromYmd(year: number, month: number, day: number): IsoDate {
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 1 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new RangeError(`Not a valid calendar date: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Days since 1970-01-01 for a proleptic-Gregorian civil date (Howard Hinnant's `days_from_civil`).
 * Pure integer arithmetic: no `Date`, so no time zone and no DST can leak in.
 */
export function dayNumberFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumberFromYmd} (Hinnant's `civil_from_days`). */
export function ymdFromDayNumber(dn: number): YearMonthDay {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number (days since 1970-01-01) of an IsoDate. */
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = ymdOf(d);
  return dayNumberFromYmd(year, month, day);
}

/** IsoDate of a day number (days since 1970-01-01). */
export function fromDayNumber(dn: number): IsoDate {
  const { year, month, day } = ymdFromDayNumber(dn);
  return isoDateFromYmd(year, month, day);
}

/** Day of week of a day number; 1970-01-01 was a Thursday. */
export function dayOfWeekOfDayNumber(dn: number): DayOfWeek {
  return ((((dn + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): DayOfWeek {
  return dayOfWeekOfDayNumber(toDayNumber(d));
}

export function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/** The date n calendar days after d (n may be negative); for calendar-day clocks such as 120 days. */
export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/**
 * Signed number of calendar days from a to b: positive when b is after a, 0 when equal, negative
 * when b is before a. Consistent with {@link addCalendarDays}: calendarDaysBetween(d, addCalendarDays(d, n)) === n.
 */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Compares two IsoDates (they sort lexicographically because the format is fixed-width). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One shared formatter: constructing Intl.DateTimeFormat is expensive. 'en-CA' with 2-digit parts
 * is stable, but we read the parts rather than relying on the formatted string's layout.
 */
let torontoFormatter: Intl.DateTimeFormat | undefined;

/**
 * The America/Toronto calendar date of an instant, whatever the machine's time zone: a referral
 * received at 2026-03-02T03:30Z was received on 2026-03-01 in Ontario (EST, UTC−5), and that is
 * the date the service-standard clock starts from.
 */
export function torontoDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('torontoDate: invalid Date');
  torontoFormatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  let year = NaN;
  let month = NaN;
  let day = NaN;
  let era: string | undefined;
  for (const part of torontoFormatter.formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'era') era = part.value;
  }
  if (era !== undefined)
    throw new RangeError(`torontoDate: instant outside supported years: ${instant.toISOString()}`);
  return isoDateFromYmd(year, month, day);
}
