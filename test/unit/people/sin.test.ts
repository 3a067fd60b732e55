import { describe, expect, it } from 'vitest';
import {
  checkSin,
  luhnValid,
  maskSin,
  normalizeSin,
  withCheckDigit,
} from '../../../src/domain/people/sin.js';

describe('SIN rules (E2, E4)', () => {
  it('E2: accepts nine digits with a valid Luhn check digit, typed with spaces or dashes', () => {
    expect(checkSin('130 692 544')).toEqual({ valid: true, normalized: '130692544', temporary: false });
    expect(checkSin('130-692-544').valid).toBe(true);
    expect(normalizeSin(' 130-692 544 ')).toBe('130692544');
  });

  it('E2: refuses a wrong check digit, a wrong length and letters', () => {
    expect(checkSin('130692545')).toMatchObject({ valid: false, problem: 'fails_check_digit' });
    expect(checkSin('13069254')).toMatchObject({ valid: false, problem: 'not_nine_digits' });
    expect(checkSin('1306925440')).toMatchObject({ valid: false, problem: 'not_nine_digits' });
    expect(checkSin('13069254a')).toMatchObject({ valid: false, problem: 'not_nine_digits' });
  });

  it('E2: refuses numbers no person is issued (first digit 0 or 8), even with a valid check digit', () => {
    expect(luhnValid('046454286')).toBe(true);
    expect(checkSin('046454286')).toMatchObject({ valid: false, problem: 'invalid_first_digit' });
    expect(checkSin(withCheckDigit('80000000'))).toMatchObject({
      valid: false,
      problem: 'invalid_first_digit',
    });
  });

  it('E4: a 900-series SIN is valid and flagged as temporary', () => {
    expect(checkSin('927419531')).toEqual({ valid: true, normalized: '927419531', temporary: true });
  });

  it('E2: masks all but the last three digits', () => {
    expect(maskSin('130692544')).toBe('***-***-544');
  });

  it('computes the one Luhn check digit that completes eight digits', () => {
    for (const prefix of ['13069254', '23456789', '92741953']) {
      const full = withCheckDigit(prefix);
      expect(full.startsWith(prefix)).toBe(true);
      expect(luhnValid(full)).toBe(true);
      const wrong = prefix + String((Number(full[8]) + 1) % 10);
      expect(luhnValid(wrong)).toBe(false);
    }
  });
});
