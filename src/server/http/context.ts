import type { EvidenceStore } from '../storage/evidence-store.js';
import type { Actor, Permission } from '../../domain/access/policy.js';
import type { Config } from '../../config.js';
import type { SegmentationSettings } from '../assessments/service.js';
import type { Database } from '../../db/connection.js';
import type { PersonCrypto } from '../privacy/crypto.js';

/**
 * Who may call a route. Every route must declare one (the app refuses to start otherwise), and the
 * authorization-matrix test reads it: "public" (no sign-in), "signed_in" (any role), or a permission.
 */
export type RouteAccess = 'public' | 'signed_in' | Permission;

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

/** What a service needs to act for someone: the actor, and the request id for the audit trail. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}

export interface AppServices {
  db: Database;
  config: Config;
  crypto: PersonCrypto;
  now: () => Date;
  /** C8: the model and stream thresholds submitted assessments are segmented with (from config). */
  segmentation: SegmentationSettings;
  /** M9: where evidence documents are kept (sealed); the filesystem under PATHWAYS_DATA_DIR by default. */
  evidenceStore: EvidenceStore;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    sessionCsrfToken: string | null;
  }
  interface FastifyInstance {
    services: AppServices;
    /** Every API route with its declared access: the authorization-matrix test walks this. */
    routeCatalog: RouteEntry[];
  }
}
