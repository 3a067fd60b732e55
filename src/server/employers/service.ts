/**
 * Employers and placements (F10, F12, F13, F14). Employers are the catchment's business partners:
 * any provider of the catchment and the SSM see them, only the provider that registered one manages
 * it (its details, checklist, contacts, locations, site visits). A placement is one client's
 * training placement with an employer, paid through one employer support (the supports module's
 * `submitSupportInTx`, so F1/F4/F6/F9 and the plan lock are the same code). Once that support is
 * approved the placement writes its F12 period (monitoring's `employer_support_periods`, source
 * 'placement') so PBF deferral has one source, and a placement meant to continue as a job may start
 * monitoring on its first day (F14, read by the monitoring facts). The rules are
 * `src/domain/supports/employers.ts` and `reporting.ts`; nothing here re-decides them.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../../db/connection.js';
import { displayNameOf } from '../../db/repositories/case-management.js';
import {
  contactsOf,
  employerById,
  employersOfCatchment,
  insertContact,
  insertEmployer,
  insertLocation,
  insertPlacement,
  insertPlacementPeriod,
  insertSiteVisit,
  locationById,
  lockPlacementOfSupport,
  locationsOf,
  placementById,
  placementOfSupport,
  placementsOfPlan,
  removePlacementPeriod,
  setPlacementPeriodEnd,
  setSupportReportDueOn,
  siteVisitsOf,
  siteVisitsOfEmployers,
  supportOfPlacement,
  updateEmployer,
  updatePlacement,
  visiblePlacementCounts,
  visiblePlacementsOfEmployers,
  type EmployerRow,
  type PlacementRow,
} from '../../db/repositories/employers.js';
import { setPlanMonitoring, userNames } from '../../db/repositories/monitoring.js';
import type { VisiblePlan } from '../../db/repositories/plans.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import { compareIsoDates, type IsoDate } from '../../domain/calendar/iso-date.js';
import { torontoDate } from '../../domain/calendar/index.js';
import { contentChangeRefusal } from '../../domain/plan/index.js';
import {
  employerEligibilityProblems,
  placementReadiness,
  siteVisitWindowOpensOn,
  type EmployerChecklist,
  type SiteVisit,
} from '../../domain/supports/employers.js';
import { reportDueOn } from '../../domain/supports/reporting.js';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  type PlacementRequirement,
  type RequestState,
} from '../../domain/supports/types.js';
import { audit, auditEach } from '../audit/record.js';
import { calendarFor } from '../calendar/service.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, refuse } from '../http/problem.js';
import { computedMonitoringStart, loadPlanMonitoringFacts } from '../monitoring/facts.js';
import { keyOfPlanId, planEventBy, planInScope } from '../monitoring/shared.js';
import { refreshPbfLedger } from '../pbf/ledger.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { submitSupportInTx, supportView } from '../supports/service.js';
import type {
  checklistBody,
  contactBody,
  employerBody,
  employerPatchBody,
  EmployerSummary,
  EmployerView,
  locationBody,
  PlacementInput,
  placementPatchBody,
  PlacementView,
  siteVisitBody,
} from './schemas.js';
import type { z } from 'zod';

export interface EmployerDeps {
  db: Database;
  crypto: PersonCrypto;
  now: () => Date;
  evidenceStore: EvidenceStore;
}

/** What the hooks the supports service calls need: the ledger refresh opens the client's key. */
export interface PlacementHookDeps {
  crypto: PersonCrypto;
  now: () => Date;
}

const today = (deps: { now: () => Date }) => torontoDate(deps.now());

const notAfterToday = (deps: { now: () => Date }, value: IsoDate | null | undefined, field: string) => {
  if (value != null && compareIsoDates(value, today(deps)) > 0)
    throw invalid(field, 'This date cannot be after today', 'in_future');
};

// ---------------------------------------------------------------------------------------------
// Employers (F10)

/** The employer if it is in the actor's catchment (SSM and providers alike), else 404. */
async function employerInScope(q: Database | Transaction, ctx: RequestContext, employerId: string) {
  const row = await employerById(q, employerId);
  if (!row || row.catchmentId !== ctx.actor.catchmentId) throw notFound('Employer');
  return row;
}

