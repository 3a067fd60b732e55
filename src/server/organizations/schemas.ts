import { z } from 'zod';
import { ACCESSIBILITY_FEATURES, SERVICE_LANGUAGES, WEEKDAYS } from '../../domain/organizations/sites.js';
import { SPECIALIZED_POPULATIONS } from '../../domain/people/specialized-populations.js';
import { timestamp, uuidParam } from '../http/common.js';

export const organizationKindSchema = z.enum(['ssm', 'provider', 'sa_office', 'ministry']);
export const saProgramSchema = z.enum(['ow', 'odsp']);

export const regionSchema = z
  .object({ id: z.uuid(), code: z.string(), nameEn: z.string(), nameFr: z.string() })
  .meta({ id: 'Region' });

export const catchmentSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameEn: z.string(),
    nameFr: z.string(),
    regions: z.array(regionSchema),
  })
  .meta({ id: 'Catchment' });

export const organizationSchema = z
  .object({
    id: z.uuid(),
    catchmentId: z.uuid(),
    kind: organizationKindSchema,
    saProgram: saProgramSchema.nullable(),
    name: z.string(),
    nameFr: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    siteCount: z.number().int(),
    userCount: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-\s.x]{7,30}$/, 'Enter a phone number such as 519-555-0123');

export const organizationCreateBody = z
  .object({
    kind: organizationKindSchema,
    saProgram: saProgramSchema.nullable().default(null),
    name: z.string().trim().min(2).max(200),
    nameFr: z.string().trim().min(2).max(200).nullable().default(null),
    email: z.email().max(254).nullable().default(null),
    phone: phone.nullable().default(null),
  })
  .refine((o) => (o.kind === 'sa_office') === (o.saProgram !== null), {
    path: ['saProgram'],
    message: 'A social-assistance office must say whether it delivers OW or ODSP; other kinds must not.',
  });

export const organizationUpdateBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    nameFr: z.string().trim().min(2).max(200).nullable(),
    email: z.email().max(254).nullable(),
    phone: phone.nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'Send at least one field to change.' });

export const organizationListQuery = z.object({
  kind: organizationKindSchema.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, 'Use 24-hour HH:MM');
// Compared only when both times are well formed: a bad format has its own message already.
const span = z
  .object({ opens: hhmm, closes: hhmm })
  .refine((s) => !HHMM.test(s.opens) || !HHMM.test(s.closes) || s.opens < s.closes, {
    message: 'Opening time must be before closing time',
    path: ['closes'],
  });
export const weeklyHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(span).max(4).optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<z.ZodArray<typeof span>>
    >,
  )
  .meta({ id: 'WeeklyHours' });

export const siteSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    regionId: z.uuid(),
    name: z.string(),
    street: z.string(),
    city: z.string(),
    postalCode: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    hours: weeklyHoursSchema,
    languages: z.array(z.enum(SERVICE_LANGUAGES)),
    specializedPopulations: z.array(z.enum(SPECIALIZED_POPULATIONS)),
    accessibilityFeatures: z.array(z.enum(ACCESSIBILITY_FEATURES)),
    intakeCapacity: z.number().int(),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof siteSchema>;

const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((a) => new Set(a).size === a.length, { message: 'List each value once' });

/** Site fields without defaults, so a partial update never resets what it does not mention. */
const siteFields = z.object({
  regionId: uuidParam,
  name: z.string().trim().min(2).max(200),
  street: z.string().trim().min(3).max(200),
  city: z.string().trim().min(2).max(100),
  postalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
      'Enter a Canadian postal code such as N9A 1A1',
    ),
  // Ontario's bounding box: a site outside it is a typo.
  latitude: z.number().min(41.6).max(56.9),
  longitude: z.number().min(-95.2).max(-74.3),
  hours: weeklyHoursSchema,
  languages: unique(z.enum(SERVICE_LANGUAGES)).min(1),
  specializedPopulations: unique(z.enum(SPECIALIZED_POPULATIONS)),
  accessibilityFeatures: unique(z.enum(ACCESSIBILITY_FEATURES)),
  intakeCapacity: z.number().int().min(0).max(10000),
});
export const siteCreateBody = siteFields.extend({
  specializedPopulations: siteFields.shape.specializedPopulations.default([]),
  accessibilityFeatures: siteFields.shape.accessibilityFeatures.default([]),
});
export const siteUpdateBody = siteFields
  .extend({ active: z.boolean() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'Send at least one field to change.' });

export const organizationParams = z.object({ organizationId: uuidParam });
export const siteParams = z.object({ siteId: uuidParam });
