/**
 * The words of contacting a client, apart from the clocks in contact-standards.ts so the web can
 * import them without the holiday calendar behind those clocks.
 */

/** What came of an attempt to reach the client (P8 counts attempts, whatever their result). */
export const CONTACT_RESULTS = [
  'reached',
  'no_answer',
  'left_message',
  'wrong_number',
  'undeliverable',
  'other',
] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** P8/P9: an appointment is offered in person or virtually. */
export const APPOINTMENT_MODES = ['in_person', 'virtual'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** Where the P7 first-contact clock stands today. */
export const CLOCK_STATES = ['met', 'on_time', 'due_today', 'overdue'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
