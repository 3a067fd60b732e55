import { z } from 'zod';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  EMPLOYER_SUPPORT_USES,
  PLACEMENT_REQUIREMENTS,
  REQUEST_STATES,
  SITE_VISIT_MODES,
  type EmployerChecklistItem,
} from '../../domain/supports/types.js';
import { isoDate, uuidParam } from '../http/common.js';
import { justificationInput, supportViewSchema } from '../supports/schemas.js';

export const employerParams = z.object({ employerId: uuidParam });
export const placementParams = z.object({ placementId: uuidParam });
export const planParams = z.object({ planId: uuidParam });

export const employerListQuery = z.object({
  search: z.string().trim().max(200).optional().describe('Part of the legal or operating name'),
});

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-\s.x]{7,30}$/, 'Enter a phone number such as 519-555-0123');
const postalCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    'Enter a Canadian postal code such as N9A 1A1',
  );

export const contactBody = z.object({
  name: text(200),
  title: optionalText(200),
  phone: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
});

export const locationBody = z.object({
  label: text(100),
  street: text(200),
  city: text(100),
  postalCode,
});

/** The Employer Registration Form's business details (F10); business data, kept in plain text. */
const employerFields = {
  legalName: text(200),
  operatingName: optionalText(200),
  ontarioLicenceNumber: optionalText(100).describe('Business Names Act registration or corporation number'),
  wsibAccountNumber: optionalText(50),
  workplaceInsuranceNote: optionalText(1000).describe('The workplace insurer when not WSIB'),
  liabilityInsurer: optionalText(200),
  liabilityPolicyNumber: optionalText(100),
  liabilityInsuranceExpiresOn: isoDate.nullable().optional(),
  registeredOn: isoDate
    .nullable()
    .optional()
    .describe('The day the Employer Registration Form was completed (not after today)'),
};

export const employerBody = z.object({
  ...employerFields,
  contacts: z.array(contactBody).max(20).optional(),
  locations: z.array(locationBody).max(20).optional(),
});

/** Any of the registration fields; contacts and locations are added through their own routes. */
export const employerPatchBody = z
  .object({ ...employerFields, legalName: employerFields.legalName.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });

/** F10: each of the seven §13 criteria: true (confirmed), false (fails) or null (not checked). */
const checklistSchema = z.object(
  Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, z.boolean().nullable()])) as Record<
    EmployerChecklistItem,
    z.ZodNullable<z.ZodBoolean>
  >,
);

export const checklistBody = z.object({ checklist: checklistSchema });

export const siteVisitBody = z.object({
  visitedOn: isoDate.describe('Not after today'),
  mode: z.enum(SITE_VISIT_MODES).describe('F10: only in-person visits count'),
  locationId: z.uuid().nullable().optional(),
  notes: z.string().trim().max(4000),
});

const problemItem = z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() });

const contactView = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
const locationView = z.object({
  id: z.uuid(),
  label: z.string(),
  street: z.string(),
  city: z.string(),
  postalCode: z.string(),
});

const summaryFields = {
  id: z.uuid(),
  legalName: z.string(),
  operatingName: z.string().nullable(),
  organizationName: z.string().describe('The provider that registered the employer'),
  registeredOn: z.string().nullable(),
  eligible: z.boolean().describe('F10: every criterion of the checklist is confirmed'),
  lastInPersonVisitOn: z.string().nullable(),
  placementCount: z.number().int().describe('Placements of clients the reader may see'),
};

export const employerSummarySchema = z.object(summaryFields).meta({ id: 'EmployerSummary' });
export const employerListSchema = z.object({ employers: z.array(employerSummarySchema) });

