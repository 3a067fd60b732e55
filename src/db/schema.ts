import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ASSESSMENT_FLOWS,
  ASSESSMENT_STATUSES,
  type IdentityMethod,
  type ServiceLevel,
  REVOCATION_STATES,
} from '../domain/assessment/types.js';
import {
  CONFERENCE_STATUSES,
  ICM_EVENT_KINDS,
  NOTE_VISIBILITIES,
  TASK_STATUSES,
  type ConferenceChannel,
  type ConferenceMessageKind,
  type ContactChannel,
  type IcmSide,
} from '../domain/case-management/types.js';
import type { ScreeningResult } from '../domain/eligibility/screening.js';
import { CLOSURE_REASONS, type PlanPhase } from '../domain/plan/closure.js';
import type { TrainingProgram } from '../domain/plan/training-referrals.js';
import {
  PLAN_ITEM_OUTCOMES,
  PLAN_ITEM_STATUSES,
  PLAN_STATUSES,
  SUB_GOAL_KINDS,
  type MinimumService,
  type PlanEventKind,
  type SignatureMethod,
} from '../domain/plan/types.js';
import {
  ATTESTATION_STATES,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  EVIDENCE_KINDS,
  JOB_PERMANENCE,
  OUTCOME_KINDS,
  type EvidenceContentType,
  type SatisfactionAnswer,
} from '../domain/monitoring/types.js';
import {
  LEDGER_LINE_STATES,
  type EvidencePart,
  type FundingAgreementAmounts,
  type PbfCheckpoint,
} from '../domain/monitoring/pbf.js';
import { CHECKPOINT_KINDS } from '../domain/monitoring/schedule.js';
import type { EmployerChecklist } from '../domain/supports/employers.js';
import type { PreApprovalReason } from '../domain/supports/pre-approval.js';
import {
  EMPLOYER_SUPPORT_USES,
  EVIDENCE_KINDS as SUPPORT_EVIDENCE_KINDS,
  FUNDING_SOURCES,
  ODSP_RESERVE_USES,
  PURCHASE_FORMS,
  REQUEST_STATES,
  SELLER_KINDS,
  SITE_VISIT_MODES,
  SUPPORT_CATEGORIES,
  SUPPORT_KINDS,
  WITHHOLD_REASONS,
} from '../domain/supports/types.js';
import type { WeeklyHours } from '../domain/organizations/sites.js';
import type { SpecializedPopulationAnswers } from '../domain/people/specialized-populations.js';
import type { ReferralSource } from '../domain/referral/pathways.js';
import { REFERRAL_STATUSES } from '../domain/referral/worklist.js';

/** Encrypted payloads are raw bytes; Drizzle has no bytea helper of its own. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organizationKind = pgEnum('organization_kind', ['ssm', 'provider', 'sa_office', 'ministry']);
export const saProgram = pgEnum('sa_program', ['ow', 'odsp']);

export const catchments = pgTable('catchments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  createdAt: createdAt(),
});

export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    code: text('code').notNull(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
  },
  (t) => [uniqueIndex('regions_catchment_code').on(t.catchmentId, t.code)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    kind: organizationKind('kind').notNull(),
    /** Only for social-assistance offices: which program the office delivers. */
    saProgram: saProgram('sa_program'),
    name: text('name').notNull(),
    nameFr: text('name_fr'),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organizations_catchment_kind').on(t.catchmentId, t.kind),
    // An SA office must say which program it delivers; no other kind may.
    check('organizations_sa_program_check', sql`(${t.kind} = 'sa_office') = (${t.saProgram} IS NOT NULL)`),
  ],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    street: text('street').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    hours: jsonb('hours').$type<WeeklyHours>().notNull(),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    specializedPopulations: text('specialized_populations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accessibilityFeatures: text('accessibility_features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** New clients the site can take in a month; the referral matrix weighs caseload against it. */
    intakeCapacity: integer('intake_capacity').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sites_organization').on(t.organizationId), index('sites_region').on(t.regionId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Lower-cased; sign-in name for local accounts and the match key for a future OIDC identity. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    locale: text('locale').notNull().default('en'),
    active: boolean('active').notNull().default(true),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_organization').on(t.organizationId)],
);

/**
 * How a user proves who they are, kept apart from the user so that an OIDC identity
 * (provider = issuer, subject = sub) can be added beside or instead of a password without touching
 * roles or authorization.
 */