/** F10: the registering provider keeps the employer's file; the others of the catchment read it. */
const mayManage = (ctx: RequestContext, e: EmployerRow) =>
  hasPermission(ctx.actor, 'employer.manage') && e.organizationId === ctx.actor.organizationId;

async function managedEmployer(deps: EmployerDeps, ctx: RequestContext, employerId: string) {
  const row = await employerInScope(deps.db, ctx, employerId);
  if (!mayManage(ctx, row)) throw forbidden('Only the provider that registered this employer manages it.');
  return row;
}

const EMPTY_CHECKLIST = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, null])) as Record<
  (typeof EMPLOYER_CHECKLIST_ITEMS)[number],
  boolean | null
>;

/** The stored checklist with every criterion named (a missing one is "not checked"). */
const checklistOf = (e: EmployerRow): EmployerChecklist => ({ ...EMPTY_CHECKLIST, ...e.checklist });

const latestInPerson = (visits: readonly SiteVisit[]) =>
  visits
    .filter((v) => v.mode === 'in_person')
    .reduce<IsoDate | null>((a, v) => (a === null || compareIsoDates(v.on, a) > 0 ? v.on : a), null);

export async function listEmployers(
  deps: EmployerDeps,
  ctx: RequestContext,
  search: string | undefined,
): Promise<{ employers: EmployerSummary[] }> {
  const rows = await employersOfCatchment(deps.db, ctx.actor.catchmentId, search?.trim() || null);
  const ids = rows.map((r) => r.id);
  const visits = await siteVisitsOfEmployers(deps.db, ids);
  const counts = await visiblePlacementCounts(deps.db, clientVisibility(ctx.actor), ids);
  return {
    employers: rows.map((e) => ({
      id: e.id,
      legalName: e.legalName,
      operatingName: e.operatingName,
      organizationName: e.organizationName,
      registeredOn: e.registeredOn,
      eligible: employerEligibilityProblems(checklistOf(e)).length === 0,
      lastInPersonVisitOn: latestInPerson(
        visits.filter((v) => v.employerId === e.id).map((v) => ({ on: v.visitedOn, mode: v.mode })),
      ),
      placementCount: counts.get(e.id) ?? 0,
    })),
  };
}

async function employerView(
  deps: EmployerDeps,
  ctx: RequestContext,
  e: EmployerRow & { organizationName: string },
): Promise<{ view: EmployerView; clientRecords: { entityId: string; clientId: string }[] }> {
  const contacts = await contactsOf(deps.db, e.id);
  const locations = await locationsOf(deps.db, e.id);
  const visits = await siteVisitsOf(deps.db, e.id);
  const placementRows = await visiblePlacementsOfEmployers(deps.db, clientVisibility(ctx.actor), [e.id]);
  const names = await userNames(
    deps.db,
    visits.map((v) => v.visitedByUserId),
  );
  const checklist = checklistOf(e);
  const problems = employerEligibilityProblems(checklist);
  return {
    view: {
      id: e.id,
      legalName: e.legalName,
      operatingName: e.operatingName,
      organizationName: e.organizationName,
      registeredOn: e.registeredOn,
      eligible: problems.length === 0,
      lastInPersonVisitOn: latestInPerson(visits.map((v) => ({ on: v.visitedOn, mode: v.mode }))),
      placementCount: placementRows.length,
      ontarioLicenceNumber: e.ontarioLicenceNumber,
      wsibAccountNumber: e.wsibAccountNumber,
      workplaceInsuranceNote: e.workplaceInsuranceNote,
      liabilityInsurer: e.liabilityInsurer,
      liabilityPolicyNumber: e.liabilityPolicyNumber,
      liabilityInsuranceExpiresOn: e.liabilityInsuranceExpiresOn,
      checklist,
      checklistCheckedOn: e.checklistCheckedOn,
      checklistProblems: problems,
      contacts: contacts.map((c) => ({
        id: c.id,
        name: c.name,
        title: c.title,
        phone: c.phone,
        email: c.email,
      })),
      locations: locations.map((l) => ({
        id: l.id,
        label: l.label,
        street: l.street,
        city: l.city,
        postalCode: l.postalCode,
      })),
      siteVisits: visits.map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        mode: v.mode,
        visitedByName: names.get(v.visitedByUserId) ?? '',
        locationId: v.locationId,
        notes: v.notes,
      })),
      siteVisitWindowOpensOn: siteVisitWindowOpensOn(today(deps)),
      placements: placementRows.map((r) => ({
        id: r.placement.id,
        planReference: r.planReference,
        clientName: r.client.purgedAt ? null : displayNameOf(r.client),
        startsOn: r.placement.startsOn,
        endsOn: r.placement.endedOn ?? r.placement.endsOn,
        state: r.supportState,
      })),
      canManage: mayManage(ctx, e),
    },
    clientRecords: placementRows.map((r) => ({ entityId: r.placement.id, clientId: r.client.id })),
  };
}

