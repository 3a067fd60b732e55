/**
 * Outcomes and monitoring vocabulary (M1–M10, K3), shared by the rules, the database enums, the API
 * and the web so each word exists once. Pure data: safe for the web bundle.
 */
import type { CheckpointKind } from './schedule.js';

/** M1: pre-employment services end with an outcome, employed or not employed. */
export const OUTCOME_KINDS = ['employed', 'not_employed'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** L4: job quality beside counts: permanence is recorded for every job. */
export const JOB_PERMANENCE = ['permanent', 'temporary', 'seasonal'] as const;
export type JobPermanence = (typeof JOB_PERMANENCE)[number];

/** M7: the employment status asked in the Employment Status Questionnaire (ESQ). */
export const ESQ_STATUSES = [
  'employed',
  'self_employed',
  'not_employed',
  'in_education_or_training',
] as const;
export type EsqStatus = (typeof ESQ_STATUSES)[number];

/** K3: the satisfaction question, word for word, and its answers. */
export const SATISFACTION_QUESTION = {
  en: 'How satisfied are you with the service you received, from 1 being completely dissatisfied to 5 being completely satisfied?',
  fr: 'Dans quelle mesure êtes-vous satisfait(e) du service que vous avez reçu, de 1 (complètement insatisfait[e]) à 5 (complètement satisfait[e])?',
} as const;
export const SATISFACTION_ANSWERS = ['1', '2', '3', '4', '5', 'prefer_not_to_answer'] as const;
export type SatisfactionAnswer = (typeof SATISFACTION_ANSWERS)[number];

/**
 * M9: the documents that prove employment. Start-date proof (offer letter or email, a first pay stub
 * with zero year-to-date, a pay stub showing hours rising to 20+) is filed against a job; checkpoint
 * proof (a pay stub for the period containing the checkpoint date, an employer letter of continuous
 * employment with average weekly hours) against a checkpoint.
 */
export const START_DATE_EVIDENCE_KINDS = [
  'offer_letter',
  'zero_ytd_pay_stub',
  'pay_stub_hours_rise',
] as const;
export type StartDateEvidenceKind = (typeof START_DATE_EVIDENCE_KINDS)[number];
export const CHECKPOINT_EVIDENCE_KINDS = ['pay_stub', 'employer_letter'] as const;
export type CheckpointEvidenceKind = (typeof CHECKPOINT_EVIDENCE_KINDS)[number];
export const EVIDENCE_KINDS = [...START_DATE_EVIDENCE_KINDS, ...CHECKPOINT_EVIDENCE_KINDS] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Files accepted as evidence (M9: "a photo is fine"). */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** The SSM's review of a checkpoint submission. */
export const CHECKPOINT_REVIEW_STATES = ['not_submitted', 'submitted', 'approved', 'rejected'] as const;
export type CheckpointReviewState = (typeof CHECKPOINT_REVIEW_STATES)[number];

/** M10: an attestation is requested, pre-approved (or rejected) by the SSM, then signed by the lead. */
export const ATTESTATION_STATES = ['requested', 'pre_approved', 'rejected'] as const;
export type AttestationState = (typeof ATTESTATION_STATES)[number];

export type { CheckpointKind };
