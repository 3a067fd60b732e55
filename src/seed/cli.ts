import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { clients } from '../db/schema.js';
import { PersonCrypto } from '../server/privacy/crypto.js';
import { findNetwork, seedClients, seedNetwork } from './seed.js';

/**
 * npm run seed -- --clients N --seed S
 * Adds N synthetic clients (after any already there) to the database of DATABASE_URL, or to the
 * embedded one, creating the demo network first if it is missing.
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: '1000' },
  },
});
const total = Number(values.clients);
const seed = Number(values.seed);
const batchSize = Number(values['batch-size']);
if (
  !Number.isInteger(total) ||
  total < 0 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(batchSize) ||
  batchSize < 1
) {
  console.error('Usage: npm run seed -- --clients <count> --seed <integer> [--batch-size <n>]');
  process.exit(2);
}

const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: join(config.dataDir, 'pglite'),
});
const network = (await findNetwork(handle.db)) ?? (await seedNetwork(handle.db)).network;
const [existing] = await handle.db.select({ n: count() }).from(clients);
const offset = existing?.n ?? 0;
const started = Date.now();
let lastReport = 0;
await seedClients(handle.db, new PersonCrypto(config.keys), network, {
  count: total,
  seed,
  offset,
  batchSize,
  onProgress(done) {
    if (done === total || Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${done.toLocaleString('en-CA')} / ${total.toLocaleString('en-CA')} clients (${Math.round(done / seconds)}/s)`,
      );
    }
  },
});
console.log(`Seeded ${total} clients on ${handle.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await handle.close();
