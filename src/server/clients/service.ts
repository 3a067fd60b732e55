import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import { matchPerson, nameKeys, normalizeName } from '../../domain/people/matching.js';
import { checkSin, maskSin, SIN_PROBLEM_MESSAGES } from '../../domain/people/sin.js';
import type { SpecializedPopulationAnswers } from '../../domain/people/specialized-populations.js';
import {
  ensureShare,
  findClientIdBySinIndex,
  findVisibleClient,
  insertClient,
  nextClientReference,
  searchClientCandidates,
  updateClient,
  type ClientInsert,
} from '../../db/repositories/clients.js';
import { inProgressOfClients } from '../../db/repositories/assessments.js';
import { recordIcmEvent } from '../../db/repositories/case-records.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import { findUser } from '../../db/repositories/users.js';
import { audit } from '../audit/record.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../http/problem.js';
import { checkRegion } from '../organizations/service.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type { z } from 'zod';
import { PersonalDataKey, sealNewClient, type Contact } from './personal-data.js';
import type { Client, ClientCreate, ClientUpdate, clientSearchResultSchema } from './schemas.js';

export interface ClientDeps {
  db: Database;
  crypto: PersonCrypto;
  /** The service clock (app.services.now); ICM events are stamped with it. */
  now?: () => Date;
}

/** E2: a SIN that fails validation is refused with the rule and a message in both languages. */
function sinOrRefuse(input: string, field: string) {
  const check = checkSin(input);
  if (!check.valid) {
    const message = SIN_PROBLEM_MESSAGES[check.problem!];
    throw new ProblemError(400, 'invalid_sin', 'Invalid SIN', {
      detail: `E2: ${message.en}`,
      rule: 'E2',
      messageFr: `E2 : ${message.fr}`,
      errors: [{ field, message: message.en, code: check.problem! }],
    });
  }
  return { digits: check.normalized!, temporary: check.temporary };
}

function duplicateSin(): ProblemError {
  return conflict(
    'duplicate_sin',
    'E2: This SIN already belongs to a person in Pathways. Search for them instead of adding a new record.',
    {
      rule: 'E2',
      messageFr:
        'E2 : Ce NAS appartient déjà à une personne dans Pathways. Recherchez-la plutôt que de créer un nouveau dossier.',
    },
  );
}

/** Checks the SA link refers to a real office of the right program, and a caseworker of that office. */
async function checkSocialAssistance(
  db: Database,
  ctx: RequestContext,
  sa: ClientCreate['socialAssistance'],
) {
  if (!sa) return;
  if (sa.officeId) {
    const office = await findOrganization(db, sa.officeId);
    if (
      !office ||
      office.organization.catchmentId !== ctx.actor.catchmentId ||
      office.organization.kind !== 'sa_office'
    ) {
      throw invalid('body.socialAssistance.officeId', 'Choose a social-assistance office of your catchment.');
    }
    if (office.organization.saProgram !== sa.program) {
      throw invalid(
        'body.socialAssistance.program',
        `This office delivers ${office.organization.saProgram?.toUpperCase()}, not ${sa.program.toUpperCase()}.`,
      );
    }
  }
  if (sa.caseworkerId) {
    const worker = await findUser(db, sa.caseworkerId);
    if (
      !worker ||
      !sa.officeId ||
      worker.user.organizationId !== sa.officeId ||
      !worker.user.roles.includes('sa_caseworker')
    ) {
      throw invalid('body.socialAssistance.caseworkerId', 'Choose a caseworker of the chosen office.');
    }
  }
}

