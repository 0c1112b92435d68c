export { profileDataset } from './profile-dataset.ts';
export { listDatasets } from './list-datasets.ts';
export { formatProfile } from './format-profile.ts';
export { suppress, publishedDnaRate, SUPPRESSION_THRESHOLD } from './suppress.ts';
export { AGE_BANDS, DEPRIVATION_DECILES, OUTCOMES, UNKNOWN, WEEKDAYS } from './groups.ts';
export type { DatasetProfile, DatasetSummary, MissingnessRow, RateRow, SuppressedCount } from './types.ts';
