import { describe, expect, it } from 'vitest';
import { checkSin } from '../../../src/domain/people/sin.js';
import { syntheticPerson, syntheticSin } from '../../../src/seed/people.js';
import { Random } from '../../../src/seed/random.js';

describe('synthetic data generator', () => {
  it('E2: every synthetic SIN is valid and unique across a large run, with a share of 900-series', () => {
    const seen = new Set<string>();
    let temporary = 0;
    for (let i = 0; i < 200_000; i++) {
      const sin = syntheticSin(i);
      const check = checkSin(sin);
      expect(check.valid).toBe(true);
      if (check.temporary) temporary++;
      seen.add(sin);
    }
    expect(seen.size).toBe(200_000);
    expect(temporary).toBeGreaterThan(5000);
  });

  it('is deterministic: the same seed and index give the same person', () => {
    const city = { name: 'Windsor', postalPrefix: 'N9A' };
    const a = syntheticPerson(new Random(42), 7, city);
    const b = syntheticPerson(new Random(42), 7, city);
    const c = syntheticPerson(new Random(43), 7, city);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a.phone === null || /^519-555-01\d\d$/.test(a.phone)).toBe(true);
  });
});
