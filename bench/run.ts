/**
 * npm run bench — speed goals live here, never in timed tests. Prints operations per second for
 * the hot paths later issues lean on: business-day arithmetic (every service-standard clock),
 * duplicate matching (every search) and sealing a person's data (every create and every seed row).
 */
import { randomBytes } from 'node:crypto';
import { createBusinessCalendar, addCalendarDays } from '../src/domain/calendar/index.js';
import { matchPerson } from '../src/domain/people/matching.js';
import { sealNewClient } from '../src/server/clients/personal-data.js';
import { PersonCrypto } from '../src/server/privacy/crypto.js';

function bench(name: string, iterations: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${name.padEnd(48)} ${Math.round(iterations / seconds)
      .toLocaleString('en-CA')
      .padStart(12)} ops/s`,
  );
}

const calendar = createBusinessCalendar({
  closures: [{ date: '2026-08-03', nameEn: 'Civic Holiday', nameFr: 'Congé civique' }],
});
bench('calendar.addBusinessDays(d, 2)  (P7 clock)', 1_000_000, (i) =>
  calendar.addBusinessDays(addCalendarDays('2024-01-01', i % 2000), 2),
);
bench('calendar.businessDaysBetween(d, d+120)', 1_000_000, (i) => {
  const d = addCalendarDays('2024-01-01', i % 2000);
  return calendar.businessDaysBetween(d, addCalendarDays(d, 120));
});
bench('matchPerson (name + date of birth)', 500_000, (i) =>
  matchPerson(
    { name: 'Amara Okafur', dateOfBirth: '1991-12-04' },
    { name: i % 2 ? 'Amara Okafor' : 'John Smith', dateOfBirth: '1991-04-12' },
  ),
);
const crypto = new PersonCrypto({ encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) });
bench('sealNewClient (key + SIN + contact)', 50_000, (i) =>
  sealNewClient(crypto, `p-${i}`, '130692544', {
    address: null,
    phone: '519-555-0100',
    email: 'a@example.com',
  }),
);

// J9: the caseload of 150 clients, on an in-memory database (its own file: it needs setup).
await import('./caseload.bench.js');
