import type { Outcome } from './types.ts';
import { headerKey } from './synonyms.ts';

/** HES counts these ATTENDED OR DID NOT ATTEND codes as DNA. */
export const DEFAULT_DNA_CODES: readonly string[] = ['3', '7'];

/** Text labels PAS systems write, reduced to the NHS code they stand for. */
export const LABEL_CODES: Readonly<Record<string, string>> = {
  attended: '5', att: '5', seen: '5', attendedontime: '5', attendedseen: '5', attendedandseen: '5',
  arrivedlate: '6', arrivedlateseen: '6', arrivedlatebutseen: '6', arrivedlateandseen: '6', attendedlate: '6',
  attendedlateseen: '6', lateseen: '6',
  arrivedlatenotseen: '7', arrivedlateandnotseen: '7', arrivedlatebutnotseen: '7', arrivedlatecouldnotbeseen: '7',
  latenotseen: '7', attendedlatenotseen: '7',
  dna: '3', didnotattend: '3', didnotattendwithoutnotice: '3', notattended: '3', noshow: '3', wasnotbrought: '3',
  wnb: '3', failedtoattend: '3', fta: '3',
  patientcancelled: '2', cancelledbypatient: '2', patientcancellation: '2', couldnotattend: '2', cna: '2',
  hospitalcancelled: '4', cancelledbyhospital: '4', hospitalcancellation: '4', providercancelled: '4',
  cancelledbyprovider: '4', cliniccancelled: '4',
  notyetattended: '0', notyethappened: '0', upcoming: '0', booked: '0', future: '0', pending: '0', scheduled: '0',
  notknown: '9', unknown: '9',
};

/** Headers of yes/no flag columns, and what "yes" means in them. */
export const FLAG_HEADERS: Readonly<Record<string, Outcome>> = {
  attended: 'attended', attendedflag: 'attended',
  dna: 'dna', dnaflag: 'dna', didnotattend: 'dna',
};
export const YES = new Set(['y', 'yes', 'true']);
export const NO = new Set(['n', 'no', 'false']);

/** A digits-only code without leading zeros ("05" -> "5", "00" -> "0"), or null when not all digits. */
function numericCode(s: string): string | null {
  if (s.length === 0) return null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    if (c === 48 && start === i && i < s.length - 1) start++;
  }
  return s.slice(start);
}

/** The outcome of an ATTENDED OR DID NOT ATTEND code, or null for a code the standard does not define. */
export function outcomeFromCode(code: string, dnaCodes: ReadonlySet<string>): Outcome | null {
  if (dnaCodes.has(code)) return 'dna';
  switch (code) {
    case '5':
    case '6':
      return 'attended';
    case '2':
      return 'patient_cancelled';
    case '4':
      return 'hospital_cancelled';
    case '0':
      return 'upcoming';
    case '3': // a DNA code the configuration chose not to count
    case '7':
    case '9':
      return 'unknown';
    default:
      return null;
  }
}

/** What shapes the reading of an outcome column. */
export interface OutcomeOptions {
  dnaCodes?: readonly string[];
  /** Extra values (matched trimmed and case-insensitively) that take precedence over the built-in ones. */
  outcomeValues?: Readonly<Record<string, Outcome>>;
  /** The column's header: yes/no values are read by it ("DNA: Yes" is a DNA, "Attended: Yes" is not). */
  header?: string;
}

/**
 * Build the reader for one outcome column: raw cell -> outcome, or null for a value
 * it cannot place. Results are cached per distinct raw value, since a column holds few.
 */
export function makeOutcomeReader(options: OutcomeOptions = {}): (raw: string) => Outcome | null {
  const dnaCodes = new Set((options.dnaCodes ?? DEFAULT_DNA_CODES).map((c) => numericCode(c.trim()) ?? c.trim()));
  const extra = new Map<string, Outcome>();
  for (const [value, outcome] of Object.entries(options.outcomeValues ?? {})) extra.set(value.trim().toLowerCase(), outcome);
  const flagYes = options.header ? FLAG_HEADERS[headerKey(options.header)] : undefined;
  const read = (raw: string): Outcome | null => {
    const t = raw.trim();
    const given = extra.get(t.toLowerCase());
    if (given) return given;
    if (t === '') return 'upcoming';
    const code = numericCode(t) ?? LABEL_CODES[headerKey(t)];
    if (code !== undefined) return outcomeFromCode(code, dnaCodes);
    if (flagYes) {
      const lower = t.toLowerCase();
      if (YES.has(lower)) return flagYes;
      if (NO.has(lower)) return flagYes === 'dna' ? 'attended' : 'dna';
    }
    return null;
  };
  const cache = new Map<string, Outcome | null>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined && !cache.has(raw)) {
      hit = read(raw);
      if (cache.size < 10_000) cache.set(raw, hit);
    }
    return hit as Outcome | null;
  };
}
