/**
 * Case-management seed data: the SSM's note templates (job aids, I4) for every catchment, and for
 * the demo a working caseload on the demo plans — contact notes, a shared plan-item comment, tasks
 * due around today, a lead's reassignment and a case conference the SA caseworker asked for.
 * Everything goes through the case-management service, so notes and tasks are sealed as in use.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Queryable } from '../db/connection.js';
import { caseNotes, clients, noteTemplates, planItems, plans } from '../db/schema.js';
import { visibleClient } from '../db/repositories/case-management.js';
import { clientVisibility } from '../domain/access/policy.js';
import { addCalendarDays, torontoDate } from '../domain/calendar/index.js';
import type { NoteVisibility } from '../domain/case-management/types.js';
import {
  addConferenceMessage,
  assignCaseworker,
  createNote,
  createTask,
  requestConference,
} from '../server/case-management/service.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import { demoContexts } from './demo-kit.js';

interface TemplateSeed {
  titleEn: string;
  titleFr: string;
  bodyEn: string;
  bodyFr: string;
  visibility: NoteVisibility;
}

/** The SSM's job aids (I4: consistent case notes across providers), in both languages. */
export const NOTE_TEMPLATES: readonly TemplateSeed[] = [
  {
    titleEn: 'ICM update to SA',
    titleFr: 'Mise à jour de la GIC pour l’AS',
    visibility: 'shared_with_sa',
    bodyEn:
      'Progress on this item since the last update:\n- Activities completed:\n- Attendance and engagement:\n- Next steps and dates:\n- Anything SA should act on (benefits, supports, ERFS):',
    bodyFr:
      'Progrès sur cet élément depuis la dernière mise à jour :\n- Activités terminées :\n- Présence et engagement :\n- Prochaines étapes et dates :\n- Points sur lesquels l’AS doit agir (prestations, soutiens, SFLE) :',
  },
  {
    titleEn: 'Contact attempt',
    titleFr: 'Tentative de contact',
    visibility: 'internal',
    bodyEn:
      'Attempt no.: \nMethod (client’s preferred way?): \nOutcome: reached / voicemail left / no answer / wrong number\nMessage left: \nNext attempt planned on:',
    bodyFr:
      'Tentative no : \nMoyen (celui que préfère le client?) : \nRésultat : joint / message laissé / aucune réponse / mauvais numéro\nMessage laissé : \nProchaine tentative prévue le :',
  },
  {
    titleEn: 'Plan review',
    titleFr: 'Révision du plan',
    visibility: 'internal',
    bodyEn:
      'Reviewed the Employment Action Plan with the client.\n- Goals still right? \n- Items completed / changed / added:\n- Barriers raised:\n- Client agrees with the changes (signature needed only before activation):',
    bodyFr:
      'Révision du plan d’action pour l’emploi avec le client.\n- Les objectifs conviennent-ils toujours? \n- Éléments terminés / modifiés / ajoutés :\n- Obstacles soulevés :\n- Le client accepte les changements (signature requise seulement avant l’activation) :',
  },
  {
    titleEn: 'ERFS coordination',
    titleFr: 'Coordination des SFLE',
    visibility: 'shared_with_sa',
    bodyEn:
      'Employment-related financial support for this item.\n- Support requested and amount:\n- Already covered by SA? (no double funding):\n- Proof of use received on:\n- SA caseworker informed on:',
    bodyFr:
      'Soutien financier lié à l’emploi pour cet élément.\n- Soutien demandé et montant :\n- Déjà couvert par l’AS? (pas de double financement) :\n- Preuve d’utilisation reçue le :\n- Intervenant de l’AS informé le :',
  },
  {
    titleEn: 'Closure rationale',
    titleFr: 'Justification de la fermeture',
    visibility: 'internal',
    bodyEn:
      'Reason for closing the plan: \nWhat was tried before closing: \nClient informed on / by: \nSA caseworker consulted on (SA clients): \nReferrals made on exit:',
    bodyFr:
      'Motif de fermeture du plan : \nCe qui a été tenté avant la fermeture : \nClient informé le / par : \nIntervenant de l’AS consulté le (clients de l’AS) : \nAiguillages faits à la sortie :',
  },
  {
    titleEn: 'Retention check-in',
    titleFr: 'Suivi de maintien en emploi',
    visibility: 'internal',
    bodyEn:
      'Check-in with the employed client.\n- Still working with the same employer? Hours per week:\n- Issues at work or at home:\n- Supports offered (retention sub-goal):\n- Next checkpoint due:',
    bodyFr:
      'Suivi auprès du client en emploi.\n- Toujours chez le même employeur? Heures par semaine :\n- Difficultés au travail ou à la maison :\n- Soutiens offerts (sous-objectif de maintien) :\n- Prochain point de contrôle prévu :',
  },
];

