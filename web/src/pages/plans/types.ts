/**
 * The Employment Action Plan API as the web reads it (issue 5 contract). The vocabularies come from
 * the domain so each code exists once; the API sends codes and the web labels them in EN/FR.
 */
import type { ClosureReason, PlanPhase } from '../../../../src/domain/plan/closure.js';
import type { PlanAction } from '../../../../src/domain/plan/lifecycle.js';
import type { TrainingProgram } from '../../../../src/domain/plan/training-referrals.js';
import type {
  MinimumService,
  PlanEventKind,
  PlanItemOutcome,
  PlanItemStatus,
  PlanStatus,
  SignatureMethod,
  SubGoalKind,
} from '../../../../src/domain/plan/types.js';
import type { SaProgram, Stream } from '../../types.js';

export {
  CLOSURE_REASONS,
  CLOSURE_REASON_LABELS,
  PLAN_PHASES,
  isEarlyExit,
} from '../../../../src/domain/plan/closure.js';
export { TRAINING_PROGRAMS, trainingPathOf } from '../../../../src/domain/plan/training-referrals.js';
export {
  MINIMUM_SERVICES,
  PLAN_EVENT_KINDS,
  PLAN_ITEM_OUTCOMES,
  PLAN_ITEM_STATUSES,
  PLAN_STATUSES,
  SIGNATURE_METHODS,
  SUB_GOAL_KINDS,
} from '../../../../src/domain/plan/types.js';
export type {
  ClosureReason,
  MinimumService,
  PlanEventKind,
  PlanItemOutcome,
  PlanItemStatus,
  PlanPhase,
  PlanStatus,
  SignatureMethod,
  SubGoalKind,
  TrainingProgram,
};

/** A7: one entry of the SSM's plan-item catalogue. */
export interface CatalogueItem {
  id: string;
  code: string;
  subGoalKind: SubGoalKind;
  minimumService: MinimumService;
  trainingProgram: TrainingProgram | null;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  active: boolean;
}

export interface CatalogueItemCreate {
  code: string;
  subGoalKind: SubGoalKind;
  minimumService: MinimumService;
  trainingProgram?: TrainingProgram;
  nameEn: string;
  nameFr: string;
  descriptionEn?: string;
  descriptionFr?: string;
}

/** A7: how many active catalogue items deliver each minimum service, and which have none. */
export interface CatalogueCoverage {
  services: { minimumService: MinimumService; items: number }[];
  missing: MinimumService[];
}

export interface PlanListEntry {
  id: string;
  reference: string;
  status: PlanStatus;
  phase: PlanPhase;
  stream: Stream;
  createdAt: string;
  activatedAt: string | null;
  closedAt: string | null;
  closureReason: ClosureReason | null;
}

/** A1: whether a plan can be started now, and if not which rule says so and why (in the API's words). */
export interface CanCreatePlan {
  allowed: boolean;
  rule: string | null;
  reason: string | null;
  assessmentId: string | null;
}

export interface ClientPlans {
  plans: PlanListEntry[];
  canCreate: CanCreatePlan;
}

/** I2: a shared note on a plan item, which the SA caseworker reads too. */
export interface SharedComment {
  id: string;
  at: string;
  author: { name: string; organizationName: string };
  body: string;
}

export interface PlanItem {
  id: string;
  subGoalId: string;
  catalogueItemId: string | null;
  code: string | null;
  nameEn: string;
  nameFr: string;
  custom: boolean;
  trainingProgram: TrainingProgram | null;
  costCents: number;
  plannedStart: string;
  plannedEnd: string;
  actualEnd: string | null;
  status: PlanItemStatus;
  outcome: PlanItemOutcome | null;
  addedInPhase: PlanPhase;
  comments: SharedComment[];
}

export interface PlanSubGoal {
  id: string;
  goalOrdinal: 1 | 2;
  kind: SubGoalKind;
  addedInPhase: PlanPhase;
  items: PlanItem[];
}

export interface PlanGoal {
  ordinal: 1 | 2;
  title: string;
  description: string;
}

export { PLAN_ACTIONS, type PlanAction } from '../../../../src/domain/plan/lifecycle.js';

export interface PlanDetail {
  id: string;
  reference: string;
  clientId: string;
  client: { reference: string; displayName: string; saProgram: SaProgram | null };
  organization: { id: string; name: string };
  assessment: { id: string; reference: string; submittedAt: string; stream: Stream };
  status: PlanStatus;
  phase: PlanPhase;
  stream: Stream;
  revision: number;
  goals: PlanGoal[];
  subGoals: PlanSubGoal[];
  signature: { signedOn: string; method: SignatureMethod; revision: number; current: boolean } | null;
  summaryPrintedAt: string | null;
  activatedAt: string | null;
  onHold: { since: string; itemId: string } | null;
  training: { program: TrainingProgram; acceptedOn: string } | null;
  closure: {
    closedAt: string;
    reason: ClosureReason;
    phase: PlanPhase;
    earlyExit: boolean;
    note: string | null;
  } | null;
  closureReasons: ClosureReason[];
  actions: PlanAction[];
  activationProblems: { rule: string; code: string }[];
  totalCostCents: number;
  sharedWithSa: boolean;
  readOnly: boolean;
}

/** What the client signs (A3, A5): no stream, no scores. */
export interface PlanSummary {
  reference: string;
  printedAt: string;
  revision: number;
  client: { displayName: string; reference: string };
  caseworker: { name: string };
  organization: { name: string; siteName: string | null; phone: string | null };
  goals: PlanGoal[];
  subGoals: {
    kind: SubGoalKind;
    goalOrdinal: 1 | 2;
    items: {
      nameEn: string;
      nameFr: string;
      customTitle: string | null;
      costCents: number;
      plannedStart: string;
      plannedEnd: string;
      status: PlanItemStatus;
    }[];
  }[];
  totalCostCents: number;
  documentsNotice: boolean;
  signature: { signedOn: string; method: SignatureMethod; revision: number } | null;
}

export interface PlanHistoryEvent {
  id: string;
  at: string;
  kind: PlanEventKind;
  user: { name: string };
  organizationName: string;
  detail: Record<string, unknown>;
}

export interface PlanHistory {
  events: PlanHistoryEvent[];
}

export interface ItemCreate {
  subGoalId: string;
  catalogueItemId?: string;
  customTitle?: string;
  costCents: number;
  plannedStart: string;
  plannedEnd: string;
}

export interface ItemUpdate {
  status?: PlanItemStatus;
  outcome?: PlanItemOutcome | null;
  actualEnd?: string | null;
  costCents?: number;
  plannedStart?: string;
  plannedEnd?: string;
}