/** The employer's file; the clients of its placements the reader sees are audited (their names show). */
export async function getEmployer(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
): Promise<EmployerView> {
  const e = await employerInScope(deps.db, ctx, employerId);
  const { view, clientRecords } = await employerView(deps, ctx, e);
  await deps.db.transaction(async (tx) => {
    await audit(tx, ctx, 'read', 'employer', e.id);
    if (clientRecords.length) await auditEach(tx, ctx, 'read', 'placement', clientRecords);
  });
  return view;
}

const reread = async (deps: EmployerDeps, ctx: RequestContext, employerId: string) => {
  const e = await employerInScope(deps.db, ctx, employerId);
  const { view, clientRecords } = await employerView(deps, ctx, e);
  if (clientRecords.length)
    await deps.db.transaction((tx) => auditEach(tx, ctx, 'read', 'placement', clientRecords));
  return view;
};

type EmployerFields = Omit<z.infer<typeof employerBody>, 'contacts' | 'locations'>;

/** Only the fields the request names: a partial update never clears what it does not mention. */
function employerColumns(input: Partial<Omit<EmployerFields, 'legalName'>>) {
  type Key = keyof Omit<EmployerFields, 'legalName'>;
  const set: Partial<Record<Key, string | null>> = {};
  for (const [k, v] of Object.entries(input) as [Key, string | null | undefined][])
    if (v !== undefined) set[k] = v;
  return set;
}

/** F10: the Employer Registration Form, by a provider of the catchment (which then manages it). */
export async function createEmployer(
  deps: EmployerDeps,
  ctx: RequestContext,
  input: z.infer<typeof employerBody>,
): Promise<EmployerView> {
  if (ctx.actor.organizationKind !== 'provider')
    throw forbidden('Employers are registered by the provider working with them.');
  notAfterToday(deps, input.registeredOn, 'body.registeredOn');
  const { contacts = [], locations = [], ...fields } = input;
  const now = deps.now();
  const id = await deps.db.transaction(async (tx) => {
    const { legalName, ...rest } = fields;
    const employerId = await insertEmployer(tx, {
      ...employerColumns(rest),
      legalName,
      catchmentId: ctx.actor.catchmentId,
      organizationId: ctx.actor.organizationId,
      checklist: EMPTY_CHECKLIST,
      createdByUserId: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    for (const c of contacts) await insertContact(tx, { ...contactColumns(c), employerId, createdAt: now });
    for (const l of locations) await insertLocation(tx, { ...l, employerId, createdAt: now });
    await audit(tx, ctx, 'create', 'employer', employerId);
    return employerId;
  });
  return reread(deps, ctx, id);
}

const contactColumns = (c: z.infer<typeof contactBody>) => ({
  name: c.name,
  title: c.title ?? null,
  phone: c.phone ?? null,
  email: c.email ?? null,
});

/**
 * One change to an employer's file by its registering provider: checked first, then written with its
 * audit entry in one transaction, and the file read back as the actor sees it.
 */
async function changeFile(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  write: (tx: Transaction, now: Date) => Promise<unknown>,
): Promise<EmployerView> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await write(tx, now);
    await audit(tx, ctx, 'update', 'employer', employerId);
  });
  return reread(deps, ctx, employerId);
}

