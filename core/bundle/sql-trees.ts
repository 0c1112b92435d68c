/**
 * score.sql: a tree ensemble as one plain SQL SELECT of nested CASE
 * expressions, portable across SQLite (3.35+ with math functions),
 * PostgreSQL and SQL Server.
 */
import type { TreeEnsemble } from '../engine/index.ts';

/** Where the generated SELECT reads its rows. */
export interface TreesSqlOptions {
  /** Input table (one row per appointment, one column per feature). Default 'score_input'. */
  table?: string;
  /** Column carried through to the output to identify rows. Default 'id'. */
  idColumn?: string;
}

// SQL Server refuses CASE expressions nested deeper than this.
const SQL_SERVER_CASE_NESTING = 10;

/** Double-quoted SQL identifier; embedded double quotes are doubled. */
export function quoteIdent(name: string, what: string): string {
  if (name.length === 0) throw new Error(`${what} is an empty name`);
  if (name.includes('\0')) throw new Error(`${what} "${name}" contains a NUL character`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The exact double value of a float32 as a SQL float literal. Exponent
 * notation makes PostgreSQL and SQL Server read it as a float, not a decimal;
 * the shortest digits that round-trip the double (not the float32) keep
 * `x < threshold` exact for float32-representable inputs.
 */
export function sqlFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
  const v = Math.fround(value);
  return (Object.is(v, -0) ? 0 : v).toExponential().replace('e', 'E');
}

function treeDepth(e: TreeEnsemble, t: number, local: number, depth: number): number {
  const size = e.treeOffsets[t + 1] - e.treeOffsets[t];
  if (local < 0 || local >= size) throw new Error(`tree ${t}: node id ${local} is outside the tree (${size} nodes)`);
  if (depth > size) throw new Error(`tree ${t}: the child links form a cycle`);
  const n = e.treeOffsets[t] + local;
  if (e.splitFeature[n] < 0) return 0;
  return 1 + Math.max(treeDepth(e, t, e.left[n], depth + 1), treeDepth(e, t, e.right[n], depth + 1));
}

function nodeSql(e: TreeEnsemble, t: number, local: number, cols: readonly string[], indent: string): string {
  const n = e.treeOffsets[t] + local;
  const f = e.splitFeature[n];
  if (f < 0) return sqlFloat(e.leafValue[n]);
  if (f >= cols.length) throw new Error(`tree ${t}, node ${local}: split feature ${f} has no column (the model has ${cols.length})`);
  const inner = `${indent}  `;
  const col = cols[f];
  // A NULL fails `col < t`, so missing values fall to ELSE (right) unless the split sends them left.
  const test = e.defaultLeft[n] === 1 ? `${col} IS NULL OR ${col} < ${sqlFloat(e.threshold[n])}` : `${col} < ${sqlFloat(e.threshold[n])}`;
  const l = nodeSql(e, t, e.left[n], cols, inner);
  const r = nodeSql(e, t, e.right[n], cols, inner);
  return `CASE WHEN ${test}\n${inner}THEN ${l}\n${inner}ELSE ${r}\n${indent}END`;
}

/**
 * A SELECT scoring every row of the input table with the ensemble: output
 * columns id and probability (binary:logistic). Feature columns are named by
 * `columns` (model feature order); a missing value must be NULL. Inputs are
 * compared as given, so they should be float32-representable (as the
 * engine's matrices are) for branch-for-branch parity with predictProbability.
 */
export function treesSql(ensemble: TreeEnsemble, columns: readonly string[], opts: TreesSqlOptions = {}): string {
  if (ensemble.objective !== 'binary:logistic') throw new Error(`score.sql needs a binary:logistic model, this one is ${ensemble.objective}`);
  if (columns.length !== ensemble.numFeature) throw new Error(`the model has ${ensemble.numFeature} features but ${columns.length} column names were given`);
  const seen = new Set<string>();
  for (const [i, c] of columns.entries()) {
    if (seen.has(c)) throw new Error(`column ${i} ("${c}") repeats an earlier column name`);
    seen.add(c);
  }
  const cols = columns.map((c, i) => quoteIdent(c, `column ${i}`));
  const table = quoteIdent(opts.table ?? 'score_input', 'table');
  const id = quoteIdent(opts.idColumn ?? 'id', 'id column');

  let maxDepth = 0;
  const terms: string[] = [];
  for (let t = 0; t < ensemble.numTrees; t++) {
    maxDepth = Math.max(maxDepth, treeDepth(ensemble, t, 0, 0));
    terms.push(`    -- tree ${t}\n    + ${nodeSql(ensemble, t, 0, cols, '      ')}`);
  }

  const header = [
    `-- DNA risk score: ${ensemble.numTrees} boosted trees (XGBoost, binary:logistic).`,
    `-- Input: table ${table}, one row per appointment: ${id} plus the feature columns`,
    `--   ${cols.join(', ')}`,
    '--   with NULL for a missing value.',
    '-- Output: id, probability of DNA = 1 / (1 + EXP(-margin)), margin = base + sum of tree leaves.',
    '-- A NULL fails every comparison, so it takes the ELSE branch unless the split says "IS NULL OR".',
    '-- SQLite needs its math functions (EXP), built in since 3.35 with SQLITE_ENABLE_MATH_FUNCTIONS.',
  ];
  if (maxDepth > SQL_SERVER_CASE_NESTING) {
    header.push(`-- Trees are ${maxDepth} deep: SQL Server nests CASE at most ${SQL_SERVER_CASE_NESTING} deep, so this runs on SQLite and PostgreSQL only.`);
  }
  return [
    ...header,
    `SELECT ${id} AS "id", 1.0 / (1.0 + EXP(-margin)) AS "probability"`,
    'FROM (',
    `  SELECT ${id},`,
    `    ${sqlFloat(ensemble.baseMargin)} -- base margin`,
    ...terms,
    '    AS margin',
    `  FROM ${table}`,
    ') AS scored;',
    '',
  ].join('\n');
}