export async function createClient(
  deps: ClientDeps,
  ctx: RequestContext,
  input: ClientCreate,
): Promise<Client> {
  const { db, crypto } = deps;
  const sin = input.sin ? sinOrRefuse(input.sin, 'body.sin') : null;
  const sinIndex = sin ? crypto.blindIndex('sin', sin.digits) : null;
  if (sinIndex && (await findClientIdBySinIndex(db, sinIndex))) throw duplicateSin();
  await checkSocialAssistance(db, ctx, input.socialAssistance);
  await checkRegion(db, ctx, input.regionId);

  const id = randomUUID();
  const sealed = sealNewClient(crypto, id, sin?.digits ?? null, {
    address: input.address,
    phone: input.phone,
    email: input.email,
  });
  const shares: { organizationId: string; userId: string | null; reason: string }[] = [];
  // The creator's organization serves the client; an SA caseworker shares with themself (clients
  // "shared with them"), and a named SA caseworker of the SA link gets the record too (C2).
  if (ctx.actor.organizationKind === 'provider')
    shares.push({ organizationId: ctx.actor.organizationId, userId: null, reason: 'created' });
  if (ctx.actor.organizationKind === 'sa_office')
    shares.push({ organizationId: ctx.actor.organizationId, userId: ctx.actor.userId, reason: 'created' });
  const sa = input.socialAssistance;
  if (sa?.officeId && sa.caseworkerId && sa.caseworkerId !== ctx.actor.userId) {
    shares.push({ organizationId: sa.officeId, userId: sa.caseworkerId, reason: 'sa_caseworker' });
  }
  await db.transaction(async (tx) => {
    const values: ClientInsert & { id: string } = {
      id,
      reference: await nextClientReference(tx),
      catchmentId: ctx.actor.catchmentId,
      legalGivenName: input.legalGivenName,
      legalFamilyName: input.legalFamilyName,
      preferredName: input.preferredName,
      ...nameKeys(input.legalFamilyName, input.legalGivenName),
      dateOfBirth: input.dateOfBirth,
      sinIndex: sealed.sinIndex,
      sinEncrypted: sealed.sinEncrypted,
      sinTemporary: sin?.temporary ?? false,
      contactEncrypted: sealed.contactEncrypted,
      preferredContactMethod: input.preferredContactMethod,
      preferredContactTime: input.preferredContactTime,
      language: input.language,
      languageOther: input.language === 'other' ? input.languageOther : null,
      specializedPopulations: input.specializedPopulations as SpecializedPopulationAnswers,
      saProgram: sa?.program ?? null,
      samsMemberId: sa?.samsMemberId ?? null,
      saOfficeId: sa?.officeId ?? null,
      saCaseworkerId: sa?.caseworkerId ?? null,
      regionId: input.regionId,
      createdByOrganizationId: ctx.actor.organizationId,
    };
    await insertClient(tx, values, sealed.wrappedKey, shares);
    await audit(tx, ctx, 'create', 'client', id, id);
  });
  return readClient(deps, ctx, id, { audited: true });
}

type Visible = NonNullable<Awaited<ReturnType<typeof findVisibleClient>>>;

async function visibleOrNotFound(db: Database, ctx: RequestContext, id: string): Promise<Visible> {
  const row = await findVisibleClient(db, clientVisibility(ctx.actor), id);
  // Someone else's client is indistinguishable from no client: no existence leak across organizations.
  if (!row) throw notFound('Client');
  return row;
}

function toClient(crypto: PersonCrypto, row: Visible): Client {
  const c = row.client;
  const key = PersonalDataKey.open(crypto, c.id, row.wrappedKey);
  const contact = key.contact(c.contactEncrypted);
  const sinDigits = key.sin(c.sinEncrypted);
  return {
    id: c.id,
    reference: c.reference,
    legalGivenName: c.legalGivenName,
    legalFamilyName: c.legalFamilyName,
    preferredName: c.preferredName,
    dateOfBirth: c.dateOfBirth,
    sinMasked: sinDigits ? maskSin(sinDigits) : null,
    sinTemporary: c.sinTemporary,
    address: contact.address,
    phone: contact.phone,
    email: contact.email,
    preferredContactMethod: c.preferredContactMethod as Client['preferredContactMethod'],
    preferredContactTime: c.preferredContactTime as Client['preferredContactTime'],
    language: c.language as Client['language'],
    languageOther: c.languageOther,
    specializedPopulations: c.specializedPopulations,
    socialAssistance:
      c.saProgram && c.samsMemberId
        ? {
            program: c.saProgram,
            samsMemberId: c.samsMemberId,
            officeId: c.saOfficeId,
            officeName: row.saOfficeName,
            caseworkerId: c.saCaseworkerId,
            caseworkerName: row.saCaseworkerName,
          }
        : null,
    regionId: c.regionId,
    sharedWith: row.shares,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Reads a client's record; every read is audited (the create/update paths audit their own write). */
export async function readClient(
  deps: ClientDeps,
  ctx: RequestContext,
  id: string,
  options: { audited?: boolean } = {},
): Promise<Client> {
  const row = await visibleOrNotFound(deps.db, ctx, id);
  if (!options.audited) await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'client', id, id));
  return toClient(deps.crypto, row);
}

