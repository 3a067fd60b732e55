/**
 * The segmentation models Pathways knows, and the configuration of thresholds (C8). A future
 * ministry model is one more entry here: same interface, its own id and version.
 */
import { thresholdsProblem, type SegmentationModel, type StreamThresholds } from './model.js';
import { PATHWAYS_2026_MODEL } from './pathways-2026.js';

export * from './model.js';
export {
  PATHWAYS_2026_MODEL,
  ESSENTIAL_SKILL_ITEMS,
  SELF_EFFICACY_ITEMS,
  WORK_ATTITUDE_ITEMS,
} from './pathways-2026.js';

export const SEGMENTATION_MODELS: Readonly<Record<string, SegmentationModel>> = Object.freeze({
  [PATHWAYS_2026_MODEL.id]: PATHWAYS_2026_MODEL,
});

export const DEFAULT_SEGMENTATION_MODEL_ID = PATHWAYS_2026_MODEL.id;

/** Used when `PATHWAYS_STREAM_THRESHOLDS` is not set. */
export const DEFAULT_STREAM_THRESHOLDS: Readonly<StreamThresholds> = Object.freeze({ b: 35, c: 60 });

export function segmentationModel(id: string): SegmentationModel | null {
  return Object.hasOwn(SEGMENTATION_MODELS, id) ? SEGMENTATION_MODELS[id]! : null;
}

/**
 * Reads thresholds from configuration text "b,c" (e.g. "35,60"). Throws with a message that names
 * the setting, so a bad value stops the server at start rather than mis-streaming clients.
 */
export function parseStreamThresholds(text: string): StreamThresholds {
  const expected =
    'PATHWAYS_STREAM_THRESHOLDS must be two whole numbers "b,c" with 0 < b < c ≤ 100, e.g. "35,60"';
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts.every((p) => /^\d+$/.test(p)))
    throw new Error(`${expected}; got "${text}"`);
  const [b, c] = parts.map(Number) as [number, number];
  const problem = thresholdsProblem({ b, c });
  if (problem) throw new Error(`${expected}; got "${text}" (${problem})`);
  return { b, c };
}
