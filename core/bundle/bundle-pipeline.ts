/**
 * pipeline.json of a bundle: everything besides the trees that turns an extract
 * into probabilities. The scorers (score.mjs, score.py, score.sql) and bundle
 * import read exactly this.
 */
import { parseCalibration, type Calibration } from '../calibrate/index.ts';
import { parsePipeline, type FeaturePipeline } from '../features/index.ts';
import { DEFAULT_DNA_CODES } from '../import/outcome.ts';

export const BUNDLE_PIPELINE_FORMAT = 'attend-bundle-pipeline';
export const BUNDLE_PIPELINE_VERSION = 1;

/** The contents of a bundle's pipeline.json. */
export interface BundlePipeline {
  format: typeof BUNDLE_PIPELINE_FORMAT;
  version: number;
  /** Feature spec, learned category levels and matrix column order. */
  features: FeaturePipeline;
  /** Applied to the model's probability; null when the run kept raw probabilities. */
  calibration: Calibration | null;
  /** How ATTENDED OR DID NOT ATTEND codes were read when the model was trained (history features count DNAs). */
  outcome: { dnaCodes: string[] };
  /** Value standing for a missing feature in the model's matrix. */
  missing: -1;
}

/** A bundle pipeline for a run's feature pipeline and calibration. */
export function bundlePipeline(features: FeaturePipeline, calibration: Calibration | null, dnaCodes: readonly string[] = DEFAULT_DNA_CODES): BundlePipeline {
  return {
    format: BUNDLE_PIPELINE_FORMAT,
    version: BUNDLE_PIPELINE_VERSION,
    features: parsePipeline(features),
    calibration: calibration === null ? null : parseCalibration(calibration),
    outcome: { dnaCodes: [...dnaCodes] },
    missing: -1,
  };
}

/** Check a pipeline.json read from a bundle, naming the field that is wrong. */
export function parseBundlePipeline(value: unknown): BundlePipeline {
  const p = value as Partial<BundlePipeline> | null;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw new Error('pipeline.json: must be a JSON object');
  if (p.format !== BUNDLE_PIPELINE_FORMAT) throw new Error(`pipeline.json: format must be "${BUNDLE_PIPELINE_FORMAT}", got ${JSON.stringify(p.format)}`);
  if (p.version !== BUNDLE_PIPELINE_VERSION) throw new Error(`pipeline.json: version must be ${BUNDLE_PIPELINE_VERSION}, got ${JSON.stringify(p.version)}`);
  if (p.missing !== -1) throw new Error('pipeline.json: missing must be -1');
  const codes = p.outcome?.dnaCodes;
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((c) => typeof c === 'string' && /^\w{1,10}$/.test(c))) {
    throw new Error('pipeline.json: outcome.dnaCodes must be a non-empty list of short codes');
  }
  let features: FeaturePipeline;
  try {
    features = parsePipeline(p.features);
  } catch (e) {
    throw new Error(`pipeline.json: features: ${(e as Error).message}`);
  }
  let calibration: Calibration | null = null;
  if (p.calibration !== null && p.calibration !== undefined) {
    try {
      calibration = parseCalibration(p.calibration);
    } catch (e) {
      throw new Error(`pipeline.json: ${(e as Error).message}`);
    }
  }
  return { format: BUNDLE_PIPELINE_FORMAT, version: BUNDLE_PIPELINE_VERSION, features, calibration, outcome: { dnaCodes: [...codes] }, missing: -1 };
}