export async function changeEmployer(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  input: z.infer<typeof employerPatchBody>,
): Promise<EmployerView> {
  await managedEmployer(deps, ctx, employerId);
  notAfterToday(deps, input.registeredOn, 'body.registeredOn');
  const { legalName, ...rest } = input;
  return changeFile(deps, ctx, employerId, (tx, now) =>
    updateEmployer(tx, employerId, {
      ...employerColumns(rest),
      ...(legalName !== undefined ? { legalName } : {}),
      updatedAt: now,
    }),
  );
}

/** F10: the seven §13 criteria as checked today by the actor. */
export async function setChecklist(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  input: z.infer<typeof checklistBody>,
): Promise<EmployerView> {
  await managedEmployer(deps, ctx, employerId);
  return changeFile(deps, ctx, employerId, (tx, now) =>
    updateEmployer(tx, employerId, {
      checklist: { ...EMPTY_CHECKLIST, ...input.checklist },
      checklistCheckedOn: torontoDate(now),
      checklistCheckedByUserId: ctx.actor.userId,
      updatedAt: now,
    }),
  );
}

export async function addContact(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  input: z.infer<typeof contactBody>,
): Promise<EmployerView> {
  await managedEmployer(deps, ctx, employerId);
  return changeFile(deps, ctx, employerId, (tx, now) =>
    insertContact(tx, { ...contactColumns(input), employerId, createdAt: now }),
  );
}

export async function addLocation(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  input: z.infer<typeof locationBody>,
): Promise<EmployerView> {
  await managedEmployer(deps, ctx, employerId);
  return changeFile(deps, ctx, employerId, (tx, now) =>
    insertLocation(tx, { ...input, employerId, createdAt: now }),
  );
}

