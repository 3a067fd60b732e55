import { addCalendarDays } from '../../src/domain/calendar/iso-date.js';
import { ADULT_SA, ok } from './assessments.js';
import {
  buildPlanWith,
  draftPlanFor,
  planClient,
  submittedCa,
  torontoToday,
  type PlanView,
} from './plans.js';
import type { Session, World } from './world.js';

/** Monitoring helpers: an activated plan, and the jobs and checkpoints of the monitoring API. */

const EAS = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];

/**
 * Runs `build` with the app's clock `days` before now (or at a given instant), then restores it: a client's assessment and
 * plan are made in the past so outcomes and checkpoints can be dated after the activation (M1).
 */
export async function backdated<T>(world: World, days: number | Date, build: () => Promise<T>): Promise<T> {
  const previous = world.clockOverride();
  world.setNow(
    typeof days === 'number' ? new Date((previous ?? new Date()).getTime() - days * 86_400_000) : days,
  );
  try {
    return await build();
  } finally {
    world.setNow(previous);
  }
}

/** How far back the monitoring tests build their plans: before any outcome date they use. */
export const PLAN_BUILT_DAYS_AGO = 400;

/** An activated plan of `as`'s provider (one open item), for a fresh client, activated 400 days ago. */
export async function activePlanFor(world: World, as: Session, sinBase: number): Promise<PlanView> {
  return backdated(world, PLAN_BUILT_DAYS_AGO, async () => {
    const draft = await draftPlanFor(world, as, sinBase);
    return buildPlanWith(world, as, draft.id, EAS, { activate: true });
  });
}

/** An activated plan of provider one for an OW client whose SA caseworker is `sa` (shared, I2). */
export async function activeSaPlan(world: World, as: Session, sa: Session, sinBase: number) {
  return backdated(world, PLAN_BUILT_DAYS_AGO, async () => {
    const clientId = await planClient(world, { sa, sinBase });
    await submittedCa(world, as, clientId, ADULT_SA);
    const draft = await ok<PlanView>(world, as, 'POST', `/api/clients/${clientId}/plans`, {});
    const plan = await buildPlanWith(world, as, draft.id, EAS, { activate: true });
    return { clientId, plan };
  });
}

/** `n` days from today in Ontario (negative: in the past). */
export const daysFromToday = (n: number) => addCalendarDays(torontoToday(), n);

/** A job of 20+ hours a week at a new employer, started on `startedOn`. */
export const fundedJob = (startedOn: string, extra: Record<string, unknown> = {}) => ({
  employerName: 'Northern Logistics Inc.',
  atEntryEmployer: false,
  startedOn,
  minutesPerWeek: 1500,
  hourlyWageCents: 1850,
  nocCode: '74205',
  permanence: 'permanent',
  ...extra,
});

/** An ESQ answer: employed at the jobs given, satisfied. */
export const employedEsq = (
  contactedOn: string,
  jobs: { jobId: string; minutesPerWeek?: number }[],
  extra: Record<string, unknown> = {},
) => ({
  contactedOn,
  esqStatus: 'employed',
  satisfaction: '5',
  jobs: jobs.map((j) => ({
    jobId: j.jobId,
    minutesPerWeek: j.minutesPerWeek ?? 1500,
    hourlyWageCents: 1850,
    nocCode: '74205',
  })),
  ...extra,
});

/** A few real bytes of each accepted type, base64, so the magic-byte check passes. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n% pay stub for the period containing the checkpoint\n%%EOF\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
};

/** A sufficient checkpoint pay stub (M9: all four details shown), as a request body. */
export const payStubBody = (checkpointKind: string, extra: Record<string, unknown> = {}) => ({
  kind: 'pay_stub',
  checkpointKind,
  fileName: 'pay-stub-march.pdf',
  contentType: 'application/pdf',
  dataBase64: SAMPLE_FILES.pdf.toString('base64'),
  showsClientName: true,
  showsBusinessName: true,
  coversDate: true,
  showsTwentyPlusHours: true,
  ...extra,
});

/** A sufficient offer letter for a job (M9 start-date proof). */
export const offerLetterBody = (jobId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'offer_letter',
  jobId,
  fileName: 'offer-letter.png',
  contentType: 'image/png',
  dataBase64: SAMPLE_FILES.png.toString('base64'),
  showsClientName: true,
  showsBusinessName: true,
  coversDate: true,
  showsTwentyPlusHours: true,
  ...extra,
});
