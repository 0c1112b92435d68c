/** What the model card and the bundle README are written from. */
import type { RunRecord } from '../journal/index.ts';
import { DEFAULT_DNA_CODES } from '../import/outcome.ts';
import { cardFacts, type CardFacts } from './card-facts.ts';

/** The bundle, its run and a summary of the training data (no patient-level data). */
export interface ModelCardInput {
  bundle: {
    name: string;
    version: string;
    created: string;
    appVersion: string;
    engineVersion: string;
    /** Fingerprint of the Ed25519 key that signed the manifest; null when unsigned. */
    signerFingerprint: string | null;
    /** ATTENDED OR DID NOT ATTEND codes counted as DNA (pipeline.json outcome.dnaCodes); default 3 and 7. */
    dnaCodes?: readonly string[];
  };
  run: RunRecord;
  /** The training dataset's summary (no patient-level data): name, appointments, first and last appointment date. */
  dataset: { name: string; appointments: number; from: string | null; to: string | null };
}

/** The input with the run's figures checked and typed. */
export interface CardContext {
  input: ModelCardInput;
  facts: CardFacts;
  dnaCodes: readonly string[];
}

/** Check the input's run and gather what every section reads. */
export function cardContext(input: ModelCardInput): CardContext {
  const dnaCodes = input.bundle.dnaCodes ?? DEFAULT_DNA_CODES;
  if (dnaCodes.length === 0) throw new Error('bundle.dnaCodes: must list at least one code');
  if (!Number.isInteger(input.dataset.appointments) || input.dataset.appointments < 0) {
    throw new Error(`dataset.appointments must be a whole number >= 0, got ${input.dataset.appointments}`);
  }
  return { input, facts: cardFacts(input.run), dnaCodes };
}