export const userCredentials = pgTable(
  'user_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    passwordHash: text('password_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('user_credentials_provider_subject').on(t.provider, t.subject),
    uniqueIndex('user_credentials_user_provider').on(t.userId, t.provider),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen database does not yield usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/** Business-day calendar: closure days the SSM adds on top of the statutory holidays. */
export const closureDays = pgTable(
  'closure_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    date: date('date', { mode: 'string' }).notNull(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('closure_days_catchment_date').on(t.catchmentId, t.date)],
);

/**
 * A person served by the network. Names and date of birth stay searchable (C1 search by name and
 * date of birth); every other personal field is encrypted with the person's own data key
 * (client_data_keys) so that destroying that key makes them unrecoverable (C3 revocation).
 */
/** Feeds the short client reference (PW-0000001) staff read out on the phone. */
export const clientReferenceSeq = pgSequence('client_reference_seq', { startWith: 1 });

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short reference staff can read out on the phone; not personal data. */
    reference: text('reference').notNull().unique(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    legalGivenName: text('legal_given_name').notNull(),
    legalFamilyName: text('legal_family_name').notNull(),
    preferredName: text('preferred_name'),
    /** Lower-cased, accent-free names for prefix search (C1); see domain/people/matching.ts. */
    familyNameKey: text('family_name_key').notNull(),
    givenNameKey: text('given_name_key').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    /** HMAC-SHA256 of the SIN under the blind-index key (E2: the SIN is the unique identifier). */
    sinIndex: text('sin_index'),
    sinEncrypted: bytea('sin_encrypted'),
    /** A 900-series SIN: temporary residents (E2, E4). */
    sinTemporary: boolean('sin_temporary').notNull().default(false),
    /** Address, phone and email, encrypted together as JSON with the person's data key. */
    contactEncrypted: bytea('contact_encrypted'),
    preferredContactMethod: text('preferred_contact_method'),
    preferredContactTime: text('preferred_contact_time'),
    language: text('language').notNull().default('en'),
    languageOther: text('language_other'),
    specializedPopulations: jsonb('specialized_populations').$type<SpecializedPopulationAnswers>().notNull(),
    saProgram: saProgram('sa_program'),
    samsMemberId: text('sams_member_id'),
    saOfficeId: uuid('sa_office_id').references(() => organizations.id),
    saCaseworkerId: uuid('sa_caseworker_id').references(() => users.id),
    regionId: uuid('region_id').references(() => regions.id),
    /**
     * E7/F7: a status-quo client, whose legacy service plan was active on 1 January 2024 and goes on
     * outside IES (no EAP here). Set when legacy clients are loaded; decides the F7 window for ERFS.
     */
    statusQuo: boolean('status_quo').notNull().default(false),
    createdByOrganizationId: uuid('created_by_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Set when consent is revoked and the person's data has been made unrecoverable. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clients_sin_index').on(t.sinIndex),
    index('clients_catchment_family_name').on(t.catchmentId, t.familyNameKey.op('text_pattern_ops')),
    index('clients_catchment_given_name').on(t.catchmentId, t.givenNameKey.op('text_pattern_ops')),
    index('clients_catchment_dob').on(t.catchmentId, t.dateOfBirth),
    index('clients_sams_member').on(t.samsMemberId),
  ],
);

/** One data key per person, wrapped with the master key. Deleting the row crypto-shreds the person. */
export const clientDataKeys = pgTable('client_data_keys', {
  clientId: uuid('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: createdAt(),
});

/**
 * Which organizations (and, for social assistance, which caseworkers) may see a client. The
 * authorization policy reads only this table to scope client queries for non-SSM staff.
 */
export const clientShares = pgTable(
  'client_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Set for SA shares made to one caseworker; null shares with the whole organization. */
    userId: uuid('user_id').references(() => users.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('client_shares_org_client').on(t.organizationId, t.clientId),
    index('client_shares_client').on(t.clientId),
  ],
);

/**
 * Append-only, hash-chained audit trail. Entries hold ids only, never personal data. The database
 * refuses UPDATE and DELETE (trigger in the migrations); the chain makes any bypass detectable.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganizationId: uuid('actor_organization_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    clientId: uuid('client_id'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_client').on(t.clientId, t.seq), index('audit_log_actor').on(t.actorUserId)],
);

/** Single row holding the chain's head; locking it serializes appends so the chain never forks. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const referralPathway = pgEnum('referral_pathway', [
  'social_assistance',
  'direct_to_ssm',
  'self_referral',
]);
export const referralStatus = pgEnum('referral_status', REFERRAL_STATUSES);

/** What the client needs that the referral matrix weighs (P4), as recorded on the referral. */
export interface ReferralBarriers {
  transportation: boolean;
  childcare: boolean;
  /** A language of service other than English, if the client needs one. */
  language: string | null;
  /** Site features the client needs (AccessibilityFeature); rows written before it have none. */
  accessibility?: string[];
}

/**
 * The screening tool's answers and result (E1–E6) for a referral made directly to SSM intake
 * (P2 pathway 2). The answers stay with the referral; the API shows only the result.
 */
export interface ReferralScreening {
  /**
   * The answers (date of birth, status in Canada, work permit …) as JSON sealed with the client's
   * data key, base64: personal data kept for the record, never shown, gone with the key (C3).
   */
  answersSealed: string;
  result: ScreeningResult;
  screenedAt: string;
  screenedByUserId: string;
}

/**
 * A referral into employment services (P1): from social assistance or a named source to SSM intake,
 * or a walk-in to a provider. It keeps who referred, what the client asked for, where it went and
 * why (P6), and a timeline in referral_events.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    pathway: referralPathway('pathway').notNull(),
    source: text('source').$type<ReferralSource>().notNull(),
    referringOrganizationId: uuid('referring_organization_id').references(() => organizations.id),
    referringUserId: uuid('referring_user_id').references(() => users.id),
    clientChoiceOrganizationId: uuid('client_choice_organization_id').references(() => organizations.id),
    warmReferral: boolean('warm_referral').notNull().default(false),
    barriers: jsonb('barriers').$type<ReferralBarriers>().notNull(),
    /** P2 pathway 2: the screening done by SSM intake; null for other pathways and until screened. */
    screening: jsonb('screening').$type<ReferralScreening>(),
    /** Free-text notes may hold personal details: sealed with the client's data key. */
    notesEncrypted: bytea('notes_encrypted'),
    status: referralStatus('status').notNull(),
    /** A walk-in whose client is already served elsewhere goes to SSM intake to be redirected (P2). */
    redirectRequested: boolean('redirect_requested').notNull().default(false),
    /** The source's own id for the person, e.g. the TRF list's trf_id: a person is not added twice. */
    sourceReference: text('source_reference'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    assignedOrganizationId: uuid('assigned_organization_id').references(() => organizations.id),
    assignedSiteId: uuid('assigned_site_id').references(() => sites.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id),
    /** The matrix's ranking of the chosen provider at assignment: the answer to "why us?" (P6). */
    assignmentExplanation: jsonb('assignment_explanation').$type<unknown>(),
    overrideReason: text('override_reason'),
    /** P8: for SA clients, the SA caseworker is contacted before a client is called non-responsive. */
    saCaseworkerContactedAt: timestamp('sa_caseworker_contacted_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    /** The provider's account of its efforts, and the SSM's decision note: sealed like other notes. */
    returnNoteEncrypted: bytea('return_note_encrypted'),
    decisionNoteEncrypted: bytea('decision_note_encrypted'),
    /** P10: the SSM's course after a return: return to SA, a case conference, or forward. */
    ssmDecision: text('ssm_decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** SSM intake closed the referral without a provider (screened out, withdrawn, duplicate …). */
    closeReason: text('close_reason'),
    closeNoteEncrypted: bytea('close_note_encrypted'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** C6: the in-progress Common Assessment an SA caseworker referred with this referral. */
    assessmentId: uuid('assessment_id').references((): AnyPgColumn => assessments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('referrals_assessment').on(t.assessmentId),
    index('referrals_catchment_status').on(t.catchmentId, t.status, t.receivedAt),
    index('referrals_assigned_org').on(t.assignedOrganizationId, t.status),
    index('referrals_client').on(t.clientId),
    uniqueIndex('referrals_source_reference')
      .on(t.catchmentId, t.source, t.sourceReference)
      .where(sql`${t.sourceReference} is not null`),
  ],
);

export const referralReferenceSeq = pgSequence('referral_reference_seq', { startWith: 1 });

/** The referral's timeline: every step, who took it and when. Details hold ids and codes only. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganizationId: uuid('actor_organization_id').references(() => organizations.id),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    /** Insertion order: breaks ties between events written in one step at the same instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('referral_events_referral').on(t.referralId, t.at)],
);

/** P7/P8: each attempt a provider makes to reach a referred client. */
export const referralContactAttempts = pgTable(
  'referral_contact_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    method: text('method').notNull(),
    result: text('result').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('referral_contact_attempts_referral').on(t.referralId, t.at)],
);

/** P8/P9: appointments offered to a referred client, and whether they came. */
export const referralAppointments = pgTable(
  'referral_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    mode: text('mode').notNull(),
    /** P9: a warm referral may bring the SA caseworker to the first appointment. */
    saCaseworkerInvited: boolean('sa_caseworker_invited').notNull().default(false),
    attended: boolean('attended'),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('referral_appointments_referral').on(t.referralId, t.scheduledFor)],
);

/** Each TRF file imported, by content hash: importing the same file again adds nothing. */
export const trfImports = pgTable(
  'trf_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    importedByUserId: uuid('imported_by_user_id')
      .notNull()
      .references(() => users.id),
    /** Counts, skipped lines and line errors: line numbers, fields and codes only, no values. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('trf_imports_file').on(t.catchmentId, t.fileHash)],
);

export const assessmentStatus = pgEnum('assessment_status', ASSESSMENT_STATUSES);
export const assessmentFlow = pgEnum('assessment_flow', ASSESSMENT_FLOWS);

/** Feeds the Common Assessment number (CA-0000001) shown on its summary (C7). */
export const assessmentReferenceSeq = pgSequence('assessment_reference_seq', { startWith: 1 });

/**
 * What identity verification saw (C4): the kinds of document and of source only. Never a document
 * number or an image: the guidelines forbid copying ID.
 */
export type IdentityDetail =
  | { method: 'photo_id'; kind: string; expiresOn: string | null; seen: string }
  | { method: 'dual_process'; items: { source: string; original: boolean }[] }
  | { method: 'sa_documentation' };

/** The segmentation stored on a submitted CA (C8): which model, which thresholds, what it found. */
export interface StoredSegmentation {
  modelId: string;
  modelVersion: string;
  score: number;
  stream: string;
  thresholds: { b: number; c: number };
  factors: { id: string; en: string; fr: string; points: number }[];
}

/**
 * The Common Assessment (C1–C12): one per client in progress at most (partial unique index), held by
 * the organization working it now (SA office → SSM → provider, C6, C10). Answers, the SLD rationale
 * and every note are sealed with the client's data key, so destroying the key removes them (C3).
 * Once submitted, cancelled or closed in error a row is read-only; a trigger (migrations) enforces it (C11).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    status: assessmentStatus('status').notNull().default('in_progress'),
    flow: assessmentFlow('flow').notNull(),
    questionBankVersion: text('question_bank_version').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdByOrganizationId: uuid('created_by_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Who works it now: the SA office, the SSM after a referral or a return (C10), then the provider. */
    holderOrganizationId: uuid('holder_organization_id')
      .notNull()
      .references(() => organizations.id),
    siteId: uuid('site_id').references(() => sites.id),
    caseworkerUserId: uuid('caseworker_user_id').references(() => users.id),
    referralId: uuid('referral_id').references((): AnyPgColumn => referrals.id),
    /** JSON of the answers, sealed with the client's data key. */
    answersSealed: bytea('answers_sealed'),
    identityMethod: text('identity_method').$type<IdentityMethod>(),
    identityDetail: jsonb('identity_detail').$type<IdentityDetail>(),
    identityVerifiedAt: timestamp('identity_verified_at', { withTimezone: true }),
    identityVerifiedByUserId: uuid('identity_verified_by_user_id').references(() => users.id),
    serviceLevel: text('service_level').$type<ServiceLevel>(),
    serviceLevelIndicators: text('service_level_indicators')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    serviceLevelRationaleSealed: bytea('service_level_rationale_sealed'),
    serviceLevelSetAt: timestamp('service_level_set_at', { withTimezone: true }),
    serviceLevelSetByUserId: uuid('service_level_set_by_user_id').references(() => users.id),
    /** C10: when the holder handed the in-progress CA back to the SSM, and who did. */
    returnedToSsmAt: timestamp('returned_to_ssm_at', { withTimezone: true }),
    returnedByOrganizationId: uuid('returned_by_organization_id').references(() => organizations.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    segmentation: jsonb('segmentation').$type<StoredSegmentation>(),
    /** E1–E6 as they stood at submission, with the questions still pending. */
    eligibility: jsonb('eligibility').$type<ScreeningResult & { pending: string[] }>(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByUserId: uuid('cancelled_by_user_id').references(() => users.id),
    cancelReason: text('cancel_reason'),
    cancelNoteSealed: bytea('cancel_note_sealed'),
    closedInErrorAt: timestamp('closed_in_error_at', { withTimezone: true }),
    closedInErrorByUserId: uuid('closed_in_error_by_user_id').references(() => users.id),
    closedInErrorReasonSealed: bytea('closed_in_error_reason_sealed'),
    replacedByAssessmentId: uuid('replaced_by_assessment_id').references((): AnyPgColumn => assessments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // C1: at most one in-progress CA per client, even when two caseworkers start one at once.
    uniqueIndex('assessments_one_in_progress')
      .on(t.clientId)
      .where(sql`${t.status} = 'in_progress'`),
    index('assessments_client').on(t.clientId, t.createdAt),
    index('assessments_holder_status').on(t.holderOrganizationId, t.status),
    index('assessments_catchment_status').on(t.catchmentId, t.status),
  ],
);

/** C7: two-way notes on a CA between SA, the SSM and the provider. Append-only; bodies sealed. */
export const assessmentNotes = pgTable(
  'assessment_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganizationId: uuid('author_organization_id')
      .notNull()
      .references(() => organizations.id),
    bodySealed: bytea('body_sealed'),
    kind: text('kind').$type<'note' | 'returned_to_ssm'>().notNull().default('note'),
    /** Insertion order: breaks ties between notes written at the same instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('assessment_notes_assessment').on(t.assessmentId, t.at)],
);

/**
 * C3/C9: each time the Notice of Collection and Consent was read and consent given or re-confirmed:
 * when, by whom, how, and which version of the notice.
 */
export const consentReadings = pgTable(
  'consent_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    assessmentId: uuid('assessment_id').references(() => assessments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel').notNull(),
    noticeVersion: text('notice_version').notNull(),
    kind: text('kind').$type<'given' | 'reconfirmed'>().notNull(),
  },
  (t) => [index('consent_readings_client').on(t.clientId, t.at)],
);

export const consentRevocationState = pgEnum('consent_revocation_state', REVOCATION_STATES);

/**
 * C3: a client withdrew consent. Services stop at once; the SSM is told in writing (the notice, sealed
 * until removal), acknowledges, and removes the person's information (destroys their data key).
 */
export const consentRevocations = pgTable(
  'consent_revocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    noticeToSsmSealed: bytea('notice_to_ssm_sealed'),
    state: consentRevocationState('state').notNull().default('queued'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByUserId: uuid('acknowledged_by_user_id').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedByUserId: uuid('removed_by_user_id').references(() => users.id),
  },
  (t) => [
    index('consent_revocations_catchment_state').on(t.catchmentId, t.state),
    index('consent_revocations_client').on(t.clientId),
  ],
);

// ───────────────────────────── Employment Action Plan (A1–A10) ─────────────────────────────

export const planStatus = pgEnum('plan_status', PLAN_STATUSES);
export const subGoalKind = pgEnum('sub_goal_kind', SUB_GOAL_KINDS);
export const planItemStatus = pgEnum('plan_item_status', PLAN_ITEM_STATUSES);
export const planItemOutcome = pgEnum('plan_item_outcome', PLAN_ITEM_OUTCOMES);
export const closureReason = pgEnum('plan_closure_reason', CLOSURE_REASONS);

export const planReferenceSeq = pgSequence('plan_reference_seq', { startWith: 1 });

/**
 * A1: one Employment Action Plan per submitted, segmented CA, and at most one open plan (draft,
 * active or on hold) per client, both held by unique indexes so two caseworkers cannot race past
 * them. A closed plan keeps its CA, so a returning client needs a new CA before a new plan.
 * `revision` counts changes to the plan's content while it is a draft; the client signs one revision
 * (A3) and activation needs the signature to be of the current one.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    /** The provider delivering the plan. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    siteId: uuid('site_id').references(() => sites.id),
    status: planStatus('status').notNull().default('draft'),
    /** C8: copied from the CA's segmentation so caseloads filter on it without decrypting anything. */
    stream: text('stream').$type<'A' | 'B' | 'C'>().notNull(),
    revision: integer('revision').notNull().default(1),
    summaryPrintedAt: timestamp('summary_printed_at', { withTimezone: true }),
    summaryPrintedRevision: integer('summary_printed_revision'),
    /** A3: the client's signature of the plan summary, before activation. */
    signedOn: date('signed_on', { mode: 'string' }),
    signatureMethod: text('signature_method').$type<SignatureMethod>(),
    signatureRevision: integer('signature_revision'),
    signatureRecordedAt: timestamp('signature_recorded_at', { withTimezone: true }),
    signatureRecordedByUserId: uuid('signature_recorded_by_user_id').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    activatedByUserId: uuid('activated_by_user_id').references(() => users.id),
    /** A10 case 2: on hold while the client is in BJO, OJCP or LBS; the item that holds it. */
    onHoldSince: timestamp('on_hold_since', { withTimezone: true }),
    onHoldItemId: uuid('on_hold_item_id'),
    /** A8: the two facts that move the phase; the monitoring issue records them. */
    outcomeRecordedAt: timestamp('outcome_recorded_at', { withTimezone: true }),
    finalCheckpointCompletedAt: timestamp('final_checkpoint_completed_at', { withTimezone: true }),
    /** M3/F14: the monitoring start date, the earliest trigger so far; fixed once a checkpoint is recorded (M7). */
    monitoringStartedOn: date('monitoring_started_on', { mode: 'string' }),
    /** A10: the accepted training referral, when there is one. */
    trainingProgram: text('training_program').$type<TrainingProgram>(),
    trainingAcceptedOn: date('training_accepted_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    closureReason: closureReason('closure_reason'),
    /** A9: the phase the plan was in when closed, which decided the reasons on offer. */
    closedInPhase: text('closed_in_phase').$type<PlanPhase>(),
    closureNoteSealed: bytea('closure_note_sealed'),
    /** M11: closed without an outcome, or by any reason but Completion. */
    earlyExit: boolean('early_exit'),
    /** A10: KPI flags fixed at closure so later rule changes do not rewrite history. */
    countsAsClientServed: boolean('counts_as_client_served'),
    countsAsTrainingCompletion: boolean('counts_as_training_completion'),
    successfulOutcome: boolean('successful_outcome'),
    pbfPossible: boolean('pbf_possible').notNull().default(true),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plans_one_open_per_client')
      .on(t.clientId)
      .where(sql`${t.status} <> 'closed'`),
    uniqueIndex('plans_assessment').on(t.assessmentId),
    index('plans_organization_status').on(t.organizationId, t.status),
    index('plans_catchment_status').on(t.catchmentId, t.status),
  ],
);

/** A2: the plan's two goals; the text is the client's own words, so it is sealed. */
export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    ordinal: integer('ordinal').notNull(),
    titleSealed: bytea('title_sealed'),
    descriptionSealed: bytea('description_sealed'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_goals_plan_ordinal').on(t.planId, t.ordinal),
    check('plan_goals_two', sql`${t.ordinal} in (1, 2)`),
  ],
);

/** A2/A4/R1: sub-goals of the eight kinds, under one of the two goals; added at any phase. */
export const planSubGoals = pgTable(
  'plan_sub_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    goalOrdinal: integer('goal_ordinal').notNull(),
    kind: subGoalKind('kind').notNull(),
    /** The plan's phase when it was added (A4: sub-goals may be added during monitoring). */
    addedInPhase: text('added_in_phase').$type<PlanPhase>().notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plan_sub_goals_plan_goal_kind').on(t.planId, t.goalOrdinal, t.kind),
    check('plan_sub_goals_goal', sql`${t.goalOrdinal} in (1, 2)`),
  ],
);

/**
 * A2/A7: the SSM's catalogue of plan items per sub-goal kind. Each item names the minimum service it
 * delivers (A7) and, for referrals to ministry-retained programs, which one (A10).
 */
export const planItemCatalogue = pgTable(
  'plan_item_catalogue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    code: text('code').notNull(),
    subGoalKind: subGoalKind('sub_goal_kind').notNull(),
    minimumService: text('minimum_service').$type<MinimumService>().notNull(),
    trainingProgram: text('training_program').$type<TrainingProgram>(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionFr: text('description_fr').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_item_catalogue_code').on(t.catchmentId, t.code),
    index('plan_item_catalogue_kind').on(t.catchmentId, t.subGoalKind),
  ],
);

/**
 * A2: a plan item, from the catalogue or a Custom Basic Plan item (its own title, sealed). Money is
 * integer cents, never floating point.
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    subGoalId: uuid('sub_goal_id')
      .notNull()
      .references(() => planSubGoals.id),
    catalogueItemId: uuid('catalogue_item_id').references(() => planItemCatalogue.id),
    customTitleSealed: bytea('custom_title_sealed'),
    costCents: integer('cost_cents').notNull().default(0),
    plannedStart: date('planned_start', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    actualEnd: date('actual_end', { mode: 'string' }),
    status: planItemStatus('status').notNull().default('planned'),
    outcome: planItemOutcome('outcome'),
    addedInPhase: text('added_in_phase').$type<PlanPhase>().notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plan_items_plan').on(t.planId),
    index('plan_items_sub_goal').on(t.subGoalId),
    check('plan_items_cost', sql`${t.costCents} >= 0`),
    check('plan_items_dates', sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check(
      'plan_items_catalogue_or_custom',
      sql`(${t.catalogueItemId} is null) <> (${t.customTitleSealed} is null)`,
    ),
  ],
);

/** A4: every change to a plan, in order. Append-only (trigger). */
export const planEvents = pgTable(
  'plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').$type<PlanEventKind>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('plan_events_plan').on(t.planId, t.seq)],
);

