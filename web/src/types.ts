/**
 * The API's shapes as the web app sees them. Declared here rather than inferred from the server's zod
 * schemas so the front end builds on its own while the API changes underneath it; keep in step with
 * src/server/<module>/schemas.ts.
 */

// The vocabularies the domain defines are imported from it, never copied: one list per concept.
export {
  ROLES,
  ROLE_ORGANIZATION_KIND,
  type Role,
  type OrganizationKind,
} from '../../src/domain/access/roles.js';
export { PERMISSIONS, type Permission } from '../../src/domain/access/policy.js';
export {
  ACCESSIBILITY_FEATURES,
  SERVICE_LANGUAGES,
  WEEKDAYS,
  type AccessibilityFeature,
  type ServiceLanguage,
  type Weekday,
  type WeeklyHours,
} from '../../src/domain/organizations/sites.js';
export {
  SELF_IDENTIFICATION,
  SPECIALIZED_POPULATIONS,
  type SelfIdentification,
  type SpecializedPopulation,
  type SpecializedPopulationAnswers,
} from '../../src/domain/people/specialized-populations.js';
import type { OrganizationKind, Role } from '../../src/domain/access/roles.js';
import type { Permission } from '../../src/domain/access/policy.js';
import type {
  AccessibilityFeature,
  ServiceLanguage,
  WeeklyHours,
} from '../../src/domain/organizations/sites.js';
import type {
  SpecializedPopulation,
  SpecializedPopulationAnswers,
} from '../../src/domain/people/specialized-populations.js';

export const ORGANIZATION_KINDS = [
  'ssm',
  'provider',
  'sa_office',
  'ministry',
] as const satisfies readonly OrganizationKind[];

export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

export interface Me {
  user: { id: string; email: string; displayName: string; roles: Role[]; locale: Locale };
  organization: { id: string; name: string; kind: OrganizationKind };
  permissions: Permission[];
  csrfToken: string;
}

export interface FieldError {
  /** Where the problem is: "body.email", "query.name", "body.address.postalCode". */
  field: string;
  message: string;
  code?: string;
}

/** RFC 9457 problem details, as every API refusal is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  rule?: string;
  messageFr?: string;
  errors?: FieldError[];
  requestId?: string;
}

export interface ListOf<T> {
  items: T[];
}

export interface Region {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
}

export interface Catchment extends Region {
  regions: Region[];
}

export type SaProgram = 'ow' | 'odsp';
export const SA_PROGRAMS: readonly SaProgram[] = ['ow', 'odsp'];

export interface Organization {
  id: string;
  catchmentId: string;
  kind: OrganizationKind;
  saProgram: SaProgram | null;
  name: string;
  nameFr: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  siteCount: number;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationCreate {
  kind: OrganizationKind;
  saProgram: SaProgram | null;
  name: string;
  nameFr?: string | null;
  email?: string | null;
  phone?: string | null;
}

export type OrganizationUpdate = Partial<
  Pick<Organization, 'name' | 'nameFr' | 'email' | 'phone' | 'active'>
>;

export interface OpeningSpan {
  opens: string;
  closes: string;
}

export interface Site {
  id: string;
  organizationId: string;
  regionId: string;
  name: string;
  street: string;
  city: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  hours: WeeklyHours;
  languages: ServiceLanguage[];
  specializedPopulations: SpecializedPopulation[];
  accessibilityFeatures: AccessibilityFeature[];
  intakeCapacity: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SiteCreate = Omit<Site, 'id' | 'organizationId' | 'active' | 'createdAt' | 'updatedAt'>;
export type SiteUpdate = Partial<SiteCreate & { active: boolean }>;

export interface User {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  active: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface UserCreate {
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  password: string;
}

export type UserUpdate = Partial<Pick<User, 'email' | 'displayName' | 'roles' | 'locale' | 'active'>> & {
  password?: string;
};

export const MATCH_REASONS = [
  'same_sin',
  'same_date_of_birth',
  'similar_name',
  'same_name',
  'swapped_names',
  'transposed_date_of_birth',
] as const;

export interface ClientSearchResult {
  id: string;
  reference: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sinMasked: string | null;
  score: number;
  /** Usually one of MATCH_REASONS; kept open so a new reason from the API still shows. */
  matchReasons: string[];
  likelyDuplicate: boolean;
  /** C1: the client's in-progress Common Assessment, to resume rather than start another. */
  assessmentInProgress?: { id: string; reference: string } | null;
}

