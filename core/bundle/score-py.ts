/**
 * score.py of a bundle: the Python standard-library scorer in templates/score.py
 * with the import's tables inlined as one JSON literal, generated here from the
 * TypeScript the app itself runs, so the two never drift apart by hand.
 */
import { readFileSync } from 'node:fs';
import { AGE_BANDS, OUTCOMES } from '../profile/groups.ts';
import { ETHNIC_BY_LETTER, ETHNIC_NOT_STATED } from '../features/nhs-groups.ts';
import { PIPELINE_FORMAT, PIPELINE_VERSION } from '../features/pipeline.ts';
import { CATEGORY_COLUMNS, FEATURE_SPEC_VERSION, HISTORY_STATS, NUMBER_COLUMNS } from '../features/spec.ts';
import { KEYS, NAME_PATTERN } from '../features/validate-spec.ts';
import { ETHNIC_CODES, ETHNIC_LABELS, FIRST_LABELS, MEDIUM_CODES, MEDIUM_LABELS, PRIORITY_LABELS, SEX } from '../import/codes.ts';
import { BAD_TIME, MONTH_NAMES, MONTHS, NOT_A_DATE, NOT_A_DAY } from '../import/dates.ts';
import { DEFAULT_MAX_REJECTED_SHARE } from '../import/import-extract.ts';
import { DEFAULT_DNA_CODES, FLAG_HEADERS, LABEL_CODES, NO, YES } from '../import/outcome.ts';
import { FIRST_YEAR, LAST_YEAR, MAX_AGE } from '../import/row-converter.ts';
import { HEAD_BYTES, type Delimiter } from '../import/sniff.ts';
import { FIELD_LABELS, FIELD_SYNONYMS } from '../import/synonyms.ts';
import { EXTRACT_FIELDS } from '../import/types.ts';
import { BUNDLE_PIPELINE_FORMAT, BUNDLE_PIPELINE_VERSION } from './bundle-pipeline.ts';

/** Delimiters in the order sniff.ts detectDelimiter prefers them on a tie. */
const DELIMITERS = [',', '\t', '|', ';'] as const satisfies readonly Delimiter[];
// Does not compile if sniff.ts gains a delimiter this list lacks.
const EVERY_DELIMITER: [Exclude<Delimiter, (typeof DELIMITERS)[number]>] extends [never] ? true : false = true;

/** The line of the template the rules replace. */
const RULES_LINE = 'IMPORT_RULES_JSON = "{}"  # @import-rules';

/** The import's and features' tables, as score.py reads them (RULES in the template). */
export function scorePyRules(): Record<string, unknown> {
  return {
    fields: [...EXTRACT_FIELDS],
    synonyms: FIELD_SYNONYMS,
    fieldLabels: FIELD_LABELS,
    sniff: { headBytes: HEAD_BYTES, delimiters: EVERY_DELIMITER && [...DELIMITERS] },
    maxRejectedShare: DEFAULT_MAX_REJECTED_SHARE,
    rows: { firstYear: FIRST_YEAR, lastYear: LAST_YEAR, maxAge: MAX_AGE },
    dates: { months: MONTHS, monthNames: MONTH_NAMES, notADate: NOT_A_DATE.problem, notADay: NOT_A_DAY.problem, badTime: BAD_TIME.problem },
    outcome: {
      outcomes: [...OUTCOMES],
      defaultDnaCodes: [...DEFAULT_DNA_CODES],
      labelCodes: LABEL_CODES,
      flagHeaders: FLAG_HEADERS,
      yes: [...YES],
      no: [...NO],
    },
    codes: {
      sex: SEX,
      ethnicCodes: [...ETHNIC_CODES].join(''),
      ethnicLabels: ETHNIC_LABELS,
      firstLabels: FIRST_LABELS,
      mediumCodes: MEDIUM_CODES,
      mediumLabels: MEDIUM_LABELS,
      priorityLabels: PRIORITY_LABELS,
    },
    features: {
      specVersion: FEATURE_SPEC_VERSION,
      pipelineFormat: PIPELINE_FORMAT,
      pipelineVersion: PIPELINE_VERSION,
      historyStats: [...HISTORY_STATS],
      categoryColumns: [...CATEGORY_COLUMNS],
      numberColumns: [...NUMBER_COLUMNS],
      kindKeys: KEYS,
      namePattern: NAME_PATTERN.source,
      ageBands: AGE_BANDS,
      ethnicByLetter: ETHNIC_BY_LETTER,
      ethnicNotStated: ETHNIC_NOT_STATED,
    },
    bundle: { format: BUNDLE_PIPELINE_FORMAT, version: BUNDLE_PIPELINE_VERSION },
  };
}

/** A Python string literal of `text`, ASCII only (JSON string escapes are valid Python escapes). */
function pythonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The template as shipped in core/bundle/templates/score.py. */
export function scorePyTemplate(): string {
  return readFileSync(new URL('./templates/score.py', import.meta.url), 'utf8');
}

/** The final score.py text: the template with the import rules inlined. */
export function scorePySource(): string {
  const template = scorePyTemplate();
  const at = template.indexOf(RULES_LINE);
  if (at < 0 || template.indexOf(RULES_LINE, at + 1) >= 0) {
    throw new Error(`templates/score.py must hold the line '${RULES_LINE}' exactly once`);
  }
  const line = `IMPORT_RULES_JSON = ${pythonString(JSON.stringify(scorePyRules()))}`;
  return template.slice(0, at) + line + template.slice(at + RULES_LINE.length);
}