/** F10: a visit to the employer by the actor; only in-person ones count toward the 12-month rule. */
export async function addSiteVisit(
  deps: EmployerDeps,
  ctx: RequestContext,
  employerId: string,
  input: z.infer<typeof siteVisitBody>,
): Promise<EmployerView> {
  await managedEmployer(deps, ctx, employerId);
  notAfterToday(deps, input.visitedOn, 'body.visitedOn');
  const locationId = input.locationId ?? null;
  if (locationId !== null) {
    const location = await locationById(deps.db, locationId);
    if (!location || location.employerId !== employerId)
      throw invalid('body.locationId', 'Not one of this employer’s locations', 'unknown_location');
  }
  return changeFile(deps, ctx, employerId, (tx, now) =>
    insertSiteVisit(tx, {
      employerId,
      locationId,
      visitedOn: input.visitedOn,
      mode: input.mode,
      visitedByUserId: ctx.actor.userId,
      notes: input.notes,
      recordedAt: now,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Placement readiness and the hooks of the supports service (F10, F12, F14)

/** F10 `placementReadiness` of a placement, from its employer's file as it is now. */
async function readinessOf(q: Database | Transaction, p: PlacementRow): Promise<PlacementRequirement[]> {
  const employer = await employerById(q, p.employerId);
  if (!employer) throw new Error(`employer ${p.employerId} of placement ${p.id} not found`);
  const visits = await siteVisitsOf(q, p.employerId);
  return placementReadiness({
    startsOn: p.startsOn,
    checklist: checklistOf(employer),
    siteVisits: visits.map((v) => ({ on: v.visitedOn, mode: v.mode })),
    agreementSigned: p.agreementSignedOn !== null,
    clientConsentToShare: p.clientConsentSignedOn !== null,
    employerRegistered: employer.registeredOn !== null,
  });
}

/**
 * F10: what is missing before the placement of an employer support may start (the supports service
 * refuses to issue while anything is), and when the placement ended (F13: the reporting clock).
 * A support without a placement has nothing missing and no end.
 */
export async function placementReadinessOfSupport(
  tx: Transaction,
  supportId: string,
): Promise<{ missing: PlacementRequirement[]; endedOn: string | null }> {
  const p = await placementOfSupport(tx, supportId);
  if (!p) return { missing: [], endedOn: null };
  return { missing: await readinessOf(tx, p), endedOn: p.endedOn };
}

/**
 * F14/F12 after a change to a plan's placements: the monitoring start the facts now give (while no
 * checkpoint is recorded: M7 fixes it after), then the PBF ledger. Mirrors the monitoring service's
 * own settling, so a placement moves the start exactly as a job would.
 */
async function settlePlan(
  tx: Transaction,
  deps: PlacementHookDeps,
  ctx: RequestContext,
  planId: string,
  now: Date,
) {
  const key = await keyOfPlanId(tx, deps.crypto, planId);
  if (!key) throw new Error(`plan ${planId} not found`);
  const facts = await loadPlanMonitoringFacts(tx, planId, key);
  const fixed = Object.keys(facts.records).length > 0;
  const computed = computedMonitoringStart(facts);
  const stored = facts.plan.monitoringStartedOn;
  if (!fixed && (computed?.startOn ?? null) !== stored) {
    await setPlanMonitoring(tx, planId, { monitoringStartedOn: computed?.startOn ?? null, updatedAt: now });
    await planEventBy(tx, ctx, planId, now, 'monitoring_started', {
      startOn: computed?.startOn ?? null,
      triggers: computed?.triggers ?? [],
      previous: stored,
    });
  }
  await refreshPbfLedger(tx, planId, deps);
}

/**
 * F12/F14: the employer support of a placement is approved (at submission without pre-approval, or
 * at the SSM's pre-approval): the placement's supported period is written (through its actual end
 * when it has ended) so PBF checkpoints inside it are deferred, and a placement meant to continue as
 * a job may start monitoring. Inside the placement POST the placement row does not exist yet when
 * the support is submitted: then this does nothing and the POST calls it again. Idempotent.
 */
export async function onEmployerSupportApproved(
  tx: Transaction,
  deps: PlacementHookDeps,
  ctx: RequestContext,
  supportId: string,
): Promise<void> {
  // Locked: an end recorded at the same moment is either seen here or waits for this period.
  const p = (await lockPlacementOfSupport(tx, supportId))?.placement;
  if (!p) return;
  const now = deps.now();
  const endsOn = p.endedOn ?? p.endsOn;
  if (p.employerSupportPeriodId) {
    await setPlacementPeriodEnd(tx, p.employerSupportPeriodId, endsOn, now);
  } else {
    const periodId = await insertPlacementPeriod(tx, {
      planId: p.planId,
      startsOn: p.startsOn,
      endsOn,
      recordedByUserId: ctx.actor.userId,
      at: now,
    });
    await updatePlacement(tx, p.id, { employerSupportPeriodId: periodId, updatedAt: now });
    await planEventBy(tx, ctx, p.planId, now, 'employer_support_recorded', {
      periodId,
      source: 'placement',
      placementId: p.id,
      startsOn: p.startsOn,
      endsOn,
    });
  }
  await settlePlan(tx, deps, ctx, p.planId, now);
}

/** F12/F14: a cancelled employer support was never paid: its placement's period goes. */
export async function onEmployerSupportCancelled(
  tx: Transaction,
  deps: PlacementHookDeps,
  ctx: RequestContext,
  supportId: string,
): Promise<void> {
  const p = (await lockPlacementOfSupport(tx, supportId))?.placement;
  if (!p?.employerSupportPeriodId) return;
  const now = deps.now();
  await removePlacementPeriod(tx, p.id, p.employerSupportPeriodId, now);
  await planEventBy(tx, ctx, p.planId, now, 'employer_support_recorded', {
    periodId: p.employerSupportPeriodId,
    source: 'placement',
    placementId: p.id,
    removed: true,
  });
  await settlePlan(tx, deps, ctx, p.planId, now);
}

// ---------------------------------------------------------------------------------------------
// Placements

/** States in which the employer has coverage confirmed (the placement may go ahead). */
const COVERED: readonly RequestState[] = ['approved', 'issued', 'reported', 'report_approved', 'withheld'];

async function placementInScope(deps: EmployerDeps, ctx: RequestContext, placementId: string) {
  const placement = await placementById(deps.db, placementId);
  // Out of scope reads as none (I2): the plan decides who sees its placements.
  const row = placement ? await planInScope(deps.db, ctx, placement.planId) : null;
  if (!placement || !row) throw notFound('Placement');
  return { placement, row };
}

const delivers = (ctx: RequestContext, row: VisiblePlan) =>
  hasPermission(ctx.actor, 'support.request') && row.plan.organizationId === ctx.actor.organizationId;

async function placementView(
  deps: EmployerDeps,
  ctx: RequestContext,
  row: VisiblePlan,
  p: PlacementRow,
): Promise<PlacementView> {
  const employer = await employerById(deps.db, p.employerId);
  const support = await supportOfPlacement(deps.db, p.supportId);
  if (!employer || !support) throw new Error(`placement ${p.id} lost its employer or support`);
  const location = p.locationId ? await locationById(deps.db, p.locationId) : null;
  const missing = await readinessOf(deps.db, p);
  const day = today(deps);
  const open =
    delivers(ctx, row) && support.state !== 'cancelled' && contentChangeRefusal(row.plan.status) === null;
  const running = open && p.endedOn === null;
  const actions: PlacementView['actions'] = [];
  if (running && p.agreementSignedOn === null) actions.push('record_agreement');
  if (running && p.clientConsentSignedOn === null) actions.push('record_consent');
  // F10: "start" is what the page offers once nothing is missing and coverage is confirmed.
  if (running && missing.length === 0 && COVERED.includes(support.state)) actions.push('start');
  if (running && compareIsoDates(day, p.startsOn) >= 0) actions.push('end');
  return {
    id: p.id,
    planId: p.planId,
    planReference: row.plan.reference,
    supportId: p.supportId,
    support: await supportView(deps.db, deps, ctx, p.supportId),
    employerId: p.employerId,
    employerName: employer.operatingName ?? employer.legalName,
    location: location
      ? {
          id: location.id,
          label: location.label,
          street: location.street,
          city: location.city,
          postalCode: location.postalCode,
        }
      : null,
    jobTitle: p.jobTitle,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    endedOn: p.endedOn,
    minutesPerWeek: p.minutesPerWeek,
    scheduleNote: p.scheduleNote,
    hourlyWageCents: p.hourlyWageCents,
    trainingIncentiveCents: p.trainingIncentiveCents,
    intendedToContinue: p.intendedToContinue,
    agreementSignedOn: p.agreementSignedOn,
    clientConsentSignedOn: p.clientConsentSignedOn,
    readiness: { missing },
    reportDueOn: support.reportDueOn,
    actions,
  };
}

/** A placement of a plan the actor sees. Audited (it is part of the client's record). */
export async function getPlacement(
  deps: EmployerDeps,
  ctx: RequestContext,
  placementId: string,
  options: { audited?: boolean } = {},
): Promise<PlacementView> {
  const { placement, row } = await placementInScope(deps, ctx, placementId);
  const view = await placementView(deps, ctx, row, placement);
  if (!options.audited)
    await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'placement', placement.id, row.plan.clientId));
  return view;
}

export async function listPlanPlacements(
  deps: EmployerDeps,
  ctx: RequestContext,
  planId: string,
): Promise<{ placements: PlacementView[] }> {
  const row = await planInScope(deps.db, ctx, planId);
  if (!row) throw notFound('Plan');
  const rows = await placementsOfPlan(deps.db, planId);
  const placements: PlacementView[] = [];
  for (const p of rows) placements.push(await placementView(deps, ctx, row, p));
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'placement', null, row.plan.clientId));
  return { placements };
}