/** Adds the job aids to a catchment once; templates the SSM already has (same English title) stay as they are. */
export async function seedNoteTemplates(q: Queryable, catchmentId: string): Promise<number> {
  const existing = await q
    .select({ titleEn: noteTemplates.titleEn })
    .from(noteTemplates)
    .where(eq(noteTemplates.catchmentId, catchmentId));
  const have = new Set(existing.map((t) => t.titleEn));
  const rows = NOTE_TEMPLATES.filter((t) => !have.has(t.titleEn)).map((t) => ({ ...t, catchmentId }));
  if (rows.length) await q.insert(noteTemplates).values(rows);
  return rows.length;
}

/**
 * Demo notes, tasks, a reassignment and a case conference on the demo plans of the catchment (the
 * open plans of the demo provider caseworker's organization). Returns how many clients got case
 * records; does nothing when there are no plans or the work was already seeded.
 */
export async function seedDemoCaseManagement(
  db: Database,
  crypto: PersonCrypto,
  catchmentId: string,
  now = new Date(),
): Promise<number> {
  const cast = await demoContexts(db, catchmentId);
  const [workerActor, leadActor, saActor] = [
    await cast.byRole('provider_caseworker'),
    await cast.byRole('provider_lead'),
    await cast.byRole('sa_caseworker'),
  ];
  if (!workerActor) return 0;
  const worker = workerActor.user;
  const openPlans = await db
    .select({ id: plans.id, clientId: plans.clientId, saCaseworkerId: clients.saCaseworkerId })
    .from(plans)
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .where(
      and(
        eq(plans.catchmentId, catchmentId),
        eq(plans.organizationId, worker.organizationId),
        ne(plans.status, 'closed'),
      ),
    )
    .orderBy(asc(plans.createdAt))
    .limit(12);
  if (!openPlans.length) return 0;
  const [already] = await db
    .select({ id: caseNotes.id })
    .from(caseNotes)
    .where(eq(caseNotes.catchmentId, catchmentId))
    .limit(1);
  if (already) return 0;

  const today = torontoDate(now);
  const ago = (days: number, hour = 15) =>
    new Date(Math.min(new Date(`${addCalendarDays(today, -days)}T${hour}:00:00Z`).getTime(), now.getTime()));
  let clock = now;
  const deps = { db, crypto, now: () => clock };
  const eo = workerActor.ctx;
  let seeded = 0;
  for (const [i, plan] of openPlans.entries()) {
    const [item] = await db
      .select({ id: planItems.id })
      .from(planItems)
      .where(eq(planItems.planId, plan.id))
      .orderBy(asc(planItems.createdAt))
      .limit(1);
    // Spread the last contact: some clients seen this week, some not for more than a month (J9).
    clock = ago(i % 3 === 2 ? 35 + i : 2 + i);
    await createNote(deps, eo, plan.clientId, {
      visibility: 'internal',
      contactChannel: i % 2 ? 'phone' : 'in_person',
      body:
        i % 2
          ? 'Phoned the client: resume updated, two applications sent this week. Nervous about interviews; booked a mock interview.'
          : 'Met the client at the office. Reviewed the job-search log and transit costs; client wants evening shifts to fit childcare.',
    });
    if (item) {
      clock = ago(i % 3 === 2 ? 34 + i : 1 + i);
      await createNote(deps, eo, plan.clientId, {
        visibility: 'shared_with_sa',
        planItemId: item.id,
        body: 'Workshop attended in full; next session booked. No support needed from SA at this point.',
      });
    }
    clock = now;
    await createTask(deps, eo, plan.clientId, {
      title: 'Follow up on job applications',
      dueOn: addCalendarDays(today, i % 2 ? -3 : 2),
    });
    await createTask(deps, eo, plan.clientId, {
      title: 'Plan review with the client',
      dueOn: addCalendarDays(today, 10 + i),
    });
    seeded++;
  }

  // J9: the lead moves one client to themself, which SA sees as an ICM event (I4).
  if (leadActor && leadActor.user.organizationId === worker.organizationId && openPlans.length > 1) {
    clock = ago(1);
    await assignCaseworker(deps, leadActor.ctx, openPlans[openPlans.length - 1]!.clientId, {
      caseworkerUserId: leadActor.user.id,
    });
  }

  // I4: the SA caseworker asks for a conference on one of their clients; the provider has answered.
  const saPlan = saActor ? openPlans.find((p) => p.saCaseworkerId === saActor.user.id) : undefined;
  const saCtx = saActor?.ctx ?? null;
  if (saCtx && saPlan && (await visibleClient(db, clientVisibility(saCtx.actor), saPlan.clientId))) {
    clock = ago(4, 14);
    const conference = await requestConference(deps, saCtx, saPlan.clientId, {
      topic: 'Childcare costs before the placement starts',
      channel: 'phone',
      includeClient: false,
      body: 'The client’s childcare subsidy starts next month. Can we align the placement start, or cover the gap through ERFS?',
    });
    clock = ago(3, 16);
    await addConferenceMessage(deps, eo, conference.id, {
      kind: 'reply',
      channel: 'phone',
      body: 'We can move the placement start by two weeks; ERFS can cover the first week of childcare. Call Thursday to confirm?',
    });
  }
  return seeded;
}