// ───────────────────────────── Case management (J9, I2–I5) ─────────────────────────────

export const noteVisibility = pgEnum('note_visibility', NOTE_VISIBILITIES);

/** I4: the SSM's note templates (job aids) for consistent case notes across providers. */
export const noteTemplates = pgTable(
  'note_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    bodyEn: text('body_en').notNull(),
    bodyFr: text('body_fr').notNull(),
    visibility: noteVisibility('visibility').notNull().default('internal'),
    active: boolean('active').notNull().default(true),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('note_templates_catchment').on(t.catchmentId, t.active)],
);

/**
 * J9/I2: case notes. Internal notes stay with the provider; shared notes are plan-item comments the
 * client's SA caseworker reads (a check holds that they hang on an item). Bodies sealed; append-only
 * (trigger): a correction is a new note.
 */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    visibility: noteVisibility('visibility').notNull(),
    planId: uuid('plan_id').references(() => plans.id),
    planItemId: uuid('plan_item_id').references(() => planItems.id),
    templateId: uuid('template_id').references(() => noteTemplates.id),
    /** Set when the note records a contact with the client ("no contact in N days" counts these). */
    contactChannel: text('contact_channel').$type<ContactChannel>(),
    bodySealed: bytea('body_sealed'),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('case_notes_client').on(t.clientId, t.seq),
    index('case_notes_org_contact').on(t.organizationId, t.clientId, t.at),
    check('case_notes_shared_on_item', sql`${t.visibility} = 'internal' or ${t.planItemId} is not null`),
  ],
);

