/**
 * Ontario public holidays under the Employment Standards Act, 2000 (s. 1(1), "public holiday"),
 * and the substitute days that follow from them.
 *
 * The dates are taken from the `date-holidays` package, but only after checking them against the
 * Act: for CA-ON the package also lists days that are not statutory in Ontario (Easter Monday is
 * even typed "public" there; Civic Holiday and Remembrance Day are "optional"; St. Patrick's Day
 * etc. are observances). So we compute each of the nine rules ourselves and keep a package entry
 * only when it is a public holiday falling on the date the Act's rule gives. When the package has
 * no such entry we use our own computation, and {@link checkDateHolidaysAgainstAct} reports every
 * difference so the unit tests fail loudly instead of the calendar silently drifting.
 */
import Holidays from 'date-holidays';
import {
  dayNumberFromYmd,
  dayOfWeekOfDayNumber,
  fromDayNumber,
  isoDateFromYmd,
  type IsoDate,
  toDayNumber,
  ymdFromDayNumber,
} from './iso-date.js';

export type StatutoryHolidayId =
  | 'new-years-day'
  | 'family-day'
  | 'good-friday'
  | 'victoria-day'
  | 'canada-day'
  | 'labour-day'
  | 'thanksgiving-day'
  | 'christmas-day'
  | 'boxing-day';

/** One of the nine ESA public holidays, on its actual date (which may be a weekend). */
export interface StatutoryHoliday {
  id: StatutoryHolidayId;
  date: IsoDate;
  nameEn: string;
  nameFr: string;
}

/**
 * The weekday that stands in for a statutory holiday falling on a Saturday or Sunday; offices are
 * closed on it, so it is not a business day.
 */
export interface SubstituteHoliday {
  id: StatutoryHolidayId;
  date: IsoDate;
  /** The weekend date of the holiday it replaces. */
  substituteFor: IsoDate;
  /** e.g. "Christmas Day (observed)". */
  nameEn: string;
  /** e.g. "Noël (jour férié substitut)". */
  nameFr: string;
}

/** Suffixes for substitute days, for the UI: "Christmas Day (observed)". */
export const OBSERVED_SUFFIX_EN = ' (observed)';
export const OBSERVED_SUFFIX_FR = ' (jour férié substitut)';

/** Family Day was proclaimed a public holiday starting in 2008 (first observed 2008-02-18). */
export const FAMILY_DAY_FIRST_YEAR = 2008;

interface MonthDay {
  month: number;
  day: number;
}

interface StatutoryRule {
  id: StatutoryHolidayId;
  nameEn: string;
  nameFr: string;
  /** English names `date-holidays` uses for this holiday (only for the cross-check's name test). */
  packageNames: readonly string[];
  firstYear?: number;
  /** The Act's rule for the date in a given year. */
  date(year: number): MonthDay;
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): MonthDay {
  const firstDow = dayOfWeekOfDayNumber(dayNumberFromYmd(year, month, 1));
  const day = 1 + ((weekday - firstDow + 7) % 7) + (n - 1) * 7;
  return { month, day };
}

/** The last Monday strictly before month/day (Victoria Day: "the Monday before May 25"). */
function mondayBefore(year: number, month: number, day: number): MonthDay {
  const dn = dayNumberFromYmd(year, month, day);
  const dow = dayOfWeekOfDayNumber(dn);
  const back = (dow - 1 + 7) % 7 || 7; // a Monday May 25 still means the 18th
  const ymd = ymdFromDayNumber(dn - back);
  return { month: ymd.month, day: ymd.day };
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateFromYmd(year, month, day);
}

const MONDAY = 1;

