import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';

/** One message per field, keyed by the field's path without its "body."/"query." prefix. */
export type FieldMessages = Record<string, string>;

export interface FormErrors {
  /** What went wrong overall; null when the field messages say it all. */
  summary: string | null;
  fields: FieldMessages;
}

const LOCATION_PREFIX = /^(body|query|params)\.?/;

/** "body.address.postalCode" → "address.postalCode"; "body" alone → "" (the request as a whole). */
export const fieldKey = (field: string) => field.replace(LOCATION_PREFIX, '');

/** The id of the input for a field path: "address.postalCode" → "address-postalCode". */
export const defaultFieldId = (field: string) => field.replace(/\./g, '-');

/** Problem codes with their own wording in both languages, so the message never falls back to English. */
const TRANSLATED_CODES = new Set([
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'csrf_failed',
  'forbidden',
  'not_found',
  'network_error',
  'server_error',
  'internal_error',
  'duplicate_sin',
  'conflict',
  'reference_conflict',
  'payload_too_large',
]);

/** Zod issue codes the API passes through; in French these stand in for the English messages. */
const FIELD_CODES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'custom',
  'invalid_string',
  'invalid_enum_value',
]);

/** Reads the unlock time out of an account_locked detail ("Try again after 2026-01-01T10:00:00.000Z."). */
function lockedUntil(detail: string | undefined, locale: string): string | null {
  const match = detail?.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/);
  if (!match) return null;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(match[0]));
}

/** The overall message for a problem, in the interface language. */
export function problemMessage(error: unknown, t: TFunction, locale: string): string {
  if (!(error instanceof ApiError)) return t('errors.problem.unexpected');
  const { problem } = error;
  if (problem.code === 'account_locked') {
    const until = lockedUntil(problem.detail, locale);
    return until
      ? t('errors.problem.account_locked_until', { time: until })
      : t('errors.problem.account_locked');
  }
  if (problem.status === 429) return t('errors.problem.rate_limited');
  if (locale === 'fr' && problem.messageFr) return problem.messageFr;
  if (problem.code === 'duplicate_sin' && locale !== 'fr' && problem.detail) return problem.detail;
  if (TRANSLATED_CODES.has(problem.code)) return t(`errors.problem.${problem.code}`);
  if (problem.status >= 500) return t('errors.problem.server_error');
  if (problem.status === 404) return t('errors.problem.not_found');
  if (problem.status === 403) return t('errors.problem.forbidden');
  // A refusal with no French wording of its own: the API's detail still says what is wrong.
  return problem.detail ?? t('errors.problem.unexpected');
}

/** Turns an API refusal into form errors: per-field messages plus a summary line when needed. */
export function problemToFormErrors(error: unknown, t: TFunction, locale: string): FormErrors {
  if (error instanceof ApiError && error.problem.rule && (error.problem.errors?.length ?? 0) !== 1) {
    // A business-rule refusal says which rule and everything that is missing (P8 lists each part), in
    // both languages: show it whole on top rather than split over fields, where French would fall
    // back to a generic word. A refusal about one field (E2 on the SIN) stays on that field.
    const message = problemMessage(error, t, locale);
    const { rule } = error.problem;
    const colon = locale === 'fr' ? ' : ' : ': ';
    return { summary: message.startsWith(rule) ? message : `${rule}${colon}${message}`, fields: {} };
  }
  if (!(error instanceof ApiError) || !error.problem.errors?.length) {
    return { summary: problemMessage(error, t, locale), fields: {} };
  }
  const { problem } = error;
  const fields: FieldMessages = {};
  const single = problem.errors?.length === 1;
  for (const e of problem.errors ?? []) {
    const key = fieldKey(e.field);
    if (fields[key]) continue;
    if (locale === 'fr') {
      fields[key] =
        single && problem.messageFr
          ? problem.messageFr
          : e.code && FIELD_CODES.has(e.code)
            ? t(`errors.field.${e.code}`)
            : t('errors.field.invalid');
    } else {
      fields[key] = e.message;
    }
  }
  // A refusal about the request as a whole (field "body") has nowhere to point, so it goes on top.
  const general = fields[''];
  delete fields[''];
  return { summary: general ?? null, fields };
}

/** Field messages for a form, the summary's focus on each failed submit, and helpers to fill them. */
export function useFormErrors() {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Move focus to the summary so keyboard and screen-reader users learn what to fix.
    if (errors && attempt > 0) summaryRef.current?.focus();
  }, [errors, attempt]);

  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);

  return {
    errors,
    summaryRef,
    clear: useCallback(() => setErrors(null), []),
    /** Shows client-side validation messages; returns true when there were none. */
    check: useCallback(
      (fields: FieldMessages): boolean => {
        if (Object.keys(fields).length === 0) return true;
        show({ summary: null, fields });
        return false;
      },
      [show],
    ),
    fromError: useCallback(
      (error: unknown) => show(problemToFormErrors(error, t, i18n.language)),
      [show, t, i18n.language],
    ),
    /** The message for a field, or for the first nested field under it (e.g. "hours" for "hours.mon.0.closes"). */
    field: (name: string): string | undefined => {
      if (!errors) return undefined;
      if (errors.fields[name]) return errors.fields[name];
      const nested = Object.keys(errors.fields).find((k) => k.startsWith(`${name}.`));
      return nested ? errors.fields[nested] : undefined;
    },
  };
}

export type FormErrorsState = ReturnType<typeof useFormErrors>;

/* Client-side checks. Each returns a translated message or undefined, so forms catch mistakes in the
   user's language before the API has to refuse them. */

export const isBlank = (value: string | null | undefined) => !value || value.trim() === '';
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const POSTAL_CODE_PATTERN = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;
export const PHONE_PATTERN = /^[0-9+()\-\s.x]{7,30}$/;
export const MIN_PASSWORD_LENGTH = 12;

/** A SIN as the API takes it: 9 digits, spaces and dashes allowed. The checksum is the API's job (E2). */
export const looksLikeSin = (value: string) => /^\d{9}$/.test(value.replace(/[\s-]/g, ''));

export function collect(entries: [string, string | false | undefined | null][]): FieldMessages {
  const out: FieldMessages = {};
  for (const [field, message] of entries) if (message) out[field] = message;
  return out;
}