export const taskStatus = pgEnum('task_status', TASK_STATUSES);

/** J9: a caseworker's tasks for a client, with a due date and an assignee. Titles sealed. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    planItemId: uuid('plan_item_id').references(() => planItems.id),
    titleSealed: bytea('title_sealed'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeUserId: uuid('assignee_user_id')
      .notNull()
      .references(() => users.id),
    status: taskStatus('status').notNull().default('open'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedByUserId: uuid('completed_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_assignee_status').on(t.assigneeUserId, t.status, t.dueOn),
    index('tasks_client').on(t.clientId, t.status),
  ],
);

/**
 * J9: which caseworker of a provider carries a client, assigned and reassigned by the lead. One
 * current row per client and provider (partial unique index); ended rows are the history.
 */
export const caseloadAssignments = pgTable(
  'caseload_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    caseworkerUserId: uuid('caseworker_user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    assignedByUserId: uuid('assigned_by_user_id')
      .notNull()
      .references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('caseload_one_current')
      .on(t.clientId, t.organizationId)
      .where(sql`${t.endedAt} is null`),
    index('caseload_caseworker')
      .on(t.caseworkerUserId)
      .where(sql`${t.endedAt} is null`),
  ],
);

export const conferenceStatus = pgEnum('case_conference_status', CONFERENCE_STATUSES);

