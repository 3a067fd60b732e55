import { useTranslation } from 'react-i18next';
import { jobHeldOn } from '../../../../src/domain/monitoring/funded-outcome.js';
import { formatDecimal } from '../../format.js';
import type { CheckpointReviewState, CheckpointState, CheckpointWorklistBucket } from './types.js';

const STATE_TAG: Record<CheckpointState, string> = {
  upcoming: 'tag--muted',
  due: 'tag--warning',
  overdue: 'tag--danger',
  completed: 'tag--ok',
};

/** M7: where a checkpoint stands today (upcoming, due, overdue, completed). */
export function CheckpointStateTag({ state }: { state: CheckpointState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${STATE_TAG[state]}`} data-testid="checkpoint-state" data-state={state}>
      {t(`monitoring.checkpointStates.${state}`)}
    </span>
  );
}

const BUCKET_TAG: Record<CheckpointWorklistBucket, string> = {
  overdue: 'tag--danger',
  due_this_week: 'tag--warning',
  due_later: 'tag--muted',
  upcoming: 'tag--muted',
};

export function BucketTag({ bucket }: { bucket: CheckpointWorklistBucket }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${BUCKET_TAG[bucket]}`} data-testid="checkpoint-bucket" data-bucket={bucket}>
      {t(`monitoring.buckets.${bucket}`)}
    </span>
  );
}

const REVIEW_TAG: Record<CheckpointReviewState, string> = {
  not_submitted: 'tag--muted',
  submitted: 'tag--warning',
  approved: 'tag--ok',
  rejected: 'tag--danger',
};

export function ReviewStateTag({ state }: { state: CheckpointReviewState }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${REVIEW_TAG[state]}`} data-testid="review-state" data-state={state}>
      {t(`pbf.reviewStates.${state}`)}
    </span>
  );
}

/**
 * Hours per week typed as "20", "22.5" or "22,5" → whole minutes per week (the API's unit, so 20 h
 * is exactly 1200 and the 20-hour threshold is never a float comparison); null when not a number
 * of hours in a week.
 */
export function parseHours(input: string): number | null {
  const cleaned = input.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const minutes = Math.round(Number(cleaned) * 60);
  return minutes > 0 && minutes <= 168 * 60 ? minutes : null;
}

/** A decimal to edit as the interface language writes it ("22.5" / "22,5"); both are read back. */
const decimalInput = (value: string, locale: string) => (locale === 'fr' ? value.replace('.', ',') : value);

/** Minutes per week as the hours to edit: 1350 → "22.5" ("22,5" in French). */
export const minutesToInput = (minutes: number, locale = 'en') =>
  decimalInput(String(Math.round((minutes / 60) * 100) / 100), locale);

/** A wage in cents as the dollars to edit: 1790 → "17.90" ("17,90" in French). */
export const wageToInput = (cents: number | null, locale: string) =>
  cents === null ? '' : decimalInput((cents / 100).toFixed(2), locale);

/** Minutes per week as hours with at most one decimal, in the interface language: 1350 → "22.5" / "22,5". */
export const formatHours = (minutes: number, locale: string) => formatDecimal(minutes / 60, locale);

/** A job worked on a date: the domain's M2 notion, so the page and the API agree. */
export const jobActiveOn = jobHeldOn;

/** A file's bytes as base64, without the data-URL prefix, for the evidence upload body. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Bytes as "1.2 MB" / "1,2 Mo" style sizes, for the evidence limits and list. */
export function formatBytes(bytes: number, locale: string): string {
  const mb = locale === 'fr' ? 'Mo' : 'MB';
  const kb = locale === 'fr' ? 'ko' : 'KB';
  return bytes >= 1024 * 1024
    ? `${formatDecimal(bytes / (1024 * 1024), locale)} ${mb}`
    : `${formatDecimal(Math.max(bytes, 1) / 1024, locale)} ${kb}`;
}