export async function changeClient(
  deps: ClientDeps,
  ctx: RequestContext,
  id: string,
  input: ClientUpdate,
): Promise<Client> {
  const { db, crypto } = deps;
  const row = await visibleOrNotFound(db, ctx, id);
  if (row.client.purgedAt) throw conflict('client_purged', 'This person’s information has been removed.');
  const current = toClient(crypto, row);
  const values: Partial<ClientInsert> = {};
  const key = PersonalDataKey.open(crypto, id, row.wrappedKey);

  if (input.sin !== undefined) {
    if (input.sin === null) {
      Object.assign(values, { sinIndex: null, sinEncrypted: null, sinTemporary: false });
    } else {
      const sin = sinOrRefuse(input.sin, 'body.sin');
      const sinIndex = crypto.blindIndex('sin', sin.digits);
      const holder = await findClientIdBySinIndex(db, sinIndex);
      if (holder && holder !== id) throw duplicateSin();
      Object.assign(values, { sinIndex, sinEncrypted: key.sealSin(sin.digits), sinTemporary: sin.temporary });
    }
  }
  if (input.address !== undefined || input.phone !== undefined || input.email !== undefined) {
    const contact: Contact = {
      address: input.address !== undefined ? input.address : current.address,
      phone: input.phone !== undefined ? input.phone : current.phone,
      email: input.email !== undefined ? input.email : current.email,
    };
    values.contactEncrypted = key.sealContact(contact);
  }
  if (input.socialAssistance !== undefined) {
    await checkSocialAssistance(db, ctx, input.socialAssistance);
    const sa = input.socialAssistance;
    Object.assign(values, {
      saProgram: sa?.program ?? null,
      samsMemberId: sa?.samsMemberId ?? null,
      saOfficeId: sa?.officeId ?? null,
      saCaseworkerId: sa?.caseworkerId ?? null,
    });
  }
  if (input.regionId !== undefined) {
    await checkRegion(db, ctx, input.regionId);
    values.regionId = input.regionId;
  }
  for (const field of [
    'legalGivenName',
    'legalFamilyName',
    'preferredName',
    'dateOfBirth',
    'preferredContactMethod',
    'preferredContactTime',
    'language',
    'languageOther',
  ] as const) {
    if (input[field] !== undefined) (values as Record<string, unknown>)[field] = input[field];
  }
  if (input.language !== undefined && input.language !== 'other') values.languageOther = null;
  if (input.specializedPopulations !== undefined)
    values.specializedPopulations = input.specializedPopulations as SpecializedPopulationAnswers;
  if (input.legalGivenName !== undefined || input.legalFamilyName !== undefined) {
    Object.assign(
      values,
      nameKeys(
        input.legalFamilyName ?? current.legalFamilyName,
        input.legalGivenName ?? current.legalGivenName,
      ),
    );
  }
  const icm = icmChanges(current, input);
  await db.transaction(async (tx) => {
    await updateClient(tx, id, values);
    const sa = input.socialAssistance;
    if (sa?.officeId && sa.caseworkerId)
      await ensureShare(tx, id, sa.officeId, sa.caseworkerId, 'sa_caseworker');
    // I4: contact and SA caseworker changes are recorded at once, for the other side to see.
    for (const change of icm) {
      await recordIcmEvent(tx, {
        clientId: id,
        catchmentId: row.client.catchmentId,
        at: deps.now?.() ?? new Date(),
        kind: change.kind,
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        detail: change.detail,
      });
    }
    await audit(tx, ctx, 'update', 'client', id, id);
  });
  return readClient(deps, ctx, id, { audited: true });
}

/**
 * I4: which ICM events a client update makes — contact details that really changed (by field
 * name, never the values) and a new SA caseworker or office.
 */
function icmChanges(current: Client, input: ClientUpdate) {
  const changes: {
    kind: 'contact_details_changed' | 'sa_caseworker_changed';
    detail: Record<string, string | null>;
  }[] = [];
  const fields = (['address', 'phone', 'email'] as const).filter(
    (f) => input[f] !== undefined && JSON.stringify(input[f]) !== JSON.stringify(current[f]),
  );
  if (fields.length) changes.push({ kind: 'contact_details_changed', detail: { fields: fields.join(',') } });
  if (input.socialAssistance !== undefined) {
    const before = current.socialAssistance;
    const after = input.socialAssistance;
    const caseworkerId = after?.caseworkerId ?? null;
    const officeId = after?.officeId ?? null;
    if ((before?.caseworkerId ?? null) !== caseworkerId || (before?.officeId ?? null) !== officeId)
      changes.push({
        kind: 'sa_caseworker_changed',
        detail: {
          saOfficeId: officeId,
          saCaseworkerId: caseworkerId,
          previousSaCaseworkerId: before?.caseworkerId ?? null,
        },
      });
  }
  return changes;
}