export interface ConferenceParticipant {
  organizationId: string;
  userId: string | null;
  side: IcmSide;
}

/**
 * I4: a case conference about one client between SA, the provider and the SSM, requested by any of
 * them by any channel. `firstResponseAt` (the first reply from another organization) is what K5's
 * "responsiveness to ICM requests" measures.
 */
export const caseConferences = pgTable(
  'case_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    requestedByOrganizationId: uuid('requested_by_organization_id')
      .notNull()
      .references(() => organizations.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    channel: text('channel').$type<ConferenceChannel>().notNull(),
    topicSealed: bytea('topic_sealed'),
    includeClient: boolean('include_client').notNull().default(false),
    participants: jsonb('participants').$type<ConferenceParticipant[]>().notNull(),
    status: conferenceStatus('status').notNull().default('requested'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    firstResponseByOrganizationId: uuid('first_response_by_organization_id').references(
      () => organizations.id,
    ),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('case_conferences_client').on(t.clientId, t.requestedAt),
    index('case_conferences_catchment_status').on(t.catchmentId, t.status),
  ],
);

/** I4: what each party said in a case conference. Append-only (trigger); bodies sealed. */
export const caseConferenceMessages = pgTable(
  'case_conference_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => caseConferences.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganizationId: uuid('author_organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').$type<ConferenceMessageKind>().notNull(),
    channel: text('channel').$type<ConferenceChannel>().notNull(),
    bodySealed: bytea('body_sealed'),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('case_conference_messages_conference').on(t.conferenceId, t.seq)],
);

export const icmEventKind = pgEnum('icm_event_kind', ICM_EVENT_KINDS);

/**
 * I4: changes of caseworker or contact on either side, and plan milestones, recorded the moment they
 * happen so the other side sees them at once. Details hold ids and codes only.
 */
export const icmEvents = pgTable(
  'icm_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: icmEventKind('kind').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('icm_events_client').on(t.clientId, t.seq)],
);

/** How far each user has read a client's ICM events, for the "new since you last looked" count. */
export const icmEventReads = pgTable(
  'icm_event_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    seenSeq: bigint('seen_seq', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('icm_event_reads_user_client').on(t.userId, t.clientId)],
);

// ───────────────────────────── Outcomes, monitoring and PBF (M1–M13, K3, K4, F12) ─────────────────────────────

export const outcomeKind = pgEnum('outcome_kind', OUTCOME_KINDS);
export const jobPermanence = pgEnum('job_permanence', JOB_PERMANENCE);
export const esqStatus = pgEnum('esq_status', ESQ_STATUSES);
export const checkpointKind = pgEnum('checkpoint_kind', CHECKPOINT_KINDS);
export const checkpointReviewState = pgEnum('checkpoint_review_state', CHECKPOINT_REVIEW_STATES);
export const evidenceKind = pgEnum('evidence_kind', EVIDENCE_KINDS);
export const attestationState = pgEnum('attestation_state', ATTESTATION_STATES);
export const ledgerLineState = pgEnum('pbf_ledger_line_state', LEDGER_LINE_STATES);

/**
 * K4/M8: the PBF amounts of a provider's funding agreement, integer cents by stream and checkpoint.
 * A provider without a row is paid the seeded defaults (`DEFAULT_FUNDING_AGREEMENT_AMOUNTS`).
 */
