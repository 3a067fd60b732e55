import { z } from 'zod';
import { PERMISSIONS } from '../../domain/access/policy.js';
import { ROLES } from '../../domain/access/roles.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

export const localeSchema = z.enum(['en', 'fr']);

export const signInBody = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});

export const meSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(ROLES)),
      locale: localeSchema,
    }),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['ssm', 'provider', 'sa_office', 'ministry']),
    }),
    permissions: z.array(z.enum(PERMISSIONS)),
    csrfToken: z
      .string()
      .describe('Send back in the X-CSRF-Token header on every POST, PUT, PATCH and DELETE'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const localeBody = z.object({ locale: localeSchema });

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});
