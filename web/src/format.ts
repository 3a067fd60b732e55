import { useTranslation } from 'react-i18next';
import type { Locale } from './types.js';
import { torontoDate } from '../../src/domain/calendar/iso-date.js';

const intlLocale = (locale: string) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

/** "2026-07-01" → "July 1, 2026" / "1 juillet 2026". Calendar dates have no time zone, so format in UTC. */
export function formatDate(
  isoDate: string,
  locale: string,
  style: 'long' | 'full' | 'medium' = 'long',
): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  const parts = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: style,
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(y, m - 1, d)));
  // French writes the first of the month as an ordinal: « 1er octobre », which Intl does not.
  const firstOrdinal = locale.startsWith('fr') && style !== 'medium' && d === 1;
  return parts.map((p) => (firstOrdinal && p.type === 'day' ? `${p.value}er` : p.value)).join('');
}

/** An instant, in the browser's time zone. */
export function formatDateTime(timestamp: string, locale: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A share as a percentage with at most one decimal: 0.3333 → "33.3%" / "33,3 %". */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** A measure with at most one decimal (an average of days, say). */
export function formatDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
}

/** Integer cents as dollars: 123450 → "$1,234.50" / "1 234,50 $". Amounts are kept in cents, never floats. */
export function formatMoney(cents: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'CAD' }).format(
    cents / 100,
  );
}

/** Picks the name in the interface language from an API record that carries both. */
export function localName(record: { nameEn: string; nameFr: string }, locale: string): string {
  return locale === 'fr' ? record.nameFr || record.nameEn : record.nameEn || record.nameFr;
}

/** An organization's name in the interface language (French name when there is one). */
export function organizationName(org: { name: string; nameFr: string | null }, locale: string): string {
  return locale === 'fr' && org.nameFr ? org.nameFr : org.name;
}

/**
 * Today in Ontario, as YYYY-MM-DD: the date the server checks against (ages, "not in the future",
 * ID expiry). The browser's own zone would be a day ahead in the evening for anyone set to UTC.
 */
export function todayIso(): string {
  return torontoDate(new Date());
}

export function useFormatters() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'fr' ? 'fr' : 'en';
  return {
    locale,
    date: (iso: string, style?: 'long' | 'full' | 'medium') => formatDate(iso, locale, style),
    dateTime: (ts: string) => formatDateTime(ts, locale),
    number: (n: number) => formatNumber(n, locale),
    percent: (share: number) => formatPercent(share, locale),
    decimal: (n: number) => formatDecimal(n, locale),
    money: (cents: number) => formatMoney(cents, locale),
    name: (record: { nameEn: string; nameFr: string }) => localName(record, locale),
    orgName: (org: { name: string; nameFr: string | null }) => organizationName(org, locale),
  };
}