export const fundingAgreements = pgTable('funding_agreements', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  amounts: jsonb('amounts').$type<FundingAgreementAmounts>().notNull(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * M1/M4: the end of pre-employment services, employed or not employed; one per plan. The M4
 * confirmation is kept for the SSM's audit of outcomes without employment.
 */
export const planOutcomes = pgTable('plan_outcomes', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .unique()
    .references(() => plans.id),
  kind: outcomeKind('kind').notNull(),
  /** The day pre-employment services ended (a monitoring trigger, M3). */
  endedOn: date('ended_on', { mode: 'string' }).notNull(),
  /** M4: an outcome without employment while items were open: all appropriate activities were offered. */
  allActivitiesOfferedConfirmed: boolean('all_activities_offered_confirmed').notNull().default(false),
  noteSealed: bytea('note_sealed'),
  recordedByUserId: uuid('recorded_by_user_id')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/**
 * M2/M5/M6/L4: the client's jobs during the plan, past and current; several at once is job stacking.
 * Hours are whole minutes per week so 20 hours is exact (1,200); wages integer cents an hour. The
 * employer's name is personal information and sealed; `atEntryEmployer` says whether the job is
 * with the employer recorded in the CA (M2's "new employer" is judged on it, never on spelling).
 */
export const employmentJobs = pgTable(
  'employment_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    employerNameSealed: bytea('employer_name_sealed').notNull(),
    atEntryEmployer: boolean('at_entry_employer').notNull().default(false),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    minutesPerWeek: integer('minutes_per_week').notNull(),
    hourlyWageCents: integer('hourly_wage_cents'),
    /** NOC 2021 unit group, five digits. */
    nocCode: text('noc_code').notNull(),
    permanence: jobPermanence('permanence').notNull(),
    /** M3: the day hours rose to an average of 20+ per week at this job (part-time entrants). */
    hoursReached20On: date('hours_reached_20_on', { mode: 'string' }),
    /** F14: a placement meant to continue as a job; outcomes start on its first day. */
    placementIntendedToContinue: boolean('placement_intended_to_continue').notNull().default(false),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('employment_jobs_plan').on(t.planId),
    check('employment_jobs_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    check('employment_jobs_minutes', sql`${t.minutesPerWeek} between 0 and 10080`),
    check('employment_jobs_wage', sql`${t.hourlyWageCents} is null or ${t.hourlyWageCents} >= 0`),
    check('employment_jobs_noc', sql`${t.nocCode} ~ '^[0-9]{5}$'`),
  ],
);

/**
 * F12: periods during which employer financial supports (a training incentive, a wage subsidy) are
 * paid for the client. While one is active on a checkpoint date, that checkpoint's PBF is deferred.
 * Issue 7's placements write here too, so the deferral has one source.
 */
export const employerSupportPeriods = pgTable(
  'employer_support_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    jobId: uuid('job_id').references(() => employmentJobs.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Last day supported (inclusive); null while it continues. */
    endsOn: date('ends_on', { mode: 'string' }),
    source: text('source').$type<'job' | 'placement'>().notNull().default('job'),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('employer_support_periods_plan').on(t.planId),
    check('employer_support_periods_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * M7/K3: a checkpoint contact, with the Employment Status Questionnaire. `dueOn` is fixed from the
 * monitoring start when the record is made (M7: monitoring cannot pause). The SSM reviews PBF
 * checkpoints (not the completion one, which does not pay).
 */
export const checkpoints = pgTable(
  'checkpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    kind: checkpointKind('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    esqStatus: esqStatus('esq_status').notNull(),
    /** K3: '1'…'5' or 'prefer_not_to_answer'. */
    satisfaction: text('satisfaction').$type<SatisfactionAnswer>().notNull(),
    noteSealed: bytea('note_sealed'),
    reviewState: checkpointReviewState('review_state').notNull().default('not_submitted'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    reviewReasonSealed: bytea('review_reason_sealed'),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('checkpoints_plan_kind').on(t.planId, t.kind),
    index('checkpoints_review').on(t.reviewState),
    check(
      'checkpoints_satisfaction',
      sql`${t.satisfaction} in ('1', '2', '3', '4', '5', 'prefer_not_to_answer')`,
    ),
  ],
);

/** M7/L4: the ESQ's hours, wage and occupation for each job held at the checkpoint. */
export const checkpointJobs = pgTable(
  'checkpoint_jobs',
  {
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoints.id),
    jobId: uuid('job_id')
      .notNull()
      .references(() => employmentJobs.id),
    minutesPerWeek: integer('minutes_per_week').notNull(),
    hourlyWageCents: integer('hourly_wage_cents'),
    nocCode: text('noc_code').notNull(),
  },
  (t) => [
    uniqueIndex('checkpoint_jobs_pk').on(t.checkpointId, t.jobId),
    check('checkpoint_jobs_minutes', sql`${t.minutesPerWeek} between 0 and 10080`),
    check('checkpoint_jobs_noc', sql`${t.nocCode} ~ '^[0-9]{5}$'`),
  ],
);

/**
 * M9: an uploaded evidence document. Start-date proof is filed against a job, checkpoint proof
 * against a checkpoint. The caseworker ticks what the document shows; the SSM checks it on review.
 * The file is sealed with the client's key in the evidence store; the name is sealed here.
 */
export const employmentEvidence = pgTable(
  'employment_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    kind: evidenceKind('kind').notNull(),
    jobId: uuid('job_id').references(() => employmentJobs.id),
    checkpointId: uuid('checkpoint_id').references(() => checkpoints.id),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').$type<EvidenceContentType>().notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    fileNameSealed: bytea('file_name_sealed').notNull(),
    showsClientName: boolean('shows_client_name').notNull(),
    showsBusinessName: boolean('shows_business_name').notNull(),
    /** Checkpoint proof: the pay period contains the checkpoint date. Start-date proof: shows the start date. */
    coversDate: boolean('covers_date').notNull(),
    showsTwentyPlusHours: boolean('shows_twenty_plus_hours').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    /** Withdrawn by the provider before the checkpoint was approved (kept for the record). */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('employment_evidence_plan').on(t.planId),
    check(
      'employment_evidence_target',
      sql`(${t.kind} in ('offer_letter', 'zero_ytd_pay_stub', 'pay_stub_hours_rise') and ${t.jobId} is not null and ${t.checkpointId} is null)
        or (${t.kind} in ('pay_stub', 'employer_letter') and ${t.checkpointId} is not null and ${t.jobId} is null)`,
    ),
  ],
);

/**
 * M10: an attestation in place of (part of) a checkpoint's evidence, only after every attempt to get
 * it failed. The provider requests it, the SSM pre-approves or rejects it, and the lead employment
 * staff signs it; only then does it count. At most one live (not rejected) per checkpoint.
 */
export const attestations = pgTable(
  'attestations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoints.id),
    covers: jsonb('covers').$type<EvidencePart[]>().notNull(),
    rationaleSealed: bytea('rationale_sealed').notNull(),
    attemptsSealed: bytea('attempts_sealed').notNull(),
    otherFactorsSealed: bytea('other_factors_sealed'),
    state: attestationState('state').notNull().default('requested'),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReasonSealed: bytea('decision_reason_sealed'),
    signedByUserId: uuid('signed_by_user_id').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('attestations_one_live_per_checkpoint')
      .on(t.checkpointId)
      .where(sql`${t.state} <> 'rejected'`),
  ],
);

/**
 * M8/K4/F12: one line per client (plan) per PBF checkpoint, recomputed from the facts by the domain
 * (`resolveLedger`) in the same transaction as every change to them, so the statement is a plain
 * read. `paidAt` is the one fact the ledger itself holds: finance marks approved lines paid.
 */
export const pbfLedgerLines = pgTable(
  'pbf_ledger_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    stream: text('stream').$type<'A' | 'B' | 'C'>().notNull(),
    checkpoint: text('checkpoint').$type<PbfCheckpoint>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The fiscal year (1 April–31 March) by its starting calendar year, and quarter 1–4, of `dueOn`. */
    fiscalYear: integer('fiscal_year').notNull(),
    fiscalQuarter: integer('fiscal_quarter').notNull(),
    amountCents: integer('amount_cents').notNull(),
    state: ledgerLineState('state').notNull(),
    reason: text('reason'),
    retroactive: boolean('retroactive').notNull().default(false),
    /** M5: met by job stacking; `stackingRefused` when over the provider's 5% for the period. */
    stacked: boolean('stacked').notNull().default(false),
    stackingRefused: boolean('stacking_refused').notNull().default(false),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidByUserId: uuid('paid_by_user_id').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('pbf_ledger_lines_plan_checkpoint').on(t.planId, t.checkpoint),
    index('pbf_ledger_lines_statement').on(t.organizationId, t.fiscalYear, t.fiscalQuarter),
    check('pbf_ledger_lines_amount', sql`${t.amountCents} >= 0`),
    check('pbf_ledger_lines_quarter', sql`${t.fiscalQuarter} between 1 and 4`),
  ],
);

// ───────────────────────────── Financial supports, employers and placements (F1–F14, I3) ─────────────────────────────

export const supportKind = pgEnum('support_kind', SUPPORT_KINDS);
export const supportCategory = pgEnum('support_category', SUPPORT_CATEGORIES);
export const employerSupportUse = pgEnum('employer_support_use', EMPLOYER_SUPPORT_USES);
export const fundingSource = pgEnum('funding_source', FUNDING_SOURCES);
export const supportState = pgEnum('support_state', REQUEST_STATES);
export const purchaseForm = pgEnum('purchase_form', PURCHASE_FORMS);
export const sellerKind = pgEnum('seller_kind', SELLER_KINDS);
export const supportEvidenceKind = pgEnum('support_evidence_kind', SUPPORT_EVIDENCE_KINDS);
export const withholdReason = pgEnum('withhold_reason', WITHHOLD_REASONS);
export const siteVisitMode = pgEnum('site_visit_mode', SITE_VISIT_MODES);
export const odspReserveUse = pgEnum('odsp_reserve_use', ODSP_RESERVE_USES);

/**
 * F3/F8: a provider's ERFS budget for one fiscal year (1 April–31 March, by its starting calendar
 * year). The allocation is computed (`erfsAllocationCents`), never stored, so it cannot drift from
 * its parts. SSM finance keeps these rows.
 */
export const erfsBudgets = pgTable(
  'erfs_budgets',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    basePerClientCents: integer('base_per_client_cents').notNull(),
    clientVolume: integer('client_volume').notNull(),
    operationalCents: bigint('operational_cents', { mode: 'number' }).notNull(),
    reallocationCents: bigint('reallocation_cents', { mode: 'number' }).notNull().default(0),
    /** F8: the provider's share of the ODSP Client Reserve this year, when the ministry set one. */
    odspReserveCents: bigint('odsp_reserve_cents', { mode: 'number' }),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('erfs_budgets_pk').on(t.organizationId, t.fiscalYear),
    check(
      'erfs_budgets_amounts',
      sql`${t.basePerClientCents} >= 0 and ${t.clientVolume} >= 0 and ${t.operationalCents} >= 0`,
    ),
    // F3: at most 10% of operational funding moves into ERFS (the domain floors to the cent).
    check(
      'erfs_budgets_reallocation',
      sql`${t.reallocationCents} >= 0 and ${t.reallocationCents} * 10 <= ${t.operationalCents}`,
    ),
    check('erfs_budgets_reserve', sql`${t.odspReserveCents} is null or ${t.odspReserveCents} >= 0`),
  ],
);