/** The nine ESA public holidays, in calendar order. */
const STATUTORY_RULES: readonly StatutoryRule[] = [
  {
    id: 'new-years-day',
    nameEn: "New Year's Day",
    nameFr: "Jour de l'An",
    packageNames: ["New Year's Day"],
    date: () => ({ month: 1, day: 1 }),
  },
  {
    id: 'family-day',
    nameEn: 'Family Day',
    nameFr: 'Jour de la Famille',
    packageNames: ['Family Day'],
    firstYear: FAMILY_DAY_FIRST_YEAR,
    date: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3),
  },
  {
    id: 'good-friday',
    nameEn: 'Good Friday',
    nameFr: 'Vendredi saint',
    packageNames: ['Good Friday'],
    date: (y) => {
      const g = ymdFromDayNumber(toDayNumber(easterSunday(y)) - 2);
      return { month: g.month, day: g.day };
    },
  },
  {
    id: 'victoria-day',
    nameEn: 'Victoria Day',
    nameFr: 'Fête de Victoria',
    packageNames: ['Victoria Day'],
    date: (y) => mondayBefore(y, 5, 25),
  },
  {
    id: 'canada-day',
    nameEn: 'Canada Day',
    nameFr: 'Fête du Canada',
    packageNames: ['Canada Day'],
    date: () => ({ month: 7, day: 1 }),
  },
  {
    id: 'labour-day',
    nameEn: 'Labour Day',
    nameFr: 'Fête du Travail',
    packageNames: ['Labour Day'],
    date: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1),
  },
  {
    id: 'thanksgiving-day',
    nameEn: 'Thanksgiving Day',
    nameFr: 'Action de grâce',
    packageNames: ['Thanksgiving', 'Thanksgiving Day'],
    date: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2),
  },
  {
    id: 'christmas-day',
    nameEn: 'Christmas Day',
    nameFr: 'Noël',
    packageNames: ['Christmas Day', 'Christmas'],
    date: () => ({ month: 12, day: 25 }),
  },
  {
    id: 'boxing-day',
    nameEn: 'Boxing Day',
    nameFr: 'Lendemain de Noël',
    packageNames: ['Boxing Day'],
    date: () => ({ month: 12, day: 26 }),
  },
];

/** The ids of the nine ESA public holidays, in calendar order. */
export const STATUTORY_HOLIDAY_IDS: readonly StatutoryHolidayId[] = STATUTORY_RULES.map((r) => r.id);

function rulesFor(year: number): StatutoryRule[] {
  return STATUTORY_RULES.filter((r) => r.firstYear === undefined || year >= r.firstYear);
}

function computedDate(rule: StatutoryRule, year: number): IsoDate {
  const { month, day } = rule.date(year);
  return isoDateFromYmd(year, month, day);
}

/** A holiday as `date-holidays` lists it for CA-ON, reduced to what we need. */
export interface PackageHoliday {
  date: IsoDate;
  name: string;
  type: string;
}

/** Created lazily: loading the country rules costs a few milliseconds we need not pay at import. */
let ontarioPackage: Holidays | undefined;

/**
 * Every holiday `date-holidays` lists for CA-ON in a year (English names), unfiltered. The `date`
 * field is the package's own civil-date string ("2026-12-25 00:00:00"), so the machine's time zone
 * plays no part; `start`/`end` (instants) are deliberately ignored.
 */
export function dateHolidaysOntario(year: number): PackageHoliday[] {
  ontarioPackage ??= new Holidays('CA', 'ON');
  return ontarioPackage.getHolidays(year, 'en').map((h) => ({
    date: h.date.slice(0, 10),
    name: h.name,
    type: h.type,
  }));
}

