/**
 * What the SSM's provider directory records about a site (P5): hours, languages, the specialized
 * populations it serves (N4) and its accessibility. Plain data and its validation rules.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday as "HH:MM" pairs; an absent or empty day is closed. */
export type WeeklyHours = Partial<Record<Weekday, { opens: string; closes: string }[]>>;

/** Languages of service a site may offer, as ISO 639-1 codes (plus "asl"/"lsq" sign languages). */
export const SERVICE_LANGUAGES = [
  'en',
  'fr',
  'ar',
  'zh',
  'es',
  'pt',
  'pa',
  'ur',
  'tl',
  'vi',
  'so',
  'ti',
  'uk',
  'ru',
  'fa',
  'hi',
  'it',
  'de',
  'pl',
  'ko',
  'ta',
  'oj',
  'cr',
  'asl',
  'lsq',
] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

export const ACCESSIBILITY_FEATURES = [
  'step_free_entrance',
  'accessible_washroom',
  'elevator',
  'accessible_parking',
  'hearing_loop',
  'sign_language_on_request',
  'screen_reader_workstation',
  'quiet_room',
  'near_public_transit',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems with a week of hours, by weekday; empty when the hours make sense. */
export function weeklyHoursProblems(hours: WeeklyHours): string[] {
  const problems: string[] = [];
  for (const day of WEEKDAYS) {
    const spans = hours[day] ?? [];
    let lastClose = '';
    for (const span of spans) {
      if (!HHMM.test(span.opens) || !HHMM.test(span.closes)) {
        problems.push(`${day}: times must be HH:MM`);
      } else if (span.opens >= span.closes) {
        problems.push(`${day}: opens ${span.opens} must be before closes ${span.closes}`);
      } else if (lastClose && span.opens < lastClose) {
        problems.push(`${day}: opening spans overlap`);
      }
      lastClose = span.closes;
    }
  }
  return problems;
}

/** Service after 18:00 or on a weekend: what a client with childcare or work hours needs (P4 barriers). */
export const EXTENDED_HOURS_AFTER = '18:00';

export function hasExtendedHours(hours: WeeklyHours): boolean {
  return (
    WEEKDAYS.some((day) => (hours[day] ?? []).some((span) => span.closes > EXTENDED_HOURS_AFTER)) ||
    (hours.sat ?? []).length > 0 ||
    (hours.sun ?? []).length > 0
  );
}