/** The plan's delivering provider, on a plan whose content may still change. */
async function deliveredPlan(deps: EmployerDeps, ctx: RequestContext, planId: string) {
  const row = await planInScope(deps.db, ctx, planId);
  if (!row) throw notFound('Plan');
  if (!delivers(ctx, row)) throw forbidden('Only the provider delivering this plan manages its placements.');
  const closed = contentChangeRefusal(row.plan.status);
  if (closed) throw refuse(closed.rule, closed.en, closed.fr);
  return row;
}

function checkDates(d: { startsOn: IsoDate; endsOn: IsoDate }, field: string) {
  if (compareIsoDates(d.endsOn, d.startsOn) < 0)
    throw invalid(field, 'A placement cannot end before it starts', 'ends_before_start');
}

/**
 * F10/F12/F14: a placement with its employer support, in one transaction: the support first
 * (`submitSupportInTx`: F1, F4, F6, F9 and the plan lock, the same code as every support), then the
 * placement row that references it; if the support needed no pre-approval it is approved already,
 * and the placement's period is written now (the support service's hook ran before the row existed).
 */
export async function createPlacement(
  deps: EmployerDeps,
  ctx: RequestContext,
  planId: string,
  input: PlacementInput,
): Promise<PlacementView> {
  const row = await deliveredPlan(deps, ctx, planId);
  const employer = await employerInScope(deps.db, ctx, input.employerId);
  const locationId = input.locationId ?? null;
  if (locationId !== null) {
    const location = await locationById(deps.db, locationId);
    if (!location || location.employerId !== employer.id)
      throw invalid('body.locationId', 'Not one of this employer’s locations', 'unknown_location');
  }
  checkDates(input, 'body.endsOn');
  notAfterToday(deps, input.agreementSignedOn, 'body.agreementSignedOn');
  notAfterToday(deps, input.clientConsentSignedOn, 'body.clientConsentSignedOn');
  const placementId = randomUUID();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const support = await submitSupportInTx(tx, deps, ctx, row.plan, {
      kind: 'employer',
      category: null,
      employerUse: input.employerUse,
      // Shown in both languages, so no English words around the two names.
      description: `${input.jobTitle} — ${employer.legalName}`,
      vendorName: employer.legalName,
      sellerKind: 'business',
      purchaseForm: 'goods_or_services',
      amountCents: input.trainingIncentiveCents,
      servicesDebt: false,
      periodFrom: input.startsOn,
      periodTo: input.endsOn,
      planGoalOrdinal: input.planGoalOrdinal ?? null,
      planItemId: input.planItemId ?? null,
      justification: input.justification,
      saCoordinationNote: input.saCoordinationNote ?? null,
      // The incentive is paid once the placement is done (F13: reported within 15 business days).
      plannedIssueOn: input.endsOn,
      placementId,
    });
    await insertPlacement(tx, {
      id: placementId,
      supportId: support.id,
      planId,
      employerId: employer.id,
      locationId,
      jobTitle: input.jobTitle,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      minutesPerWeek: input.minutesPerWeek,
      scheduleNote: input.scheduleNote ?? '',
      hourlyWageCents: input.hourlyWageCents ?? null,
      trainingIncentiveCents: input.trainingIncentiveCents,
      intendedToContinue: input.intendedToContinue,
      agreementSignedOn: input.agreementSignedOn ?? null,
      clientConsentSignedOn: input.clientConsentSignedOn ?? null,
      createdByUserId: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const state = (await supportOfPlacement(tx, support.id))?.state;
    if (state === 'approved') await onEmployerSupportApproved(tx, deps, ctx, support.id);
    await audit(tx, ctx, 'create', 'placement', placementId, row.plan.clientId);
  });
  return getPlacement(deps, ctx, placementId, { audited: true });
}