const statutoryCache = new Map<number, readonly StatutoryHoliday[]>();

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Unsupported year: ${year}`);
}

/**
 * The ESA public holidays of a year (nine from 2008, eight before Family Day existed), sorted, on
 * their actual dates — including those that fall on a weekend. Cached per year.
 */
export function ontarioStatutoryHolidays(year: number): readonly StatutoryHoliday[] {
  assertYear(year);
  const cached = statutoryCache.get(year);
  if (cached) return cached;
  const packagePublic = dateHolidaysOntario(year).filter((h) => h.type === 'public');
  const result = Object.freeze(
    rulesFor(year).map((rule): StatutoryHoliday => {
      const expected = computedDate(rule, year);
      // Keep the package's public holiday on the date the Act's rule gives (this is what filters out
      // Easter Monday & co.); if the package has none, use the rule itself. So the result never
      // differs from the Act; checkDateHolidaysAgainstAct reports any disagreement for the tests.
      const fromPackage = packagePublic.find((h) => h.date === expected);
      const date = fromPackage?.date ?? expected;
      return Object.freeze({ id: rule.id, date, nameEn: rule.nameEn, nameFr: rule.nameFr });
    }),
  );
  statutoryCache.set(year, result);
  return result;
}

export type PackageDiscrepancy =
  | { kind: 'missing-in-package'; id: StatutoryHolidayId; expected: IsoDate }
  | { kind: 'not-public-in-package'; id: StatutoryHolidayId; expected: IsoDate; packageType: string }
  | { kind: 'date-differs'; id: StatutoryHolidayId; expected: IsoDate; packageDate: IsoDate };

/**
 * Compares `date-holidays` with our computation of the Act's nine rules for one year. An empty
 * array means the package agrees on every statutory holiday. The unit tests run this over many
 * years, so a package upgrade that moves or drops a holiday fails the build rather than quietly
 * changing deadlines. Days the package lists beyond the nine are not discrepancies: they are
 * simply not statutory (see {@link nonStatutoryPackageHolidays}).
 */
export function checkDateHolidaysAgainstAct(year: number): PackageDiscrepancy[] {
  assertYear(year);
  const pkg = dateHolidaysOntario(year);
  const problems: PackageDiscrepancy[] = [];
  for (const rule of rulesFor(year)) {
    const expected = computedDate(rule, year);
    const named = pkg.filter((h) => rule.packageNames.includes(h.name));
    const onDate = named.find((h) => h.date === expected);
    if (onDate === undefined) {
      const elsewhere = named[0];
      problems.push(
        elsewhere === undefined
          ? { kind: 'missing-in-package', id: rule.id, expected }
          : { kind: 'date-differs', id: rule.id, expected, packageDate: elsewhere.date },
      );
    } else if (onDate.type !== 'public') {
      problems.push({ kind: 'not-public-in-package', id: rule.id, expected, packageType: onDate.type });
    }
  }
  return problems;
}

/** What `date-holidays` lists for CA-ON in a year that is NOT one of the ESA public holidays. */
export function nonStatutoryPackageHolidays(year: number): PackageHoliday[] {
  const statutory = new Set(ontarioStatutoryHolidays(year).map((h) => h.date));
  return dateHolidaysOntario(year).filter((h) => !statutory.has(h.date));
}

const substituteCache = new Map<number, readonly SubstituteHoliday[]>();

function isWeekendDn(dn: number): boolean {
  const dow = dayOfWeekOfDayNumber(dn);
  return dow === 0 || dow === 6;
}

/** Substitutes generated by one year's statutory holidays (they may in principle spill into the next year). */
function substitutesGeneratedBy(year: number): SubstituteHoliday[] {
  const holidays = ontarioStatutoryHolidays(year);
  const taken = new Set<number>();
  for (const h of holidays) taken.add(toDayNumber(h.date));
  if (year < 9999) for (const h of ontarioStatutoryHolidays(year + 1)) taken.add(toDayNumber(h.date));
  const out: SubstituteHoliday[] = [];
  // In date order, so Christmas (Sat 25) takes Monday 27 before Boxing Day (Sun 26) looks for a day.
  for (const h of holidays) {
    const dn = toDayNumber(h.date);
    if (!isWeekendDn(dn)) continue;
    let sub = dn + 1;
    while (isWeekendDn(sub) || taken.has(sub)) sub++;
    taken.add(sub);
    out.push({
      id: h.id,
      date: fromDayNumber(sub),
      substituteFor: h.date,
      nameEn: h.nameEn + OBSERVED_SUFFIX_EN,
      nameFr: h.nameFr + OBSERVED_SUFFIX_FR,
    });
  }
  return out;
}

/**
 * Substitute days falling in a year: when a public holiday falls on a Saturday or Sunday, the next
 * weekday that is neither a public holiday nor already another holiday's substitute is a day off
 * instead (Christmas on Saturday 2027-12-25 → Monday 27th; Boxing Day on Sunday 26th → Tuesday 28th).
 * Configured closures do not move substitutes: the statutory calendar is the same for every SSM.
 * Cached per year.
 */
export function ontarioSubstituteHolidays(year: number): readonly SubstituteHoliday[] {
  assertYear(year);
  const cached = substituteCache.get(year);
  if (cached) return cached;
  const prefix = `${String(year).padStart(4, '0')}-`;
  const candidates =
    year > 1
      ? [...substitutesGeneratedBy(year - 1), ...substitutesGeneratedBy(year)]
      : substitutesGeneratedBy(year);
  const result = Object.freeze(
    candidates
      .filter((s) => s.date.startsWith(prefix))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((s) => Object.freeze(s)),
  );
  substituteCache.set(year, result);
  return result;
}
