import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { timestamp, uuidParam } from '../http/common.js';
import { organizationKindSchema } from '../organizations/schemas.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationKind: organizationKindSchema,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    locale: z.enum(['en', 'fr']),
    active: z.boolean(),
    lastSignInAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

const roles = z
  .array(z.enum(ROLES))
  .min(1, 'Give the user at least one role')
  .refine((r) => new Set(r).size === r.length, { message: 'List each role once' });

export const userCreateBody = z.object({
  organizationId: uuidParam,
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(2).max(120),
  roles,
  locale: z.enum(['en', 'fr']).default('en'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH)
    .max(1024)
    .describe('Initial password; the user should change it'),
});

export const userUpdateBody = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    displayName: z.string().trim().min(2).max(120),
    roles,
    locale: z.enum(['en', 'fr']),
    active: z.boolean(),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).describe('Set a new password (admin reset)'),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'Send at least one field to change.' });

export const userListQuery = z.object({ organizationId: uuidParam.optional() });
export const userParams = z.object({ userId: uuidParam });