/** A placement its plan's provider may still change: not cancelled, on an open plan. */
async function workablePlacement(deps: EmployerDeps, ctx: RequestContext, placementId: string) {
  const { placement, row } = await placementInScope(deps, ctx, placementId);
  if (!delivers(ctx, row)) throw forbidden('Only the provider delivering this plan manages its placements.');
  const closed = contentChangeRefusal(row.plan.status);
  if (closed) throw refuse(closed.rule, closed.en, closed.fr);
  const support = await supportOfPlacement(deps.db, placement.supportId);
  if (!support || support.state === 'cancelled')
    throw conflict('support_cancelled', 'The placement’s employer support was cancelled.');
  return { placement, row, support };
}

/**
 * The placement as it is now, under the lock of its support and itself: what was read before the
 * transaction may have changed (another end, a change, the SSM's approval writing the period).
 */
async function lockedWorkable(tx: Transaction, placement: PlacementRow): Promise<PlacementRow> {
  const locked = await lockPlacementOfSupport(tx, placement.supportId);
  if (!locked) throw notFound('Placement');
  if (locked.supportState === 'cancelled')
    throw conflict('support_cancelled', 'The placement’s employer support was cancelled.');
  return locked.placement;
}

/** F10: the agreement and consent signatures, the agreed end, the schedule. */
export async function changePlacement(
  deps: EmployerDeps,
  ctx: RequestContext,
  placementId: string,
  input: z.infer<typeof placementPatchBody>,
): Promise<PlacementView> {
  const { placement, row } = await workablePlacement(deps, ctx, placementId);
  notAfterToday(deps, input.agreementSignedOn, 'body.agreementSignedOn');
  notAfterToday(deps, input.clientConsentSignedOn, 'body.clientConsentSignedOn');
  if (input.endsOn !== undefined) {
    if (placement.endedOn !== null)
      throw conflict('placement_ended', 'The placement has ended; its agreed end no longer changes.');
    checkDates({ startsOn: placement.startsOn, endsOn: input.endsOn }, 'body.endsOn');
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await lockedWorkable(tx, placement);
    if (input.endsOn !== undefined && current.endedOn !== null)
      throw conflict('placement_ended', 'The placement has ended; its agreed end no longer changes.');
    await updatePlacement(tx, placementId, {
      ...(input.agreementSignedOn !== undefined ? { agreementSignedOn: input.agreementSignedOn } : {}),
      ...(input.clientConsentSignedOn !== undefined
        ? { clientConsentSignedOn: input.clientConsentSignedOn }
        : {}),
      ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
      ...(input.scheduleNote !== undefined ? { scheduleNote: input.scheduleNote } : {}),
      ...(input.minutesPerWeek !== undefined ? { minutesPerWeek: input.minutesPerWeek } : {}),
      updatedAt: now,
    });
    // F12: the supported period follows the agreed end while the placement runs.
    if (input.endsOn !== undefined && current.employerSupportPeriodId) {
      await setPlacementPeriodEnd(tx, current.employerSupportPeriodId, input.endsOn, now);
      await settlePlan(tx, deps, ctx, placement.planId, now);
    }
    await audit(tx, ctx, 'update', 'placement', placementId, row.plan.clientId);
  });
  return getPlacement(deps, ctx, placementId, { audited: true });
}

