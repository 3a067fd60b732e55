import { z } from 'zod';
import { SELF_IDENTIFICATION, SPECIALIZED_POPULATIONS } from '../../domain/people/specialized-populations.js';
import { isoDate, queryInt, timestamp, uuidParam } from '../http/common.js';
import { saProgramSchema } from '../organizations/schemas.js';

export const CONTACT_METHODS = ['phone', 'text', 'email', 'letter', 'in_person'] as const;
export const CONTACT_TIMES = ['morning', 'afternoon', 'evening', 'any'] as const;
export const CLIENT_LANGUAGES = ['en', 'fr', 'other'] as const;

export const addressSchema = z
  .object({
    street: z.string().trim().min(1).max(200),
    unit: z.string().trim().max(40).nullable().default(null),
    city: z.string().trim().min(1).max(100),
    province: z.string().trim().length(2).toUpperCase().default('ON'),
    postalCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, 'Enter a Canadian postal code such as N9A 1A1'),
    /** C4: with no fixed address, a provider's address may stand in until the client has one. */
    isProviderAddress: z.boolean().default(false),
  })
  .meta({ id: 'Address' });

const specializedPopulationsSchema = z
  .object(
    Object.fromEntries(
      SPECIALIZED_POPULATIONS.map((p) => [p, z.enum(SELF_IDENTIFICATION).optional()]),
    ) as Record<
      (typeof SPECIALIZED_POPULATIONS)[number],
      z.ZodOptional<z.ZodEnum<{ [K in (typeof SELF_IDENTIFICATION)[number]]: K }>>
    >,
  )
  .meta({ id: 'SpecializedPopulationAnswers' });

const name = z.string().trim().min(1).max(100);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-\s.x]{7,30}$/, 'Enter a phone number such as 519-555-0123');

const dateOfBirth = isoDate.refine(
  (d) => {
    const year = Number(d.slice(0, 4));
    return year >= 1900 && d <= new Date().toISOString().slice(0, 10);
  },
  { message: 'Enter a real date of birth, not in the future' },
);

export const socialAssistanceSchema = z
  .object({
    program: saProgramSchema,
    samsMemberId: z
      .string()
      .trim()
      .regex(/^\d{6,12}$/, 'A SAMS member id is 6 to 12 digits'),
    officeId: uuidParam.nullable().default(null),
    caseworkerId: uuidParam.nullable().default(null),
  })
  .meta({ id: 'SocialAssistanceLink' });

export const clientCreateBody = z.object({
  legalGivenName: name,
  legalFamilyName: name,
  preferredName: name.nullable().default(null),
  dateOfBirth,
  sin: z.string().trim().max(20).nullable().default(null).describe('9 digits; spaces and dashes allowed. E2'),
  address: addressSchema.nullable().default(null),
  phone: phone.nullable().default(null),
  email: z.email().max(254).nullable().default(null),
  preferredContactMethod: z.enum(CONTACT_METHODS).nullable().default(null),
  preferredContactTime: z.enum(CONTACT_TIMES).nullable().default(null),
  language: z.enum(CLIENT_LANGUAGES).default('en'),
  languageOther: z.string().trim().max(60).nullable().default(null),
  specializedPopulations: specializedPopulationsSchema.default({}),
  socialAssistance: socialAssistanceSchema.nullable().default(null),
  regionId: uuidParam.nullable().default(null),
});
export type ClientCreate = z.infer<typeof clientCreateBody>;

export const clientUpdateBody = z
  .object({
    legalGivenName: name,
    legalFamilyName: name,
    preferredName: name.nullable(),
    dateOfBirth,
    sin: z.string().trim().max(20).nullable(),
    address: addressSchema.nullable(),
    phone: phone.nullable(),
    email: z.email().max(254).nullable(),
    preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
    preferredContactTime: z.enum(CONTACT_TIMES).nullable(),
    language: z.enum(CLIENT_LANGUAGES),
    languageOther: z.string().trim().max(60).nullable(),
    specializedPopulations: specializedPopulationsSchema,
    socialAssistance: socialAssistanceSchema.nullable(),
    regionId: uuidParam.nullable(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'Send at least one field to change.' });
export type ClientUpdate = z.infer<typeof clientUpdateBody>;

export const clientSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: isoDate,
    sinMasked: z.string().nullable().describe('Last three digits only, e.g. ***-***-123'),
    sinTemporary: z.boolean().describe('900-series SIN (E4)'),
    address: addressSchema.nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
    preferredContactTime: z.enum(CONTACT_TIMES).nullable(),
    language: z.enum(CLIENT_LANGUAGES),
    languageOther: z.string().nullable(),
    specializedPopulations: specializedPopulationsSchema,
    socialAssistance: z
      .object({
        program: saProgramSchema,
        samsMemberId: z.string(),
        officeId: z.uuid().nullable(),
        officeName: z.string().nullable(),
        caseworkerId: z.uuid().nullable(),
        caseworkerName: z.string().nullable(),
      })
      .nullable(),
    regionId: z.uuid().nullable(),
    sharedWith: z.array(
      z.object({ organizationId: z.uuid(), organizationName: z.string(), reason: z.string() }),
    ),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof clientSchema>;

export const clientSearchQuery = z
  .object({
    name: z.string().trim().min(2).max(200).optional().describe('Family and/or given name, any order'),
    dateOfBirth: isoDate.optional(),
    sin: z.string().trim().max(20).optional(),
    limit: queryInt(1, 100).default(25),
  })
  .refine((q) => q.name || q.dateOfBirth || q.sin, {
    message: 'Search by name, date of birth or SIN',
    path: ['name'],
  });

export const clientSearchResultSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: isoDate,
    sinMasked: z.string().nullable(),
    score: z.number(),
    matchReasons: z.array(z.string()),
    likelyDuplicate: z.boolean(),
    assessmentInProgress: z
      .object({ id: z.uuid(), reference: z.string() })
      .nullable()
      .describe('C1: the in-progress Common Assessment to resume instead of starting another'),
  })
  .meta({ id: 'ClientSearchResult' });

export const clientParams = z.object({ clientId: uuidParam });
export const sinRevealSchema = z.object({ sin: z.string().nullable() });
