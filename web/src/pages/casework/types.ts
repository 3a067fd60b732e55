/**
 * The case-management API's shapes as the web sees them (contract of issue 5, "Case management").
 * Declared here rather than inferred from the server's zod schemas so the screens build on their own;
 * keep in step with src/server/case-management/schemas.ts. The vocabularies come from the domain.
 */
import type {
  ConferenceChannel,
  ConferenceMessageKind,
  ConferenceStatus,
  ContactChannel,
  IcmEventKind,
  IcmSide,
  NoteVisibility,
  TaskStatus,
} from '../../../../src/domain/case-management/types.js';
import type { TaskDueState } from '../../../../src/domain/case-management/tasks.js';
import type { PlanPhase } from '../../../../src/domain/plan/closure.js';
import type { PlanStatus } from '../../../../src/domain/plan/types.js';
import type { Stream } from '../../../../src/domain/assessment/types.js';

export {
  CONFERENCE_CHANNELS,
  CONFERENCE_STATUSES,
  CONTACT_CHANNELS,
  ICM_EVENT_KINDS,
  ICM_SIDES,
  NOTE_VISIBILITIES,
  TASK_STATUSES,
} from '../../../../src/domain/case-management/types.js';
export { PLAN_PHASES } from '../../../../src/domain/plan/closure.js';
export { PLAN_STATUSES } from '../../../../src/domain/plan/types.js';
export { STREAMS } from '../../../../src/domain/assessment/types.js';
export type {
  ConferenceChannel,
  ConferenceMessageKind,
  ConferenceStatus,
  ContactChannel,
  IcmEventKind,
  IcmSide,
  NoteVisibility,
  PlanPhase,
  PlanStatus,
  Stream,
  TaskStatus,
};

export interface Author {
  name: string;
  organizationName: string;
}

/** I2: internal notes never reach SA; a shared note always hangs on a plan item. */
export interface CaseNote {
  id: string;
  at: string;
  visibility: NoteVisibility;
  planId: string | null;
  planItemId: string | null;
  planItemName: string | null;
  templateId: string | null;
  contactChannel: ContactChannel | null;
  author: Author;
  body: string;
}

export interface NoteCreate {
  visibility: NoteVisibility;
  planItemId?: string;
  templateId?: string;
  contactChannel?: ContactChannel;
  body: string;
}

export interface NoteTemplate {
  id: string;
  titleEn: string;
  titleFr: string;
  bodyEn: string;
  bodyFr: string;
  visibility: NoteVisibility;
  active: boolean;
}

export type NoteTemplateInput = Omit<NoteTemplate, 'id' | 'active'>;
export type NoteTemplateUpdate = Partial<NoteTemplateInput> & { active?: boolean };

export { TASK_DUE_STATES } from '../../../../src/domain/case-management/tasks.js';
export type TaskDue = TaskDueState;

export interface Task {
  id: string;
  clientId: string;
  client: { reference: string; displayName: string };
  title: string;
  dueOn: string;
  due: TaskDue;
  assignee: { id: string; name: string };
  status: TaskStatus;
  planItemId: string | null;
  completedAt: string | null;
}

export interface TaskCreate {
  title: string;
  dueOn: string;
  assigneeUserId?: string;
  planItemId?: string;
}

export interface TaskUpdate {
  status?: TaskStatus;
  dueOn?: string;
  assigneeUserId?: string;
  title?: string;
}

export type SaProgram = 'ow' | 'odsp';

export interface CaseloadEntry {
  clientId: string;
  reference: string;
  displayName: string;
  saProgram: SaProgram | null;
  plan: { id: string; reference: string; status: PlanStatus; phase: PlanPhase; stream: Stream } | null;
  /** null on the lead board's unassigned list. */
  caseworker: { id: string; name: string } | null;
  assignedAt: string | null;
  openTasks: number;
  overdueTasks: number;
  nextDueOn: string | null;
  lastContactAt: string | null;
  daysSinceContact: number | null;
}

export const CASELOAD_DUE_FILTERS = ['overdue', 'this_week'] as const;
export type CaseloadDueFilter = (typeof CASELOAD_DUE_FILTERS)[number];

export interface CaseloadQuery {
  caseworker?: string;
  /** 'none': clients on the caseload with no plan yet. */
  planStatus?: PlanStatus | 'none' | '';
  phase?: PlanPhase | '';
  stream?: Stream | '';
  due?: CaseloadDueFilter | '';
}

export interface CaseloadCounts {
  clients: number;
  outstandingTasks: number;
  overdueTasks: number;
  /** Clients with no contact in `noContactDays` days. */
  noContact: number;
  noContactDays: number;
}

export interface Caseload {
  clients: CaseloadEntry[];
  counts: CaseloadCounts;
}

export interface BoardCaseworker {
  id: string;
  name: string;
  clients: number;
  outstandingTasks: number;
  overdueTasks: number;
  noContact: number;
}

export interface CaseloadBoard {
  noContactDays: number;
  caseworkers: BoardCaseworker[];
  unassigned: CaseloadEntry[];
}

export interface SharedClient {
  clientId: string;
  reference: string;
  displayName: string;
  provider: { name: string } | null;
  caseworker: { name: string } | null;
  plan: { id: string; reference: string; status: PlanStatus; phase: PlanPhase } | null;
  newEvents: number;
  openConferences: number;
  lastSharedCommentAt: string | null;
}

export interface IcmEvent {
  id: string;
  at: string;
  kind: IcmEventKind;
  organizationName: string;
  userName: string;
  /** Codes and ids only, never personal data. */
  detail: Record<string, string | number | boolean | null>;
  seen: boolean;
}

export interface IcmEvents {
  events: IcmEvent[];
  /** How many of `events` this user has not marked seen yet: the newest ones. */
  unseen: number;
}

export interface ConferenceMessage {
  id: string;
  at: string;
  kind: ConferenceMessageKind;
  channel: ConferenceChannel;
  author: Author & { side: IcmSide };
  body: string;
}

export interface Conference {
  id: string;
  clientId: string;
  client: { reference: string; displayName: string };
  requestedAt: string;
  requestedBy: Author & { side: IcmSide };
  channel: ConferenceChannel;
  topic: string;
  includeClient: boolean;
  participants: { organizationName: string; side: IcmSide; userName: string | null }[];
  status: ConferenceStatus;
  /** I4: nobody else answered within 2 business days, so the SSM steps in. */
  stalled: boolean;
  /** The second business day after the request: an answer by then keeps it from stalling. */
  responseDueOn: string;
  firstResponseAt: string | null;
  responseBusinessDays: number | null;
  decidedAt: string | null;
  /** Only the requester may withdraw, while it is open. */
  canWithdraw: boolean;
  messages: ConferenceMessage[];
}

export interface ConferenceCreate {
  topic: string;
  channel: ConferenceChannel;
  includeClient: boolean;
  body: string;
}

export interface ConferenceMessageCreate {
  kind: 'reply' | 'decision';
  channel: ConferenceChannel;
  body: string;
}

export const CONFERENCE_QUEUE_FILTERS = ['open', 'stalled', 'all'] as const;
export type ConferenceQueueFilter = (typeof CONFERENCE_QUEUE_FILTERS)[number];