/**
 * F10: an employer a provider works with. Business information, not personal data, so kept in
 * plain text. `checklist` holds the seven §13 criteria (true / false / null = not checked).
 */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    /** The provider that registered the employer (Employer Registration Form). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    legalName: text('legal_name').notNull(),
    operatingName: text('operating_name'),
    /** Ontario business licence / registration (Business Names Act or corporation number). */
    ontarioLicenceNumber: text('ontario_licence_number'),
    wsibAccountNumber: text('wsib_account_number'),
    /** WSIB or an equivalent workplace insurer (private plan), when not WSIB. */
    workplaceInsuranceNote: text('workplace_insurance_note'),
    liabilityInsurer: text('liability_insurer'),
    liabilityPolicyNumber: text('liability_policy_number'),
    liabilityInsuranceExpiresOn: date('liability_insurance_expires_on', { mode: 'string' }),
    checklist: jsonb('checklist').$type<EmployerChecklist>().notNull(),
    checklistCheckedOn: date('checklist_checked_on', { mode: 'string' }),
    checklistCheckedByUserId: uuid('checklist_checked_by_user_id').references(() => users.id),
    /** The day the Employer Registration Form was completed. */
    registeredOn: date('registered_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('employers_organization').on(t.organizationId),
    index('employers_catchment_name').on(t.catchmentId, t.legalName),
  ],
);

/** F10: the people a caseworker deals with at an employer. */
export const employerContacts = pgTable(
  'employer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [index('employer_contacts_employer').on(t.employerId)],
);

/** F10: the employer's work sites (a site visit and a placement are at one of them). */
export const employerLocations = pgTable(
  'employer_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    label: text('label').notNull(),
    street: text('street').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('employer_locations_employer').on(t.employerId)],
);

/** F10: a visit to the employer; only in-person visits within 12 months before a placement count. */
export const employerSiteVisits = pgTable(
  'employer_site_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    locationId: uuid('location_id').references(() => employerLocations.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    mode: siteVisitMode('mode').notNull(),
    visitedByUserId: uuid('visited_by_user_id')
      .notNull()
      .references(() => users.id),
    notes: text('notes').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('employer_site_visits_employer').on(t.employerId, t.visitedOn)],
);

/**
 * F2/F4–F9, F13: one financial support, client or employer, from request to the SSM's review of its
 * report. Amounts are integer cents. The texts answering F4 and the SA-coordination note are the
 * client's circumstances, so they are sealed with the client's key. `preApprovalReasons` is frozen
 * when the request is submitted (F6), so the SSM sees what triggered it even after other supports
 * change. `planId` is null only for status-quo clients (E7/F7), who have no EAP here.
 */
export const supportReferenceSeq = pgSequence('support_reference_seq', { startWith: 1 });