/** The full SIN, for identity verification with the client; always audited. */
export async function revealSin(
  deps: ClientDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ sin: string | null }> {
  if (!hasPermission(ctx.actor, 'client.reveal_sin')) throw forbidden();
  const row = await visibleOrNotFound(deps.db, ctx, id);
  await deps.db.transaction((tx) => audit(tx, ctx, 'reveal_sin', 'client', id, id));
  return { sin: PersonalDataKey.open(deps.crypto, id, row.wrappedKey).sin(row.client.sinEncrypted) };
}

type SearchResult = z.infer<typeof clientSearchResultSchema>;

/** How many candidate rows a search ranks at most; the best `limit` of them are returned. */
const CANDIDATES = 500;

function swappedDayMonth(iso: string): string | undefined {
  const [y, m, d] = iso.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : undefined;
}

/**
 * C1: search by name, date of birth and SIN before creating anyone. Candidates come from the
 * database within the actor's visibility; the domain ranks them and flags likely duplicates.
 */
export async function searchClients(
  deps: ClientDeps,
  ctx: RequestContext,
  query: {
    name?: string | undefined;
    dateOfBirth?: string | undefined;
    sin?: string | undefined;
    limit: number;
  },
): Promise<SearchResult[]> {
  const { db, crypto } = deps;
  const sin = query.sin ? sinOrRefuse(query.sin, 'query.sin') : null;
  const sinIndex = sin ? crypto.blindIndex('sin', sin.digits) : undefined;
  const tokens = query.name
    ? normalizeName(query.name)
        .split(' ')
        .filter((t) => t.length >= 2)
    : [];
  const visibility = clientVisibility(ctx.actor);
  const candidates = await searchClientCandidates(db, visibility, {
    nameTokens: tokens,
    dateOfBirth: query.dateOfBirth,
    sinIndex,
    limit: CANDIDATES,
  });
  // Typos and day/month swaps are how duplicates are born: when the close criteria find little,
  // widen to the first letters of each name and the swapped date of birth.
  if (candidates.length < query.limit) {
    const seen = new Set(candidates.map((c) => c.id));
    const wider = await searchClientCandidates(db, visibility, {
      nameTokens: tokens.filter((t) => t.length > 3).map((t) => t.slice(0, 3)),
      dateOfBirth: query.dateOfBirth ? swappedDayMonth(query.dateOfBirth) : undefined,
      limit: CANDIDATES,
    });
    candidates.push(...wider.filter((c) => !seen.has(c.id)));
  }
  const ranked = candidates
    .map((c) => ({
      c,
      best: matchPerson(
        { name: query.name ?? '', dateOfBirth: query.dateOfBirth, sinIndex },
        {
          name: `${c.legalGivenName} ${c.legalFamilyName}`,
          dateOfBirth: c.dateOfBirth,
          sinIndex: c.sinIndex,
        },
      ),
    }))
    // A name search only lists people whose name fits; DOB or SIN alone list what they match.
    .filter(
      ({ best }) =>
        !query.name ||
        best.reasons.includes('same_name') ||
        best.reasons.includes('similar_name') ||
        best.reasons.includes('same_sin'),
    )
    .sort((a, b) => b.best.score - a.best.score || a.c.legalFamilyName.localeCompare(b.c.legalFamilyName))
    .slice(0, query.limit);
  // C1: each person's in-progress CA shows in the results, so it is resumed rather than duplicated.
  const inProgress = await inProgressOfClients(
    db,
    ranked.map(({ c }) => c.id),
  );
  await db.transaction((tx) => audit(tx, ctx, 'search', 'client', null));
  return ranked.map(({ c, best }) => {
    const digits = PersonalDataKey.open(crypto, c.id, c.wrappedKey).sin(c.sinEncrypted);
    return {
      id: c.id,
      reference: c.reference,
      legalGivenName: c.legalGivenName,
      legalFamilyName: c.legalFamilyName,
      preferredName: c.preferredName,
      dateOfBirth: c.dateOfBirth,
      sinMasked: digits ? maskSin(digits) : null,
      score: best.score,
      matchReasons: best.reasons,
      likelyDuplicate: best.likelyDuplicate,
      assessmentInProgress: inProgress.get(c.id) ?? null,
    };
  });
}
