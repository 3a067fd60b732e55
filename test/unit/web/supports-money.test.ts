import { describe, expect, it } from 'vitest';
import {
  centsToInput,
  dollarsToCents,
  formatSignedCents,
  MAX_INPUT_CENTS,
  parseCount,
} from '../../../web/src/money.js';

/**
 * Money typed in the supports and budget forms becomes integer cents by reading the digits (F3, F6:
 * the thresholds are exact to the cent), never by multiplying a float.
 */
describe('dollarsToCents (F6 amounts typed in dollars)', () => {
  it('reads whole dollars and English grouping and decimals', () => {
    expect(dollarsToCents('1200')).toBe(120_000);
    expect(dollarsToCents('1,200.00')).toBe(120_000);
    expect(dollarsToCents('$1,200')).toBe(120_000);
    expect(dollarsToCents(' 150 ')).toBe(15_000);
    expect(dollarsToCents('1,234,567.89')).toBe(123_456_789);
    expect(dollarsToCents('12.5')).toBe(1250);
    expect(dollarsToCents('.5')).toBe(50);
    expect(dollarsToCents('0.01')).toBe(1);
  });

  it('reads French grouping with spaces or dots and the decimal comma', () => {
    expect(dollarsToCents('1 200,50 $')).toBe(120_050);
    expect(dollarsToCents('1\u00a0200,50\u00a0$')).toBe(120_050);
    expect(dollarsToCents('1.200,50')).toBe(120_050);
    expect(dollarsToCents('1200,5')).toBe(120_050);
    expect(dollarsToCents('150,00')).toBe(15_000);
  });

  it('keeps the cent exact where float arithmetic would not (0.1 + 0.2, 1000.01 is over F6’s $1,000)', () => {
    expect(dollarsToCents('1000.01')).toBe(100_001);
    expect(dollarsToCents('0.29')).toBe(29);
    expect(dollarsToCents('1.15')).toBe(115);
    expect(dollarsToCents('4.35')).toBe(435);
    expect(dollarsToCents('3500.00')).toBe(350_000);
  });

  it('refuses what is not an amount of dollars', () => {
    for (const bad of [
      '',
      '  ',
      'abc',
      '-5',
      '1e3',
      '12.345',
      '1,2,3',
      '1,20,000',
      '1,2000',
      '$',
      '1..2',
      '1.2.3',
      '1.200',
      '1200.',
    ])
      expect(dollarsToCents(bad), bad).toBeNull();
  });

  it('refuses amounts beyond what an input may hold instead of losing precision', () => {
    expect(dollarsToCents('1000000000')).toBe(MAX_INPUT_CENTS);
    expect(dollarsToCents('1000000000.01')).toBeNull();
    expect(dollarsToCents('99999999999999999999')).toBeNull();
  });

  it('round-trips with centsToInput in both languages', () => {
    for (const cents of [0, 1, 99, 100, 120_010, 350_000, 123_456_789]) {
      expect(dollarsToCents(centsToInput(cents, 'en'))).toBe(cents);
      expect(dollarsToCents(centsToInput(cents, 'fr'))).toBe(cents);
    }
    expect(centsToInput(120_010, 'en')).toBe('1200.10');
    expect(centsToInput(120_010, 'fr')).toBe('1200,10');
    expect(centsToInput(-1, 'en')).toBe('');
  });
});

describe('formatSignedCents', () => {
  it('shows an over-committed (negative) remainder with a minus sign, in both languages', () => {
    expect(formatSignedCents(135_000, 'en')).toBe('$1,350.00');
    expect(formatSignedCents(135_000, 'fr')).toBe('1\u00a0350,00\u00a0$');
    expect(formatSignedCents(-2_500, 'en')).toBe('\u2212$25.00');
    expect(formatSignedCents(-2_500, 'fr')).toBe('\u221225,00\u00a0$');
    expect(formatSignedCents(0, 'en')).toBe('$0.00');
  });
});

describe('parseCount (client volume)', () => {
  it('reads whole numbers with or without grouping, and nothing else', () => {
    expect(parseCount('250')).toBe(250);
    expect(parseCount('1,250')).toBe(1250);
    expect(parseCount('1 250')).toBe(1250);
    for (const bad of ['', '2.5', '-3', 'ten', '1,25']) expect(parseCount(bad), bad).toBeNull();
  });
});
