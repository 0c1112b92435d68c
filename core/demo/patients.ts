/**
 * Synthetic patients: identifiers that pass (or deliberately fail) the NHS
 * checks, demographics with plausible shares, and a hidden tendency to miss.
 */
import { isValidNhsNumber, nhsCheckDigit } from '../nhs/nhs-number.ts';
import { EXTRACT_DAY } from './calendar.ts';
import { AGE_BANDS, CATCHMENT_LSOAS, ETHNIC_CATEGORIES, SEX_CODES } from './population.ts';
import { cumulativeWeights, type Rng } from './rng.ts';

/** One synthetic patient. */
export interface DemoPatient {
  nhsNumber: string;
  localNumber: string;
  birthDay: number;
  /** NHS sex code. */
  sex: string;
  ethnicCategory: string;
  lsoa: string;
  imdDecile: number;
  /** Latent DNA log-odds shift. */
  propensity: number;
}

/** Spread of the latent per-patient DNA log-odds. */
export const PROPENSITY_SD = 0.8;

// NHS numbers from the 999 range the NHS reserves for test data, so a synthetic
// number can never be a real person's, through an affine bijection so patients
// never share one. The range holds about 909k valid numbers: enough for the
// largest extract the generator makes.
const NHS_BASE = 999_000_000;
const NHS_SPAN = 1_000_000;
const NHS_MULTIPLIER = 381_357; // odd and not a multiple of 5: coprime with the span
const LOCAL_SPAN = 10_000_000;
const LOCAL_MULTIPLIER = 3_141_593; // coprime with 10^7

const IMD_WEIGHTS = [14, 13, 12, 11, 10, 9, 9, 8, 7, 7];

/** Makes patients one after another from a seeded generator. */
export class PatientFactory {
  private readonly lsoaCodes: string[] = [];
  private readonly lsoaDeciles: number[] = [];
  private readonly nhsOffset: number;
  private readonly localOffset: number;
  private nhsCounter = 0;
  private localCounter = 0;
  private readonly ethnicCum = cumulativeWeights(ETHNIC_CATEGORIES.map((e) => e.weight));
  private readonly sexCum = cumulativeWeights(SEX_CODES.map((s) => s.weight));
  private readonly ageCum = cumulativeWeights(AGE_BANDS.map((a) => a.weight));

  constructor(private readonly rng: Rng) {
    // A catchment of distinct LSOAs, each with one deprivation decile.
    const base = 1 + rng.int(35_000 - CATCHMENT_LSOAS * 9);
    const decileCum = cumulativeWeights(IMD_WEIGHTS);
    for (let i = 0; i < CATCHMENT_LSOAS; i++) {
      this.lsoaCodes.push(`E01${String(base + i * 9 + rng.int(9)).padStart(6, '0')}`);
      this.lsoaDeciles.push(1 + rng.pickCumulative(decileCum));
    }
    this.nhsOffset = rng.int(NHS_SPAN);
    this.localOffset = rng.int(LOCAL_SPAN);
  }

  /** The next patient. */
  next(): DemoPatient {
    const rng = this.rng;
    const band = AGE_BANDS[rng.pickCumulative(this.ageCum)];
    const age = band.from + rng.int(band.to - band.from + 1);
    const lsoa = rng.int(CATCHMENT_LSOAS);
    return {
      nhsNumber: this.nextNhsNumber(),
      localNumber: this.nextLocalNumber(),
      birthDay: EXTRACT_DAY - Math.floor(age * 365.25) - rng.int(365),
      sex: SEX_CODES[rng.pickCumulative(this.sexCum)].code,
      ethnicCategory: ETHNIC_CATEGORIES[rng.pickCumulative(this.ethnicCum)].code,
      lsoa: this.lsoaCodes[lsoa],
      imdDecile: this.lsoaDeciles[lsoa],
      propensity: PROPENSITY_SD * rng.normal(),
    };
  }

  private nextNhsNumber(): string {
    for (;;) {
      const j = this.nhsCounter++;
      if (j >= NHS_SPAN) throw new Error('demo extract too large: the NHS test number range (999) is used up');
      const nine = String(NHS_BASE + ((NHS_MULTIPLIER * j + this.nhsOffset) % NHS_SPAN));
      const check = nhsCheckDigit(nine);
      if (check === null) continue;
      const full = nine + String(check);
      if (isValidNhsNumber(full)) return full;
    }
  }

  private nextLocalNumber(): string {
    const j = this.localCounter++;
    return `RXX${String((LOCAL_MULTIPLIER * j + this.localOffset) % LOCAL_SPAN).padStart(7, '0')}`;
  }
}
