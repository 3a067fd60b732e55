import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SEGMENTATION_MODEL_ID,
  DEFAULT_STREAM_THRESHOLDS,
  parseStreamThresholds,
  segmentationModel,
  type StreamThresholds,
} from './domain/assessment/segmentation/index.js';

/**
 * Runtime configuration, read once from the environment. Every setting has a safe default for a
 * newcomer's machine except the two keys in production, where a missing key must stop the start
 * rather than silently generate one (data encrypted with a lost key is lost).
 */
const key = z
  .string()
  .transform((s) => Buffer.from(s, 'base64'))
  .refine((b) => b.length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  PATHWAYS_DATA_DIR: z.string().default('./data'),
  PATHWAYS_ENCRYPTION_KEY: key.optional(),
  PATHWAYS_BLIND_INDEX_KEY: key.optional(),
  PATHWAYS_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  PATHWAYS_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PATHWAYS_SIGN_IN_LIMIT: z.coerce.number().int().min(1).max(10000).default(20),
  PATHWAYS_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** C8: the scores at which the segmentation puts a client in stream B and in stream C, e.g. "35,60". */
  PATHWAYS_STREAM_THRESHOLDS: z.string().optional(),
  PATHWAYS_SEGMENTATION_MODEL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Keys {
  /** Wraps each person's own data key (AES-256-GCM). */
  encryptionKey: Buffer;
  /** Keys the HMAC of blind indexes (SIN look-up without storing the SIN). */
  blindIndexKey: Buffer;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keys: Keys;
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy: it decides rate limits). */
  trustProxy: boolean;
  /** Sign-in attempts allowed per client address per minute (accounts also lock after 5 failures). */
  signInLimitPerMinute: number;
  seedDemo: boolean;
  logLevel: string;
  /** C8: the segmentation model submitted CAs are streamed with, and its stream thresholds. */
  segmentation: { modelId: string; thresholds: StreamThresholds };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a .env file or a shell) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PATHWAYS_DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    keys: resolveKeys(e.NODE_ENV, dataDir, e.PATHWAYS_ENCRYPTION_KEY, e.PATHWAYS_BLIND_INDEX_KEY),
    secureCookies: e.PATHWAYS_SECURE_COOKIES
      ? e.PATHWAYS_SECURE_COOKIES === 'true'
      : e.NODE_ENV === 'production',
    trustProxy: e.PATHWAYS_TRUST_PROXY === 'true',
    signInLimitPerMinute: e.PATHWAYS_SIGN_IN_LIMIT,
    seedDemo: e.PATHWAYS_SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    segmentation: resolveSegmentation(e.PATHWAYS_SEGMENTATION_MODEL, e.PATHWAYS_STREAM_THRESHOLDS),
  };
}

/** A model id the code does not know, or thresholds that do not parse, stop the start (C8). */
function resolveSegmentation(
  modelId: string | undefined,
  thresholds: string | undefined,
): Config['segmentation'] {
  const id = modelId ?? DEFAULT_SEGMENTATION_MODEL_ID;
  if (!segmentationModel(id))
    throw new ConfigError(
      `Invalid configuration:\n  PATHWAYS_SEGMENTATION_MODEL: no segmentation model "${id}"`,
    );
  if (thresholds === undefined) return { modelId: id, thresholds: DEFAULT_STREAM_THRESHOLDS };
  try {
    return { modelId: id, thresholds: parseStreamThresholds(thresholds) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not two scores such as "35,60"';
    throw new ConfigError(`Invalid configuration:\n  ${reason}`);
  }
}

/**
 * Outside production, missing keys are generated once and kept in the data directory so that a
 * restart can still decrypt what the last run wrote. Production must supply both.
 */
function resolveKeys(
  env: Config['env'],
  dataDir: string,
  encryptionKey: Buffer | undefined,
  blindIndexKey: Buffer | undefined,
): Keys {
  if (encryptionKey && blindIndexKey) return { encryptionKey, blindIndexKey };
  if (env === 'production') {
    throw new ConfigError(
      'PATHWAYS_ENCRYPTION_KEY and PATHWAYS_BLIND_INDEX_KEY are required in production (see README: Configuration).',
    );
  }
  const file = join(dataDir, 'keys.json');
  let stored: { encryptionKey: string; blindIndexKey: string };
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  } else {
    mkdirSync(dataDir, { recursive: true });
    stored = {
      encryptionKey: randomBytes(32).toString('base64'),
      blindIndexKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    encryptionKey: encryptionKey ?? Buffer.from(stored.encryptionKey, 'base64'),
    blindIndexKey: blindIndexKey ?? Buffer.from(stored.blindIndexKey, 'base64'),
  };
}
