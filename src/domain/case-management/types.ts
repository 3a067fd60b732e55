/**
 * The words of day-to-day case management (J9, I2–I5, §12 and §16): notes, tasks, caseloads, case
 * conferences and the ICM events each side must see at once. One list per concept, shared by the
 * rules, the database enums, the API and the web.
 */

/**
 * I2: a note is either the provider's own (internal, never shown to SA) or a plan-item comment shared
 * with the client's SA caseworker. Shared notes always hang on a plan item, as §12 asks.
 */
export const NOTE_VISIBILITIES = ['internal', 'shared_with_sa'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** How a note's contact with the client happened; `null` on a note that records no contact. */
export const CONTACT_CHANNELS = ['in_person', 'phone', 'email', 'video', 'text_message'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** J9: a task's life. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** I4: case conferences may be held by any channel that suits the partners. */
export const CONFERENCE_CHANNELS = ['phone', 'email', 'in_person', 'virtual'] as const;
export type ConferenceChannel = (typeof CONFERENCE_CHANNELS)[number];

/** I4: requested, answered by another party, then decided (or withdrawn by its requester). */
export const CONFERENCE_STATUSES = ['requested', 'in_discussion', 'decided', 'withdrawn'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

export const CONFERENCE_MESSAGE_KINDS = ['request', 'reply', 'decision'] as const;
export type ConferenceMessageKind = (typeof CONFERENCE_MESSAGE_KINDS)[number];

/** Which side of ICM a participant speaks for. */
export const ICM_SIDES = ['sa', 'provider', 'ssm'] as const;
export type IcmSide = (typeof ICM_SIDES)[number];

/**
 * I4: changes each side must see at once, and plan milestones SA coordinates on (closures and early
 * exits, §12). Details hold ids and codes only, never personal data.
 */
export const ICM_EVENT_KINDS = [
  'provider_caseworker_changed',
  'sa_caseworker_changed',
  'contact_details_changed',
  'plan_activated',
  'plan_on_hold',
  'plan_resumed',
  'plan_closed',
  'conference_requested',
  'conference_decided',
  // M1/M6: the end of pre-employment services, which the SA caseworker needs at once.
  'outcome_recorded',
] as const;
export type IcmEventKind = (typeof ICM_EVENT_KINDS)[number];
