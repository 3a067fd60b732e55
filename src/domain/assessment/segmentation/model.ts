/**
 * The segmentation interface (C8). A model turns a submitted CA's answers into a score of risk of
 * long-term unemployment and a stream; thresholds come from configuration, never from the model,
 * so the network can re-balance streams without a new model version. Each CA stores the model id,
 * version and thresholds it was segmented with, so a later change never rewrites history (C11).
 * The stream informs caseworkers and does not decide (C12, S3); it is never shown to clients (C8).
 */
import type { Answers, AssessmentFacts, Stream } from '../types.js';

/** Score ≥ b → Stream B; score ≥ c → Stream C; below b → Stream A. 0 < b < c ≤ 100. */
export interface StreamThresholds {
  b: number;
  c: number;
}

export interface SegmentationFactorDescription {
  id: string;
  en: string;
  fr: string;
  /** The most points the factor can add (negative: the most it can take away). */
  weight: number;
  /** The full range, for a factor that can both add and take away. */
  minPoints: number;
  maxPoints: number;
  explanationEn: string;
  explanationFr: string;
}

export interface SegmentationFactor {
  id: string;
  en: string;
  fr: string;
  points: number;
}

export interface Segmentation {
  modelId: string;
  modelVersion: string;
  /** 0–100. */
  score: number;
  stream: Stream;
  thresholds: StreamThresholds;
  /** The factors that contributed (points ≠ 0), the largest contribution first. */
  factors: SegmentationFactor[];
}

export interface SegmentationInput {
  answers: Answers;
  facts: AssessmentFacts;
}

export interface SegmentationModel {
  id: string;
  version: string;
  describe(): { factors: SegmentationFactorDescription[] };
  segment(input: SegmentationInput, thresholds: StreamThresholds): Segmentation;
}

/** The stream a score falls in; shared by every model so thresholds mean the same thing. */
export function streamFor(score: number, thresholds: StreamThresholds): Stream {
  if (score >= thresholds.c) return 'C';
  if (score >= thresholds.b) return 'B';
  return 'A';
}

/** Why a pair of thresholds is unusable, or null. */
export function thresholdsProblem(t: StreamThresholds): string | null {
  if (!Number.isInteger(t.b) || !Number.isInteger(t.c)) return 'thresholds must be whole numbers';
  if (!(t.b > 0 && t.b < t.c && t.c <= 100))
    return `thresholds must satisfy 0 < b < c ≤ 100 (got b=${t.b}, c=${t.c})`;
  return null;
}