export const employerViewSchema = z
  .object({
    ...summaryFields,
    ontarioLicenceNumber: z.string().nullable(),
    wsibAccountNumber: z.string().nullable(),
    workplaceInsuranceNote: z.string().nullable(),
    liabilityInsurer: z.string().nullable(),
    liabilityPolicyNumber: z.string().nullable(),
    liabilityInsuranceExpiresOn: z.string().nullable(),
    checklist: checklistSchema,
    checklistCheckedOn: z.string().nullable(),
    checklistProblems: z.array(problemItem),
    contacts: z.array(contactView),
    locations: z.array(locationView),
    siteVisits: z.array(
      z.object({
        id: z.uuid(),
        visitedOn: z.string(),
        mode: z.enum(SITE_VISIT_MODES),
        visitedByName: z.string(),
        locationId: z.uuid().nullable(),
        notes: z.string(),
      }),
    ),
    siteVisitWindowOpensOn: z
      .string()
      .describe(
        'F10: today minus 12 months; an in-person visit since then covers a placement starting today',
      ),
    placements: z.array(
      z.object({
        id: z.uuid(),
        planReference: z.string(),
        clientName: z.string().nullable(),
        startsOn: z.string(),
        endsOn: z.string(),
        state: z.enum(REQUEST_STATES).describe('The state of the placement’s employer support'),
      }),
    ),
    canManage: z.boolean().describe('Only the registering provider manages an employer'),
  })
  .meta({ id: 'EmployerView' });
export type EmployerView = z.infer<typeof employerViewSchema>;
export type EmployerSummary = z.infer<typeof employerSummarySchema>;

// ---------------------------------------------------------------------------------------------
// Placements

const minutesPerWeek = z.number().int().min(0).max(10_080);

export const placementBody = z.object({
  employerId: z.uuid(),
  locationId: z.uuid().nullable().optional(),
  jobTitle: text(200),
  startsOn: isoDate,
  endsOn: isoDate.describe('Agreed last day (inclusive)'),
  minutesPerWeek,
  scheduleNote: z.string().trim().max(1000).nullable().optional(),
  hourlyWageCents: z.number().int().min(0).max(100_000).nullable().optional(),
  trainingIncentiveCents: z
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .describe(
      'Training incentive or wage subsidy paid to the employer, in integer cents (the support’s amount)',
    ),
  employerUse: z.enum(EMPLOYER_SUPPORT_USES),
  intendedToContinue: z
    .boolean()
    .describe('F14: meant to continue as a job (monitoring starts on its first day)'),
  agreementSignedOn: isoDate.nullable().optional(),
  clientConsentSignedOn: isoDate.nullable().optional(),
  planGoalOrdinal: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  planItemId: z.uuid().nullable().optional(),
  justification: justificationInput,
  saCoordinationNote: z.string().trim().max(4000).nullable().optional(),
});
export type PlacementInput = z.infer<typeof placementBody>;

export const placementPatchBody = z
  .object({
    agreementSignedOn: isoDate.nullable().optional(),
    clientConsentSignedOn: isoDate.nullable().optional(),
    endsOn: isoDate.optional(),
    scheduleNote: z.string().trim().max(1000).optional(),
    minutesPerWeek: minutesPerWeek.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });

export const placementEndBody = z.object({
  endedOn: isoDate.describe('The placement’s actual last day (not after today)'),
});

export const PLACEMENT_ACTIONS = ['record_agreement', 'record_consent', 'start', 'end'] as const;

export const placementViewSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    planReference: z.string(),
    supportId: z.uuid(),
    support: supportViewSchema,
    employerId: z.uuid(),
    employerName: z.string(),
    location: locationView.nullable(),
    jobTitle: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    endedOn: z.string().nullable(),
    minutesPerWeek: z.number().int(),
    scheduleNote: z.string(),
    hourlyWageCents: z.number().int().nullable(),
    trainingIncentiveCents: z.number().int(),
    intendedToContinue: z.boolean(),
    agreementSignedOn: z.string().nullable(),
    clientConsentSignedOn: z.string().nullable(),
    readiness: z
      .object({ missing: z.array(z.enum(PLACEMENT_REQUIREMENTS)) })
      .describe('F10: what is missing before the placement may start (empty = ready)'),
    reportDueOn: z.string().nullable().describe('F13: 15 business days after the placement ended'),
    actions: z.array(z.enum(PLACEMENT_ACTIONS)),
  })
  .meta({ id: 'PlacementView' });
export type PlacementView = z.infer<typeof placementViewSchema>;

export const placementListSchema = z.object({ placements: z.array(placementViewSchema) });
