export {
  FEATURE_SPEC_VERSION,
  HISTORY_STATS,
  CATEGORY_COLUMNS,
  NUMBER_COLUMNS,
  defaultFeatureSpec,
  selectFeatures,
} from './spec.ts';
export type {
  FeatureSpec,
  FeatureDef,
  FeatureKind,
  HistoryStat,
  CategoryColumn,
  NumberColumn,
  HistoryFeature,
  LeadTimeFeature,
  CalendarFeature,
  AttendanceTypeFeature,
  CategoryFeature,
  NumberFeature,
  AgeBandFeature,
  EthnicGroupFeature,
} from './spec.ts';
export { validateFeatureSpec } from './validate-spec.ts';
export { canonicalJson, featureSpecHash } from './spec-hash.ts';
export { PIPELINE_FORMAT, PIPELINE_VERSION, fitPipelineOnTable, parsePipeline, pipelineColumns } from './pipeline.ts';
export type { FeaturePipeline } from './pipeline.ts';
export type { CategoryMap } from './category-map.ts';
export { buildMatrix, buildMatrixFromTable, fitPipeline, loadDatasetTable } from './build-matrix.ts';
export type { BuildOptions, FeatureMatrix, MatrixRows } from './build-matrix.ts';
export { MISSING } from './encoders.ts';
export { loadAppointmentTable, NO_DAY } from './appointment-table.ts';
export type { AppointmentTable, TextColumn } from './appointment-table.ts';
export { AppointmentRows, appointmentTableFromRows } from './appointment-rows.ts';
export type { Subgroups, SubgroupLabels } from './subgroups.ts';
export { ETHNIC_GROUPS, SEX_GROUPS, MEDIUM_GROUPS, DEPRIVATION_QUINTILES, ethnicGroupIndex, deprivationQuintileIndex } from './nhs-groups.ts';
export { isoDateOfEpochDay, parseIsoMinute } from './time-codes.ts';
