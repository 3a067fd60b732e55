import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { seedDemo } from '../seed/seed.js';
import { buildApp } from './app.js';
import { FileSystemEvidenceStore } from './storage/evidence-store.js';
import { createLogger } from './logging.js';
import { PersonCrypto } from './privacy/crypto.js';

/** Starts Pathways: configuration, database (migrated on open), demo data on first start, HTTP. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, 'pglite'),
  });
  logger.info({ engine: handle.engine }, 'database ready');

  if (config.seedDemo) {
    const evidenceStore = new FileSystemEvidenceStore(join(config.dataDir, 'evidence'));
    const seeded = await seedDemo(handle.db, new PersonCrypto(config.keys), evidenceStore);
    if (seeded) {
      const lines = seeded.users.map((u) => `  ${u.role.padEnd(20)} ${u.email}`);
      // Printed once, on the first start, for the person trying Pathways out.
      console.log(
        `\nDemo data created. Sign in with any of these accounts (password: ${seeded.password}):\n${lines.join('\n')}\n` +
          `  provider_caseworker  provider.caseworker2@pathways.test (a second provider)\n`,
      );
    }
  }

  const app = await buildApp({ db: handle.db, config, logger });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Pathways is running at http://localhost:${config.port} (API reference: /api/docs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
