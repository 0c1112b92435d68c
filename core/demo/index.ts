export { writeDemoExtract, type DemoExtractOptions, type DemoExtractSummary } from './write-extract.ts';
export { DEMO_HEADERS, type DemoHeader } from './headers.ts';
export { createRng, cumulativeWeights, type Rng } from './rng.ts';
export { MESS_RATES, type BlankableColumn } from './mess-rates.ts';
export { EXTRACT_DATE_ISO, EXTRACT_DAY, HISTORY_DAYS, UPCOMING_DAYS } from './calendar.ts';
export { DEMO_SPECIALTIES, type DemoSpecialty } from './specialties.ts';
export { ETHNIC_CATEGORIES, SEX_CODES } from './population.ts';
export {
  DNA_INTERCEPT,
  PREVIOUS_DNA_EFFECT,
  LAST_WAS_DNA_EFFECT,
  LEAD_TIME_EFFECT,
  DEPRIVATION_EFFECT,
  NOISE_SD,
  ageEffect,
  hourEffect,
  dnaLogOdds,
  dnaProbability,
  type DnaFactors,
} from './dna-model.ts';
