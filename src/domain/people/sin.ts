/**
 * Social Insurance Number rules (E2, E4). The SIN is the client's unique identifier across the
 * system; it is validated here and never kept or shown in clear outside the encryption boundary.
 */

export type SinProblem = 'not_nine_digits' | 'fails_check_digit' | 'invalid_first_digit';

/** What to tell the person entering a SIN that fails E2, in both official languages. */
export const SIN_PROBLEM_MESSAGES: Record<SinProblem, { en: string; fr: string }> = {
  not_nine_digits: { en: 'A SIN has exactly 9 digits.', fr: 'Un NAS compte exactement 9 chiffres.' },
  invalid_first_digit: {
    en: 'No SIN issued to a person starts with 0 or 8.',
    fr: 'Aucun NAS attribué à une personne ne commence par 0 ou 8.',
  },
  fails_check_digit: {
    en: 'This SIN fails the check digit; check for a typing error.',
    fr: 'Ce NAS échoue à la vérification du chiffre de contrôle; vérifiez la saisie.',
  },
};

export interface SinCheck {
  valid: boolean;
  /** Digits only, when valid. */
  normalized?: string;
  problem?: SinProblem;
  /** 900-series: issued to temporary residents; case-managed eligibility depends on the permit (E4). */
  temporary: boolean;
}

/** Strips the spaces and dashes people type ("046 454 286", "046-454-286"). */
export function normalizeSin(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Luhn (mod 10) over the nine digits, as Service Canada defines the SIN check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** E2: 9 digits and a valid Luhn check digit; E4: a 900-series SIN is flagged as temporary. */
export function checkSin(input: string): SinCheck {
  const digits = normalizeSin(input);
  if (!/^\d{9}$/.test(digits)) return { valid: false, problem: 'not_nine_digits', temporary: false };
  // No SIN begins with 0 or 8 (0 is reserved for fictitious numbers, 8 for business numbers).
  if (digits[0] === '0' || digits[0] === '8') {
    return { valid: false, problem: 'invalid_first_digit', temporary: false };
  }
  if (!luhnValid(digits)) return { valid: false, problem: 'fails_check_digit', temporary: false };
  return { valid: true, normalized: digits, temporary: digits[0] === '9' };
}

/** E2: show it masked: only the last three digits. */
export function maskSin(digits: string): string {
  return `***-***-${digits.slice(-3)}`;
}

/** Completes eight digits with the Luhn check digit; the synthetic-data generator uses it. */
export function withCheckDigit(eightDigits: string): string {
  for (let c = 0; c <= 9; c++) {
    if (luhnValid(eightDigits + c)) return eightDigits + c;
  }
  throw new Error('unreachable: every prefix has exactly one Luhn check digit');
}