export const CONTACT_METHODS = ['phone', 'text', 'email', 'letter', 'in_person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_TIMES = ['morning', 'afternoon', 'evening', 'any'] as const;
export type ContactTime = (typeof CONTACT_TIMES)[number];
export const CLIENT_LANGUAGES = ['en', 'fr', 'other'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

export interface Address {
  street: string;
  unit: string | null;
  city: string;
  province: string;
  postalCode: string;
  /** C4: with no fixed address, a provider's address may stand in until the client has one. */
  isProviderAddress: boolean;
}

export interface SocialAssistanceLink {
  program: SaProgram;
  samsMemberId: string;
  officeId: string | null;
  caseworkerId: string | null;
}

export interface ClientCreate {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sin: string | null;
  address: Address | null;
  phone: string | null;
  email: string | null;
  preferredContactMethod: ContactMethod | null;
  preferredContactTime: ContactTime | null;
  language: ClientLanguage;
  languageOther: string | null;
  specializedPopulations: SpecializedPopulationAnswers;
  socialAssistance: SocialAssistanceLink | null;
  regionId: string | null;
}

export type ClientUpdate = Partial<ClientCreate>;

export interface Client {
  id: string;
  reference: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sinMasked: string | null;
  sinTemporary: boolean;
  address: Address | null;
  phone: string | null;
  email: string | null;
  preferredContactMethod: ContactMethod | null;
  preferredContactTime: ContactTime | null;
  language: ClientLanguage;
  languageOther: string | null;
  specializedPopulations: SpecializedPopulationAnswers;
  socialAssistance:
    (SocialAssistanceLink & { officeName: string | null; caseworkerName: string | null }) | null;
  regionId: string | null;
  sharedWith: { organizationId: string; organizationName: string; reason: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganizationId: string | null;
  actorOrganizationName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: string };
}

export interface Closure {
  id: string;
  date: string;
  nameEn: string;
  nameFr: string;
}

export type NonBusinessDayKind = 'statutory' | 'substitute' | 'closure';
export interface NonBusinessDay {
  date: string;
  kind: NonBusinessDayKind;
  nameEn: string;
  nameFr: string;
}

export interface BusinessDays {
  from: string;
  to: string;
  businessDays: number;
}

export interface ClientStatistics {
  totalClients: number;
  byRegion: { regionId: string | null; nameEn: string; nameFr: string; clients: number }[];
  bySocialAssistance: { ow: number; odsp: number; none: number };
  byLanguage: { en: number; fr: number; other: number };
  providers: number;
  sites: number;
}

// Referrals (issue 3). The vocabularies come from src/domain/referral; the shapes follow
// src/server/referrals/schemas.ts.
export {
  PATHWAYS,
  SOURCES_BY_PATHWAY,
  type Pathway,
  type ReferralSource,
} from '../../src/domain/referral/pathways.js';
export {
  RETURN_REASONS,
  SSM_DECISIONS,
  type ReturnReason,
  type SsmDecision,
} from '../../src/domain/referral/returns.js';
export { CLOSE_REASONS, type CloseReason } from '../../src/domain/referral/closing.js';
import type { CloseReason } from '../../src/domain/referral/closing.js';
import type { TrfLineProblem } from '../../src/domain/referral/trf.js';
export { TRF_LINE_PROBLEMS, type TrfLineProblem } from '../../src/domain/referral/trf.js';
export {
  WORKLIST_BUCKETS,
  type WorklistBucket,
  type WorklistView,
} from '../../src/domain/referral/worklist.js';
export {
  REFERRAL_STATUSES,
  type WorklistStatus as ReferralStatus,
} from '../../src/domain/referral/worklist.js';
export {
  APPOINTMENT_MODES,
  CLOCK_STATES,
  CONTACT_RESULTS,
  type AppointmentMode,
  type ClockState,
  type ContactResult,
} from '../../src/domain/referral/contact-vocabulary.js';
export type { CompletionClock, FirstContactClock } from '../../src/domain/referral/contact-standards.js';
export {
  SCREENING_OUTCOMES,
  WORK_AUTHORIZATIONS,
  WORK_PERMITS,
  type ScreeningOutcome,
  type ScreeningReason,
  type ScreeningResult,
  type WorkAuthorization,
  type WorkPermit,
} from '../../src/domain/eligibility/screening.js';
import type { Pathway, ReferralSource } from '../../src/domain/referral/pathways.js';
import type { ReturnReason, SsmDecision } from '../../src/domain/referral/returns.js';
import type {
  WorklistBucket,
  WorklistStatus as ReferralStatus,
  WorklistView,
} from '../../src/domain/referral/worklist.js';
import type {
  AppointmentMode,
  CompletionClock,
  ContactResult,
  FirstContactClock,
} from '../../src/domain/referral/contact-standards.js';
import type {
  ScreeningAnswers as DomainScreeningAnswers,
  ScreeningOutcome,
  ScreeningResult,
} from '../../src/domain/eligibility/screening.js';
import type { Factor } from '../../src/domain/referral/matrix.js';
import type { ProviderReferralMetrics as DomainProviderMetrics } from '../../src/domain/referral/metrics.js';

export interface ReferralBarriers {
  transportation: boolean;
  childcare: boolean;
  language: ServiceLanguage | null;
  accessibility: AccessibilityFeature[];
}

/** The screening tool's answers as the API takes them: the server adds the day of screening. */
export type ScreeningAnswers = Omit<DomainScreeningAnswers, 'screenedOn'>;

export interface ReferralCreate {
  clientId: string;
  source: ReferralSource;
  clientChoiceOrganizationId: string | null;
  warmReferral: boolean;
  barriers: ReferralBarriers;
  notes: string | null;
  screening?: ScreeningAnswers;
}

export type MatrixFactor = Factor;

export interface RankedProvider {
  rank: number;
  organizationId: string;
  organizationName: string;
  siteId: string;
  siteName: string;
  chosenByClient: boolean;
  populationMatches: number;
  fit: number;
  utilisationPercent: number | null;
  factors: MatrixFactor[];
}

export interface TimelineEvent {
  at: string;
  kind: string;
  actorName: string | null;
  actorOrganizationName: string | null;
  detail: Record<string, unknown>;
}

export interface Referral {
  id: string;
  reference: string;
  clientId: string;
  clientReference: string;
  clientName: string;
  pathway: Pathway;
  source: ReferralSource;
  status: ReferralStatus;
  redirectRequested: boolean;
  clientChoiceOrganizationId: string | null;
  warmReferral: boolean;
  barriers: ReferralBarriers;
  notes: string | null;
  receivedAt: string;
  assignedOrganizationId: string | null;
  assignedSiteId: string | null;
  assignedAt: string | null;
  overrideReason: string | null;
  explanation: RankedProvider | null;
  saCaseworkerContactedAt: string | null;
  returnReason: ReturnReason | null;
  returnNote: string | null;
  decisionNote: string | null;
  returnedAt: string | null;
  ssmDecision: SsmDecision | null;
  closeReason: CloseReason | null;
  closeNote: string | null;
  closedAt: string | null;
  returnedBy: { organizationId: string; organizationName: string; reason: ReturnReason; at: string }[];
  screening: (ScreeningResult & { screenedAt: string; screenedByName: string | null }) | null;
  contactAttempts: { at: string; method: ContactMethod; result: ContactResult }[];
  appointments: {
    id: string;
    scheduledFor: string;
    mode: AppointmentMode;
    saCaseworkerInvited: boolean;
    attended: boolean | null;
  }[];
  firstContact: FirstContactClock | null;
  completion: CompletionClock | null;
  timeline: TimelineEvent[];
}

export interface ReferralSummary {
  id: string;
  reference: string;
  clientId: string;
  clientName: string;
  pathway: Pathway;
  source: ReferralSource;
  status: ReferralStatus;
  redirectRequested: boolean;
  receivedAt: string;
  assignedOrganizationName: string | null;
  bucket: WorklistBucket;
  assignedAt: string | null;
  warmReferral: boolean;
  firstContact: FirstContactClock | null;
  completion: CompletionClock | null;
  returnReason: ReturnReason | null;
  ssmDecision: SsmDecision | null;
  contactAttemptCount: number;
  appointmentCount: number;
  screeningOutcome: ScreeningOutcome | null;
}

export interface Worklist {
  view: WorklistView;
  buckets: { bucket: WorklistBucket; count: number }[];
}

export interface TrfImportResult {
  importId: string;
  fileName: string;
  alreadyImported: boolean;
  rowsRead: number;
  referralsCreated: number;
  newClients: number;
  skipped: { line: number; reason: 'already_on_a_list' | 'open_referral' }[];
  errors: { line: number; field: string; code: TrfLineProblem; message: string }[];
}

export type ProviderReferralMetrics = DomainProviderMetrics & { organizationName: string };

// Common Assessment (issue 4). The vocabularies come from src/domain/assessment; the shapes follow
// src/server/assessments/schemas.ts.
export {
  AGEING_STATES,
  ASSESSMENT_ACTIONS,
  ASSESSMENT_BUCKETS,
  ASSESSMENT_FLOWS,
  ASSESSMENT_STATUSES,
  CANCEL_REASONS,
  CONSENT_CHANNELS,
  DUAL_PROCESS_SOURCES,
  IDENTITY_METHODS,
  MODULES,
  PHOTO_ID_KINDS,
  REFUSED_ID_KINDS,
  SELF_DIRECTED_INDICATORS,
  SERVICE_LEVELS,
  STREAMS,
  REVOCATION_STATES,
  SECTION_STATUSES,
  type AgeingState,
  type AnswerValue,
  type Answers,
  type AssessmentAction,
  type AssessmentBucket,
  type AssessmentFacts,
  type AssessmentFlow,
  type AssessmentStatus,
  type CancelCause,
  type CancelReason,
  type ConsentChannel,
  type DualProcessSource,
  type IdentityMethod,
  type Module,
  type PhotoIdKind,
  type RefusedIdKind,
  type SelfDirectedIndicator,
  type ServiceLevel,
  type RevocationState,
  type SectionStatus,
  type Stream,
} from '../../src/domain/assessment/types.js';
export type {
  Condition,
  Question,
  QuestionBank,
  QuestionType,
  Section as QuestionSection,
} from '../../src/domain/assessment/question-bank.js';
import type {
  AgeingState,
  Answers,
  AssessmentAction,
  AssessmentBucket,
  AssessmentFacts,
  AssessmentFlow,
  AssessmentStatus,
  CancelCause,
  ConsentChannel,
  IdentityMethod,
  Module,
  RevocationState,
  SectionStatus,
  SelfDirectedIndicator,
  ServiceLevel,
  Stream,
} from '../../src/domain/assessment/types.js';

export interface Ageing {
  days: number;
  state: AgeingState;
}

export interface ConsentNotice {
  version: string;
  publishedOn: string;
  en: string;
  fr: string;
}

export interface AssessmentProgress {
  m1: SectionStatus;
  m2: SectionStatus;
}

export interface AssessmentSummary {
  id: string;
  reference: string;
  status: AssessmentStatus;
  flow: AssessmentFlow;
  holderName: string;
  startedAt: string;
  submittedAt: string | null;
  serviceLevel: ServiceLevel | null;
  progress: AssessmentProgress;
  stream: Stream | null;
}

export interface ClientAssessments {
  items: AssessmentSummary[];
  consent: { active: boolean; givenAt: string | null; revokedAt: string | null };
}

export interface ConsentCreate {
  consent: { given: boolean; channel: ConsentChannel; noticeVersion: string };
}

export type { IdentityEvidence } from '../../src/domain/assessment/identity.js';

export interface SectionProgressItem {
  sectionId: string;
  module: Module;
  status: SectionStatus;
  missing: string[];
}

export interface SegmentationView {
  modelId: string;
  modelVersion: string;
  score: number;
  stream: Stream;
  thresholds: { b: number; c: number };
  factors: { id: string; en: string; fr: string; points: number }[];
}

export interface AssessmentNote {
  id: string;
  at: string;
  kind: 'note' | 'returned_to_ssm';
  authorName: string | null;
  organizationName: string | null;
  /** Null once the client's information has been removed (C3). */
  body: string | null;
}

export interface AssessmentDetail {
  id: string;
  reference: string;
  status: AssessmentStatus;
  flow: AssessmentFlow;
  questionBankVersion: string;
  client: {
    id: string;
    reference: string;
    name: string;
    dateOfBirth: string;
    saProgram: SaProgram | null;
  };
  catchmentName: string;
  holder: { organizationId: string; name: string; kind: OrganizationKind };
  site: { id: string; name: string } | null;
  caseworker: { id: string; name: string } | null;
  consent: {
    active: boolean;
    lastReading: {
      at: string;
      channel: ConsentChannel;
      noticeVersion: string;
      byName: string | null;
      organizationName: string | null;
    } | null;
    carriedOver: boolean;
    needsReconfirmation: boolean;
  };
  identity: {
    method: IdentityMethod;
    verifiedAt: string;
    byName: string | null;
    detail: unknown;
  } | null;
  answers: Answers;
  facts: AssessmentFacts;
  progress: SectionProgressItem[];
  eligibility: ScreeningResult & { pending: string[] };
  serviceLevel: {
    level: ServiceLevel;
    indicators: SelfDirectedIndicator[];
    rationale: string | null;
    setAt: string;
    byName: string | null;
  } | null;
  segmentation: SegmentationView | null;
  notes: AssessmentNote[];
  referral: { id: string; reference: string; status: ReferralStatus } | null;
  startedAt: string;
  submittedAt: string | null;
  /** C7: the catchment's service system manager. */
  ssm: { id: string; name: string; nameFr: string | null } | null;
  /** C7: the SA caseworker to contact, for OW and ODSP clients. */
  socialAssistance: {
    officeName: string | null;
    caseworkerName: string | null;
    caseworkerEmail: string | null;
  } | null;
  /** C6: whom the actor may assign the CA to (empty unless they may). */
  assignableCaseworkers: { id: string; name: string }[];
  ageing: Ageing;
  cancellation: { reason: CancelCause; note: string | null; at: string } | null;
  closedInError: { reason: string | null; at: string; replacedById: string | null } | null;
  actions: AssessmentAction[];
}

export interface AssessmentWorklistItem {
  id: string;
  reference: string;
  client: { id: string; reference: string; name: string };
  status: AssessmentStatus;
  flow: AssessmentFlow;
  holderName: string;
  startedAt: string;
  ageing: Ageing;
  serviceLevel: ServiceLevel | null;
  progress: AssessmentProgress;
}

export interface AssessmentWorklist {
  buckets: { bucket: AssessmentBucket; count: number }[];
  items: AssessmentWorklistItem[];
}

export interface ClientCopy {
  reference: string;
  clientName: string;
  preparedOn: string;
  notice: { version: string; en: string; fr: string };
  sections: {
    id: string;
    en: string;
    fr: string;
    answers: { questionEn: string; questionFr: string; answerEn: string; answerFr: string }[];
  }[];
}

export interface ConsentRevocation {
  id: string;
  clientId: string;
  clientReference: string;
  clientName: string;
  receivedOn: string;
  receivedAt: string;
  organizationName: string;
  receivedByName: string;
  /** Unreadable once the information is removed. */
  noticeToSsm: string | null;
  state: RevocationState;
  acknowledgedAt: string | null;
  removedAt: string | null;
}
