import { describe, expect, it } from 'vitest';
import {
  jaroWinkler,
  matchPerson,
  nameKeys,
  nameSimilarity,
  normalizeName,
} from '../../../src/domain/people/matching.js';

describe('finding the same person (C1)', () => {
  it('normalizes accents, case and punctuation', () => {
    expect(normalizeName('  Côté-Bélanger ')).toBe('cote belanger');
    expect(nameKeys('Côté', 'Zoé')).toEqual({ familyNameKey: 'cote', givenNameKey: 'zoe' });
  });

  it('Jaro-Winkler: identical is 1, unrelated is low, a typo stays high', () => {
    expect(jaroWinkler('martha', 'martha')).toBe(1);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('okafor', 'zzyzx')).toBeLessThan(0.5);
  });

  it('name similarity ignores order and accepts prefixes', () => {
    expect(nameSimilarity('Smith John', 'John Smith')).toEqual({ similarity: 1, exact: true });
    expect(nameSimilarity('smi', 'John Smith').similarity).toBeCloseTo(0.9);
    expect(nameSimilarity('Jon Smith', 'John Smith').exact).toBe(false);
  });

  it('C1: same name and date of birth is a likely duplicate', () => {
    const r = matchPerson(
      { name: 'Amara Okafor', dateOfBirth: '1991-04-12' },
      { name: 'OKAFOR Amara', dateOfBirth: '1991-04-12' },
    );
    expect(r.reasons).toEqual(['same_name', 'same_date_of_birth']);
    expect(r.likelyDuplicate).toBe(true);
  });

  it('C1: a typo and a day/month swap still flag a likely duplicate', () => {
    const r = matchPerson(
      { name: 'Amara Okafur', dateOfBirth: '1991-12-04' },
      { name: 'Amara Okafor', dateOfBirth: '1991-04-12' },
    );
    expect(r.reasons).toEqual(['similar_name', 'transposed_date_of_birth']);
    expect(r.likelyDuplicate).toBe(true);
  });

  it('E2: the same SIN is a duplicate whatever the name', () => {
    const r = matchPerson(
      { name: 'Someone Else', sinIndex: 'abc' },
      { name: 'Amara Okafor', sinIndex: 'abc' },
    );
    expect(r.reasons).toEqual(['same_sin']);
    expect(r.likelyDuplicate).toBe(true);
  });

  it('a common name without a matching birth date is not flagged', () => {
    const r = matchPerson(
      { name: 'John Smith', dateOfBirth: '1980-01-01' },
      { name: 'John Smith', dateOfBirth: '1975-06-15' },
    );
    expect(r.reasons).toEqual(['same_name']);
    expect(r.likelyDuplicate).toBe(false);
  });
});
