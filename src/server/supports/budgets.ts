/**
 * ERFS budgets (F3, F7, F8): each provider's allocation for a fiscal year (1 April–31 March) and
 * where it stands, derived from the supports themselves so a withheld report or a cancellation is
 * reflected at once. SSM finance sets the allocation's parts; the allocation is computed, never
 * stored. Budget reads hold amounts and states only (no personal data).
 */
import type { Database } from '../../db/connection.js';
import {
  budgetLinesOf,
  budgetsOf,
  providersOf,
  saveBudget,
  type BudgetRowDb,
} from '../../db/repositories/supports.js';
import { hasPermission } from '../../domain/access/policy.js';
import { compareIsoDates, torontoDate } from '../../domain/calendar/index.js';
import { fiscalYearOf, fiscalYearRange } from '../../domain/calendar/fiscal-year.js';
import {
  budgetPosition,
  erfsAllocationCents,
  maxReallocationCents,
  reallocationProblems,
  statusQuoByQuarter,
  type BudgetLine,
} from '../../domain/supports/budgets.js';
import { audit } from '../audit/record.js';
import type { RequestContext } from '../http/context.js';
import { forbidden, notFound, ProblemError, refuse } from '../http/problem.js';
import type { BudgetRow } from './schemas.js';

export interface BudgetDeps {
  db: Database;
  now: () => Date;
}

export interface BudgetInput {
  basePerClientCents: number;
  clientVolume: number;
  operationalCents: number;
  reallocationCents: number;
  odspReserveCents: number | null;
}

const UNCONFIGURED: BudgetInput = {
  basePerClientCents: 0,
  clientVolume: 0,
  operationalCents: 0,
  reallocationCents: 0,
  odspReserveCents: null,
};

type Line = Awaited<ReturnType<typeof budgetLinesOf>>[number];

const budgetLineOf = (l: Line): BudgetLine => ({
  state: l.state,
  cents: l.cents,
  fundingSource: l.fundingSource,
  // F7: a status-quo support hangs on no EAP; it is reported apart.
  statusQuo: l.planId === null,
  requestedOn: torontoDate(l.requestedAt),
  approvedOn: l.approvedOn,
  issuedOn: l.issuedOn,
});

function rowOf(
  provider: { id: string; name: string },
  fiscalYear: number,
  stored: BudgetRowDb | undefined,
  lines: readonly BudgetLine[],
  today: string,
): BudgetRow {
  const parts: BudgetInput = stored ?? UNCONFIGURED;
  const allocationCents = erfsAllocationCents(parts);
  return {
    organizationId: provider.id,
    organizationName: provider.name,
    configured: stored !== undefined,
    basePerClientCents: parts.basePerClientCents,
    clientVolume: parts.clientVolume,
    operationalCents: parts.operationalCents,
    reallocationCents: parts.reallocationCents,
    maxReallocationCents: maxReallocationCents(parts.operationalCents),
    odspReserveCents: parts.odspReserveCents,
    position: budgetPosition({
      fiscalYear,
      allocationCents,
      odspReserveCents: parts.odspReserveCents,
      lines,
    }),
    statusQuoByQuarter: statusQuoByQuarter(lines, fiscalYear),
    yearEnded: compareIsoDates(today, fiscalYearRange(fiscalYear).to) > 0,
  };
}

/** The providers whose budgets the actor reads: a provider its own, the SSM its catchment's. */
async function providersFor(db: Database, ctx: RequestContext, organizationId: string | null = null) {
  if (ctx.actor.organizationKind === 'provider') {
    if (organizationId && organizationId !== ctx.actor.organizationId) return [];
    return providersOf(db, ctx.actor.catchmentId, ctx.actor.organizationId);
  }
  if (ctx.actor.organizationKind === 'ssm') return providersOf(db, ctx.actor.catchmentId, organizationId);
  return [];
}

async function rowsFor(
  deps: BudgetDeps,
  providers: readonly { id: string; name: string }[],
  fiscalYear: number,
): Promise<BudgetRow[]> {
  const ids = providers.map((p) => p.id);
  const stored = await budgetsOf(deps.db, ids, fiscalYear);
  const lines = await budgetLinesOf(deps.db, ids);
  const today = torontoDate(deps.now());
  return providers.map((p) =>
    rowOf(
      p,
      fiscalYear,
      stored.find((b) => b.organizationId === p.id),
      lines.filter((l) => l.organizationId === p.id).map(budgetLineOf),
      today,
    ),
  );
}

/** GET /budgets (F3, F7, F8): a provider sees its own; the SSM every provider of its catchment. */
export async function listBudgets(
  deps: BudgetDeps,
  ctx: RequestContext,
  fiscalYear: number | undefined,
): Promise<{ fiscalYear: number; providers: BudgetRow[] }> {
  const year = fiscalYear ?? fiscalYearOf(torontoDate(deps.now()));
  const providers = await providersFor(deps.db, ctx);
  return { fiscalYear: year, providers: await rowsFor(deps, providers, year) };
}

/** A fiscal year named in a path; anything else is no budget (404). */
export function fiscalYearOfPath(text: string): number {
  if (!/^\d{4}$/.test(text)) throw notFound('Budget');
  const year = Number(text);
  if (year < 2000 || year > 2199) throw notFound('Budget');
  return year;
}

/** PUT /budgets/:organizationId/:fiscalYear (F3): SSM finance sets a provider's allocation. */
export async function setBudget(
  deps: BudgetDeps,
  ctx: RequestContext,
  organizationId: string,
  fiscalYear: number,
  input: BudgetInput,
): Promise<BudgetRow> {
  if (!hasPermission(ctx.actor, 'budget.manage') || ctx.actor.organizationKind !== 'ssm')
    throw forbidden('SSM finance sets the providers’ ERFS budgets.');
  const [provider] = await providersOf(deps.db, ctx.actor.catchmentId, organizationId);
  if (!provider) throw notFound('Provider');
  // F3: at most 10% of operational funding moves into ERFS.
  const problems = reallocationProblems(input.operationalCents, input.reallocationCents);
  if (problems.length) {
    const p = problems[0]!;
    throw new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
      rule: p.rule,
      detail: `${p.rule}: ${p.en}`,
      messageFr: `${p.rule} : ${p.fr}`,
      errors: [
        {
          field: 'body.reallocationCents',
          message: `${p.rule}: ${p.en} (at most ${maxReallocationCents(input.operationalCents)} cents)`,
          code: p.code,
        },
      ],
      problems: [p],
    });
  }
  if (!Number.isSafeInteger(input.basePerClientCents * input.clientVolume + input.reallocationCents))
    throw refuse('F3', 'the allocation is too large.', 'l’allocation est trop élevée.');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await saveBudget(tx, {
      organizationId,
      fiscalYear,
      ...input,
      updatedByUserId: ctx.actor.userId,
      updatedAt: now,
    });
    await audit(tx, ctx, 'update', 'erfs_budget', organizationId);
  });
  const [row] = await rowsFor(deps, [provider], fiscalYear);
  return row!;
}
