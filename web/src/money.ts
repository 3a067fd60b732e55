/**
 * Money as people type it and as the API keeps it: integer cents everywhere (plan item costs,
 * wages, PBF amounts, financial supports: F3 and F6 thresholds are exact to the cent). Typed dollars are read digit by digit, never through a float, so "1,200.10"
 * is 120010 cents and not 120009.99999.
 */
import { formatCents } from '../../src/domain/supports/pre-approval.js';

/** The largest amount an input may hold: far above any ERFS figure, far below unsafe integers. */
export const MAX_INPUT_CENTS = 100_000_000_000;

/**
 * "1200", "1,200.00", "$1,200", "1 200,50 $" or "1200,5" → cents; null when it is not an amount
 * of dollars. English groups thousands with commas and writes a decimal point; French groups with
 * spaces (or dots, only before a decimal comma) and writes a decimal comma. "12.345" is refused
 * rather than guessed: as English it has three decimals, and reading it as $12,345 would be a
 * thousandfold mistake.
 */
export function dollarsToCents(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/\$/g, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  const match =
    /^(\d+|\d{1,3}(?:,\d{3})+)$/.exec(cleaned) ??
    /^(\d*|\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/.exec(cleaned) ??
    /^(\d*|\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(cleaned);
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/[,.]/g, '') || '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const digits = `${whole.replace(/^0+(?=\d)/, '')}${fraction}`;
  if (digits.length > 15) return null;
  const cents = Number.parseInt(digits, 10);
  return Number.isSafeInteger(cents) && cents <= MAX_INPUT_CENTS ? cents : null;
}

/** Cents as the text of an amount field, in the interface language: 120010 → "1200.10" / "1200,10". */
export function centsToInput(cents: number, locale: 'en' | 'fr'): string {
  if (!Number.isSafeInteger(cents) || cents < 0) return '';
  const dollars = String(Math.floor(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  return `${dollars}${locale === 'fr' ? ',' : '.'}${rest}`;
}

/**
 * Cents shown as money (the domain's F6 formatter), negatives too: a budget's remaining amount is
 * negative when it is over-committed. "−$120.00" / "−120,00 $".
 */
export function formatSignedCents(cents: number, locale: 'en' | 'fr'): string {
  return cents < 0 ? `\u2212${formatCents(-cents, locale)}` : formatCents(cents, locale);
}

/** A whole count typed as "250" or "1,250" / "1 250" → the number; null otherwise. */
export function parseCount(input: string): number | null {
  const cleaned = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(cleaned) && !/^\d{1,3}(,\d{3})+$/.test(cleaned)) return null;
  const n = Number.parseInt(cleaned.replace(/,/g, ''), 10);
  return Number.isSafeInteger(n) && n <= 10_000_000 ? n : null;
}
