/**
 * score.mjs, the bundle's command-line scorer:
 *   node score.mjs --data EXTRACT.csv --out SCORES.csv [--mapping MAPPING.json] [--bundle DIR]
 * It reads model.json and pipeline.json from its own folder (or DIR), scores
 * every appointment of the extract exactly as the app does, and writes
 * appointment_id,outcome,probability. score-mjs.ts bundles this file and
 * everything it imports into one ES module that needs nothing but Node.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeIssue } from '../../import/issue-log.ts';
import type { MappingFile } from '../../import/types.ts';
import { readScoringBundle, scoreExtract, type ExtractScores } from '../score-extract.ts';
import { scoresCsv } from '../scores-csv.ts';

const USAGE = 'usage: node score.mjs --data EXTRACT.csv --out SCORES.csv [--mapping MAPPING.json] [--bundle DIR]';

/** A problem with how the script was called or with what it was given: exit code 2. */
class InputError extends Error {}

function options(argv: string[]): { data: string; out: string; mapping: string | undefined; bundle: string | undefined } | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, out: { type: 'string' }, mapping: { type: 'string' }, bundle: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new InputError(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help === true) return 'help';
  const text = (name: string): string | undefined => {
    const value = v[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new InputError(`--${name} needs a value\n${USAGE}`);
    return value;
  };
  const data = text('data');
  const out = text('out');
  if (data === undefined || out === undefined) throw new InputError(`--data and --out are required\n${USAGE}`);
  return { data, out, mapping: text('mapping'), bundle: text('bundle') };
}

async function readMapping(file: string): Promise<MappingFile> {
  let value: unknown;
  try {
    value = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`--mapping ${file}: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`--mapping ${file}: must hold a JSON object`);
  return value as MappingFile;
}

async function main(argv: string[]): Promise<number> {
  const args = options(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = args.bundle ?? dirname(fileURLToPath(import.meta.url));
  const bundle = await readScoringBundle(dir);
  const mapping = args.mapping === undefined ? undefined : await readMapping(args.mapping);
  const scores = await scoreExtract(args.data, bundle, { mapping });
  await writeFile(args.out, scoresCsv(scores));
  for (const issue of scores.issues) process.stderr.write(`${issue.severity} ${describeIssue(issue)}\n`);
  if (scores.issueCount > scores.issues.length) process.stderr.write(`... and ${scores.issueCount - scores.issues.length} more issues\n`);
  const duplicates = scores.rowsSuperseded > 0 ? `, ${scores.rowsSuperseded} replaced by a later row with the same appointment id` : '';
  process.stdout.write(
    `${scores.rowsRead} rows read, ${scores.rowsScored} scored, ${scores.rowsRejected} rejected${duplicates}; scores written to ${args.out}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`score.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
    // Plain errors are the scorer's refusals of the call or of the files given; anything else is a bug.
    process.exitCode = err instanceof InputError || (err instanceof Error && err.constructor === Error) ? 2 : 1;
  },
);
