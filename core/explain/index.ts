/** Explanations of tree models: exact TreeSHAP, global importance, reasons for one appointment. */
export { shapValues } from './tree-shap.ts';
export type { ShapResult } from './tree-shap.ts';
export { nodeMeans } from './node-means.ts';
export { meanAbsShap, rankFeatures, splitCounts, totalGain } from './importance.ts';
export type { MeanAbsShapOptions, RankedFeature } from './importance.ts';
export { rowReasons, topReasons } from './reasons.ts';
export type { Reason } from './reasons.ts';