export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    planId: uuid('plan_id').references(() => plans.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    catchmentId: uuid('catchment_id')
      .notNull()
      .references(() => catchments.id),
    kind: supportKind('kind').notNull(),
    /** Client supports: the F5 category (or 'other'). */
    category: supportCategory('category'),
    /** Employer supports: what it pays for (F10). */
    employerUse: employerSupportUse('employer_use'),
    fundingSource: fundingSource('funding_source').notNull().default('erfs'),
    odspReserveUse: odspReserveUse('odsp_reserve_use'),
    /** F8 declarations (assessment conditions, employer's duty to accommodate considered). */
    odspDeclarations: jsonb('odsp_declarations').$type<{
      infoNotObtainableOtherwise?: boolean;
      byProfessional?: boolean;
      writtenConsent?: boolean;
      owedByEmployer?: boolean | null;
    }>(),
    /** What is bought (free text, may describe the client's situation: sealed). */
    descriptionSealed: bytea('description_sealed').notNull(),
    /** The business selling it (client supports) or the employer's name on the agreement. */
    vendorName: text('vendor_name').notNull(),
    sellerKind: sellerKind('seller_kind').notNull().default('business'),
    purchaseForm: purchaseForm('purchase_form').notNull().default('goods_or_services'),
    amountCents: integer('amount_cents').notNull(),
    servicesDebt: boolean('services_debt').notNull().default(false),
    /** F5: training or childcare dates; PPE the employer provides. */
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    employerProvidesPpe: boolean('employer_provides_ppe').notNull().default(false),
    /** F4 principle 2: the plan goal (1 or 2) or plan item the barrier is linked to. */
    planGoalOrdinal: integer('plan_goal_ordinal'),
    planItemId: uuid('plan_item_id').references(() => planItems.id),
    evidenceOfNeedSealed: bytea('evidence_of_need_sealed').notNull(),
    whyCouldNotPaySealed: bytea('why_could_not_pay_sealed').notNull(),
    reasonableCostSealed: bytea('reasonable_cost_sealed').notNull(),
    barrierTemporary: boolean('barrier_temporary').notNull(),
    noOtherFundingSource: boolean('no_other_funding_source').notNull(),
    /** F9: coordination with the SA caseworker (SA clients). */
    saCoordinationNoteSealed: bytea('sa_coordination_note_sealed'),
    plannedIssueOn: date('planned_issue_on', { mode: 'string' }).notNull(),
    state: supportState('state').notNull(),
    /** F6: why SSM pre-approval was needed, frozen at submission; empty = it was not. */
    preApprovalReasons: jsonb('pre_approval_reasons').$type<PreApprovalReason[]>().notNull(),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** Coverage confirmed: at submission when F6 did not apply, else at the SSM's pre-approval. */
    approvedOn: date('approved_on', { mode: 'string' }),
    preApprovedByUserId: uuid('pre_approved_by_user_id').references(() => users.id),
    preApprovedAt: timestamp('pre_approved_at', { withTimezone: true }),
    preApprovalNoteSealed: bytea('pre_approval_note_sealed'),
    issuedOn: date('issued_on', { mode: 'string' }),
    paymentMethod: text('payment_method').$type<
      'cheque' | 'eft' | 'purchase_card' | 'purchase_order' | 'cash'
    >(),
    paymentReference: text('payment_reference'),
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id),
    /** F13: fixed when the clock starts (issue for client supports, placement end for employer ones). */
    reportDueOn: date('report_due_on', { mode: 'string' }),
    reportedOn: date('reported_on', { mode: 'string' }),
    reportedByUserId: uuid('reported_by_user_id').references(() => users.id),
    reportNoteSealed: bytea('report_note_sealed'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    withholdReason: withholdReason('withhold_reason'),
    reviewNoteSealed: bytea('review_note_sealed'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByUserId: uuid('cancelled_by_user_id').references(() => users.id),
    cancelReasonSealed: bytea('cancel_reason_sealed'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('support_requests_plan').on(t.planId),
    index('support_requests_client').on(t.clientId),
    index('support_requests_organization_state').on(t.organizationId, t.state),
    index('support_requests_catchment_state').on(t.catchmentId, t.state),
    check('support_requests_amount', sql`${t.amountCents} >= 0`),
    check(
      'support_requests_kind',
      sql`(${t.kind} = 'client' and ${t.category} is not null and ${t.employerUse} is null)
        or (${t.kind} = 'employer' and ${t.category} is null and ${t.employerUse} is not null)`,
    ),
    check(
      'support_requests_period',
      sql`${t.periodTo} is null or ${t.periodFrom} is null or ${t.periodTo} >= ${t.periodFrom}`,
    ),
    check('support_requests_goal', sql`${t.planGoalOrdinal} is null or ${t.planGoalOrdinal} in (1, 2)`),
    check('support_requests_withheld', sql`(${t.state} = 'withheld') = (${t.withholdReason} is not null)`),
    check(
      'support_requests_reserve',
      sql`(${t.fundingSource} = 'odsp_client_reserve') = (${t.odspReserveUse} is not null)`,
    ),
  ],
);

/**
 * F13: a document attached to a support's report. Sealed with the client's key in the evidence
 * store, like M9 evidence; the file name is sealed here. Kept after a withholding so a corrected
 * report adds to the record rather than replacing it.
 */
export const supportEvidence = pgTable(
  'support_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supportId: uuid('support_id')
      .notNull()
      .references(() => supportRequests.id),
    kind: supportEvidenceKind('kind').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').$type<EvidenceContentType>().notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    fileNameSealed: bytea('file_name_sealed').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('support_evidence_support').on(t.supportId)],
);

/**
 * F10/F14/F12: a placement with an employer, paid through one employer support (`supportId`). The
 * Training Incentive Placement Agreement's terms are here; its signature and the client's consent to
 * share are dated. The placement writes its `employer_support_periods` row (source 'placement') so
 * PBF deferral has one source of "employer supports active".
 */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supportId: uuid('support_id')
      .notNull()
      .unique()
      .references(() => supportRequests.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    locationId: uuid('location_id').references(() => employerLocations.id),
    jobTitle: text('job_title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Agreed last day (inclusive). */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** The day it actually ended, when it has (starts the F13 15-business-day clock). */
    endedOn: date('ended_on', { mode: 'string' }),
    minutesPerWeek: integer('minutes_per_week').notNull(),
    scheduleNote: text('schedule_note').notNull().default(''),
    hourlyWageCents: integer('hourly_wage_cents'),
    /** Training incentive / wage subsidy paid to the employer, in total. Equals the support's amount. */
    trainingIncentiveCents: integer('training_incentive_cents').notNull(),
    /** F14: the placement is meant to continue as a job. */
    intendedToContinue: boolean('intended_to_continue').notNull().default(false),
    agreementSignedOn: date('agreement_signed_on', { mode: 'string' }),
    clientConsentSignedOn: date('client_consent_signed_on', { mode: 'string' }),
    employerSupportPeriodId: uuid('employer_support_period_id').references(() => employerSupportPeriods.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('placements_plan').on(t.planId),
    index('placements_employer').on(t.employerId),
    check(
      'placements_dates',
      sql`${t.endsOn} >= ${t.startsOn} and (${t.endedOn} is null or ${t.endedOn} >= ${t.startsOn})`,
    ),
    check('placements_minutes', sql`${t.minutesPerWeek} between 0 and 10080`),
    check(
      'placements_amounts',
      sql`${t.trainingIncentiveCents} >= 0 and (${t.hourlyWageCents} is null or ${t.hourlyWageCents} >= 0)`,
    ),
  ],
);
