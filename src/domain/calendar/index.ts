/**
 * Business-day calendar for Ontario service standards. See business-calendar.ts for the rules.
 */
export {
  type IsoDate,
  type DayOfWeek,
  isIsoDate,
  parseIsoDate,
  addCalendarDays,
  calendarDaysBetween,
  compareIsoDates,
  dayOfWeek,
  isWeekend,
  isLeapYear,
  torontoDate,
} from './iso-date.js';
export {
  type StatutoryHolidayId,
  type StatutoryHoliday,
  type SubstituteHoliday,
  type PackageDiscrepancy,
  type PackageHoliday,
  STATUTORY_HOLIDAY_IDS,
  FAMILY_DAY_FIRST_YEAR,
  OBSERVED_SUFFIX_EN,
  OBSERVED_SUFFIX_FR,
  easterSunday,
  ontarioStatutoryHolidays,
  ontarioSubstituteHolidays,
  checkDateHolidaysAgainstAct,
  nonStatutoryPackageHolidays,
} from './ontario-holidays.js';
export {
  type Closure,
  type Holiday,
  type HolidayKind,
  type NonBusinessKind,
  type NonBusinessReason,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  closureRange,
  createBusinessCalendar,
} from './business-calendar.js';
