import { join } from 'node:path';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/connection.js';
import { verifyAuditChain } from '../../db/repositories/audit.js';

/** npm run audit:verify — walks the audit hash chain; exits 1 if any entry was altered or removed. */
const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: join(config.dataDir, 'pglite'),
});
const result = await verifyAuditChain(handle.db);
await handle.close();
if (result.ok) {
  console.log(`Audit chain verified: ${result.checked} entries intact.`);
} else {
  console.error(
    `Audit chain BROKEN at entry ${result.brokenAt!.seq} (${result.brokenAt!.reason}); ${result.checked} entries verified before it.`,
  );
  process.exit(1);
}
