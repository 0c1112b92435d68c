/** The training engine: XGBoost 0.72 in WebAssembly, and our own model reader and predictor. */
export { DEFAULT_BOOSTER_PARAMS, resolveBoosterParams, toXgboostParams } from './booster-params.ts';
export type { BoosterKind, BoosterParams, GrowPolicy } from './booster-params.ts';
export { MISSING, checkMatrix, checkTrainingData } from './training-data.ts';
export type { TrainingData } from './training-data.ts';
export { trainBooster } from './train-booster.ts';
export type { TrainedBooster, TrainOptions } from './train-booster.ts';
export { CANCELLED } from './run-in-worker.ts';
export { predictWithEngine } from './engine-predict.ts';
export { engineVersion } from './version.ts';
export type { BoosterModel, LinearModel, TreeEnsemble } from './ensemble.ts';
export { readModel, readTreeEnsemble } from './tree-reader.ts';
export { checkModelInput, predictMargin, predictProbability, resolveTreeLimit, sigmoid } from './predict.ts';
export { bestTreeCount, logLossByTreePrefix, marginsByTreePrefix } from './tree-prefix.ts';
export { leafIndex } from './tree-walk.ts';
export { truncateModel } from './truncate-model.ts';
