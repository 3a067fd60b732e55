/**
 * The employers and placements API as the web reads it (keep in step with the zod schemas of
 * src/server/employers/schemas.ts). The
 * vocabularies are the domain's lists, so each code exists once. Only pure domain modules are
 * imported (no zod, no calendar barrel): test/unit/web/bundle-imports.test.ts checks it.
 */
import type {
  EmployerChecklistItem,
  EmployerSupportUse,
  PlacementRequirement,
  RequestState,
  SiteVisitMode,
  SupportProblem,
} from '../../../../src/domain/supports/types.js';
import type { PreApprovalReason } from '../../../../src/domain/supports/pre-approval.js';

export {
  EMPLOYER_CHECKLIST_ITEMS,
  EMPLOYER_SUPPORT_USES,
  PLACEMENT_REQUIREMENTS,
  REQUEST_STATES,
  SITE_VISIT_MODES,
} from '../../../../src/domain/supports/types.js';
export type {
  EmployerChecklistItem,
  EmployerSupportUse,
  PlacementRequirement,
  RequestState,
  SiteVisitMode,
  SupportProblem,
};

export type EmployerChecklist = Record<EmployerChecklistItem, boolean | null>;

export interface EmployerSummary {
  id: string;
  legalName: string;
  operatingName: string | null;
  organizationName: string;
  registeredOn: string | null;
  /** F10: every criterion of the checklist is confirmed. */
  eligible: boolean;
  lastInPersonVisitOn: string | null;
  placementCount: number;
}

export interface EmployerContact {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface EmployerLocation {
  id: string;
  label: string;
  street: string;
  city: string;
  postalCode: string;
}

export interface SiteVisitView {
  id: string;
  visitedOn: string;
  mode: SiteVisitMode;
  visitedByName: string;
  locationId: string | null;
  notes: string;
}

export interface EmployerPlacementLine {
  id: string;
  planReference: string;
  clientName: string | null;
  startsOn: string;
  endsOn: string;
  /** The state of the placement's employer support. */
  state: RequestState;
}

export interface EmployerView extends EmployerSummary {
  ontarioLicenceNumber: string | null;
  wsibAccountNumber: string | null;
  workplaceInsuranceNote: string | null;
  liabilityInsurer: string | null;
  liabilityPolicyNumber: string | null;
  liabilityInsuranceExpiresOn: string | null;
  checklist: EmployerChecklist;
  checklistCheckedOn: string | null;
  checklistProblems: SupportProblem[];
  contacts: EmployerContact[];
  locations: EmployerLocation[];
  siteVisits: SiteVisitView[];
  /** F10: today minus 12 months, the earliest in-person visit that covers a placement starting today. */
  siteVisitWindowOpensOn: string;
  placements: EmployerPlacementLine[];
  canManage: boolean;
}

/** The registration form's fields (POST /employers; PATCH takes the same, all optional). */
export interface EmployerInput {
  legalName: string;
  operatingName: string | null;
  ontarioLicenceNumber: string | null;
  wsibAccountNumber: string | null;
  workplaceInsuranceNote: string | null;
  liabilityInsurer: string | null;
  liabilityPolicyNumber: string | null;
  liabilityInsuranceExpiresOn: string | null;
  registeredOn: string | null;
  contacts?: ContactInput[];
  locations?: LocationInput[];
}

export interface ContactInput {
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface LocationInput {
  label: string;
  street: string;
  city: string;
  postalCode: string;
}

export interface SiteVisitInput {
  visitedOn: string;
  mode: SiteVisitMode;
  locationId: string | null;
  notes: string;
}

/** F4: the five principles a support request answers. */
export interface Justification {
  evidenceOfNeed: string;
  whyCouldNotPay: string;
  reasonableCost: string;
  barrierTemporary: boolean;
  noOtherFundingSource: boolean;
}

export interface PlacementInput {
  employerId: string;
  locationId: string | null;
  jobTitle: string;
  startsOn: string;
  endsOn: string;
  minutesPerWeek: number;
  scheduleNote: string | null;
  hourlyWageCents: number | null;
  trainingIncentiveCents: number;
  employerUse: EmployerSupportUse;
  intendedToContinue: boolean;
  agreementSignedOn: string | null;
  clientConsentSignedOn: string | null;
  planGoalOrdinal: 1 | 2 | null;
  planItemId: string | null;
  justification: Justification;
  saCoordinationNote: string | null;
}

/** The parts of the placement's employer support (SupportView) these pages show. */
export interface PlacementSupport {
  id: string;
  reference: string;
  state: RequestState;
  amountCents: number;
  employerUse: EmployerSupportUse | null;
  /** F6: why it waits for the SSM's pre-approval; [] = none needed. */
  preApprovalReasons: PreApprovalReason[];
  approvedOn: string | null;
  issuedOn: string | null;
  reportDueOn: string | null;
  reportedOn: string | null;
}

export const PLACEMENT_ACTIONS = ['record_agreement', 'record_consent', 'start', 'end'] as const;
export type PlacementAction = (typeof PLACEMENT_ACTIONS)[number];

export interface PlacementView {
  id: string;
  planId: string;
  planReference: string;
  supportId: string;
  support: PlacementSupport;
  employerId: string;
  employerName: string;
  location: EmployerLocation | null;
  jobTitle: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  minutesPerWeek: number;
  scheduleNote: string;
  hourlyWageCents: number | null;
  trainingIncentiveCents: number;
  intendedToContinue: boolean;
  agreementSignedOn: string | null;
  clientConsentSignedOn: string | null;
  /** F10: what is missing before the placement may start (empty = ready). */
  readiness: { missing: PlacementRequirement[] };
  /** F13: 15 business days after the placement ended; null while it runs. */
  reportDueOn: string | null;
  actions: PlacementAction[];
}

export interface PlacementPatch {
  agreementSignedOn?: string | null;
  clientConsentSignedOn?: string | null;
  endsOn?: string;
  scheduleNote?: string;
  minutesPerWeek?: number;
}
