import type { OperationOutput } from '../../../core/api/index.ts';

// Every shape the screens use is derived from the operation map, so the renderer
// follows the core's types without importing anything but core/api.

/** One journal entry as runs.get returns it. */
export type RunRecord = OperationOutput<'runs.get'>;
/** One journal entry as runs.list returns it. */
export type RunSummary = OperationOutput<'runs.list'>[number];
/** What train.run answers. */
export type TrainResult = OperationOutput<'train.run'>;
/** AUC with CI, Brier, log loss, n and events of one set of predictions. */
export type HoldoutMetrics = TrainResult['metrics'];
/** What train.compare answers. */
export type Comparison = OperationOutput<'train.compare'>;
/** One line of a leaderboard: a trained configuration or a baseline. */
export type LeaderboardRow = Comparison['leaderboard'][number];
/** What runs.evaluate answers. */
export type RunEvaluation = OperationOutput<'runs.evaluate'>;
/** Every metric and (downsampled) curve of a run's test slice. */
export type EvaluationReport = RunEvaluation['evaluation'];
/** A ROC curve of at most 500 points; the first threshold (flag nobody) is null. */
export type RocCurve = NonNullable<EvaluationReport['roc']>;
/** A precision-recall curve of at most 500 points. */
export type PrCurve = NonNullable<EvaluationReport['pr']>;
/** One row of the fixed threshold table. */
export type ThresholdRow = EvaluationReport['thresholds']['byThreshold'][number];
/** One quantile bin of the reliability diagram. */
export type CalibrationBin = EvaluationReport['reliability'][number];
/** One subgroup's metrics, with small-number suppression applied. */
export type SubgroupRow = EvaluationReport['subgroups'][number];
/** A feature and its importance. */
export type RankedFeature = RunEvaluation['importance']['meanAbsShap'][number];
/** What risk.list answers: one page of the filtered, sorted list with its totals. */
export type RiskPage = OperationOutput<'risk.list'>;
/** One scored upcoming appointment. */
export type RiskRow = RiskPage['rows'][number];
/** Expected DNAs of one clinic session. */
export type SessionRow = RiskPage['sessions'][number];
/** What risk.csv answers: the call list as text for a download. */
export type RiskCsv = OperationOutput<'risk.csv'>;
/** What bundle.export answers. */
export type BundleExport = OperationOutput<'bundle.export'>;
/** A bundle's manifest. */
export type BundleManifest = BundleExport['manifest'];
/** What bundle.inspect answers. */
export type BundleInspection = OperationOutput<'bundle.inspect'>;
/** What bundle.validate answers. */
export type BundleValidation = OperationOutput<'bundle.validate'>;
/** Share of local values of one category feature the bundle never saw. */
export type CategoryCoverage = BundleValidation['coverage'][number];
/** This workspace's signing key, as bundle.signingKey gives it. */
export type SigningKeyInfo = OperationOutput<'bundle.signingKey'>;
