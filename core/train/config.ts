import { z } from 'zod';
import type { BoosterParams } from '../engine/index.ts';
import type { FeatureSpec } from '../features/index.ts';
import type { SplitSpec } from './split.ts';

/** What an analyst may set for a training run; everything has a default. */
export interface TrainConfig {
  /** Engine parameters (see BoosterParams); unset ones take the DNA defaults. */
  params?: Partial<BoosterParams>;
  /** A full feature spec; default the built-in one. */
  spec?: FeatureSpec;
  /** Keep only these features of the spec, by name. */
  features?: string[];
  split?: SplitSpec;
  /**
   * Recalibration fitted on the validation slice (never the test slice) and
   * applied to the model's probabilities. Default platt; none keeps the raw ones.
   */
  calibration?: 'platt' | 'isotonic' | 'none';
  note?: string;
}

const paramsSchema = z
  .object({
    booster: z.enum(['gbtree', 'gblinear']),
    trees: z.number(),
    maxDepth: z.number(),
    eta: z.number(),
    minChildWeight: z.number(),
    gamma: z.number(),
    subsample: z.number(),
    colsampleBytree: z.number(),
    lambda: z.number(),
    alpha: z.number(),
    scalePosWeight: z.number(),
    maxBin: z.number(),
    growPolicy: z.enum(['depthwise', 'lossguide']),
    maxLeaves: z.number(),
    monotoneConstraints: z.array(z.number()),
    seed: z.number(),
    baseScore: z.number(),
  })
  .partial()
  .strict();

const splitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('temporal'), validationDays: z.number().int().min(7).max(3650), testDays: z.number().int().min(7).max(3650) }).strict(),
  z.object({ kind: z.literal('patient-kfold'), folds: z.number().int().min(2).max(20), seed: z.number().int() }).strict(),
]);

/** Schema of a training configuration file; unknown keys are refused so typos do not pass silently. */
export const trainConfigSchema: z.ZodType<TrainConfig> = z
  .object({
    params: paramsSchema.optional(),
    // The feature module validates specs itself, with messages naming the feature.
    spec: z.custom<FeatureSpec>((v) => typeof v === 'object' && v !== null, 'spec must be an object').optional(),
    features: z.array(z.string().min(1)).min(1).optional(),
    split: splitSchema.optional(),
    calibration: z.enum(['platt', 'isotonic', 'none']).optional(),
    note: z.string().max(10_000).optional(),
  })
  .strict() as z.ZodType<TrainConfig>;

export type { SplitSpec };