/**
 * F13/F12: the placement's actual last day. The employer support must be reported within 15
 * business days of it (the catchment's calendar: weekends, holidays, SSM closures); the supported
 * period ends there, and the PBF ledger follows (a later unsubsidized outcome releases deferred lines).
 */
export async function endPlacement(
  deps: EmployerDeps,
  ctx: RequestContext,
  placementId: string,
  input: { endedOn: IsoDate },
): Promise<PlacementView> {
  const { placement, row } = await workablePlacement(deps, ctx, placementId);
  if (placement.endedOn !== null)
    throw conflict('placement_ended', `The placement already ended on ${placement.endedOn}.`);
  if (compareIsoDates(input.endedOn, placement.startsOn) < 0)
    throw invalid('body.endedOn', 'A placement cannot end before it starts', 'ends_before_start');
  notAfterToday(deps, input.endedOn, 'body.endedOn');
  const calendar = await calendarFor(deps.db, row.plan.catchmentId);
  const dueOn = reportDueOn(calendar, { kind: 'employer', placementEndedOn: input.endedOn });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Two ends at once: the second sees the first's under the lock.
    const current = await lockedWorkable(tx, placement);
    if (current.endedOn !== null)
      throw conflict('placement_ended', `The placement already ended on ${current.endedOn}.`);
    await updatePlacement(tx, placementId, { endedOn: input.endedOn, updatedAt: now });
    await setSupportReportDueOn(tx, placement.supportId, dueOn, now);
    if (current.employerSupportPeriodId) {
      await setPlacementPeriodEnd(tx, current.employerSupportPeriodId, input.endedOn, now);
      await planEventBy(tx, ctx, placement.planId, now, 'employer_support_recorded', {
        periodId: current.employerSupportPeriodId,
        source: 'placement',
        placementId,
        startsOn: current.startsOn,
        endsOn: input.endedOn,
        previousEndsOn: current.endsOn,
      });
      await settlePlan(tx, deps, ctx, placement.planId, now);
    }
    await audit(tx, ctx, 'update', 'placement', placementId, row.plan.clientId);
  });
  return getPlacement(deps, ctx, placementId, { audited: true });
}
