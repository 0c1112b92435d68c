/**
 * score.sql: a tree ensemble as plain SQL CASE expressions, portable across
 * SQLite (3.35+ with math functions), PostgreSQL and SQL Server.
 */
import type { TreeEnsemble } from '../engine/index.ts';
import { float32Split } from './sql/float32-split.ts';
import { sqlDouble } from './sql/literals.ts';

/** Where the generated SELECT reads its rows. */
export interface TreesSqlOptions {
  /** Input table (one row per appointment, one column per feature). Default 'score_input'. */
  table?: string;
  /** Column carried through to the output to identify rows. Default 'id'. */
  idColumn?: string;
}

/** SQL Server refuses CASE expressions nested deeper than this. */
export const SQL_SERVER_CASE_NESTING = 10;

/** Double-quoted SQL identifier; embedded double quotes are doubled. */
export function quoteIdent(name: string, what: string): string {
  if (name.length === 0) throw new Error(`${what} is an empty name`);
  if (name.includes('\0')) throw new Error(`${what} "${name}" contains a NUL character`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The exact double value of a float32 as a SQL float literal: exponent
 * notation with the shortest digits that round-trip the double (not the
 * float32), so the SQL holds exactly the engine's value.
 */
export function sqlFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
  return sqlDouble(Math.fround(value));
}

function treeDepth(e: TreeEnsemble, t: number, local: number, depth: number): number {
  const size = e.treeOffsets[t + 1] - e.treeOffsets[t];
  if (local < 0 || local >= size) throw new Error(`tree ${t}: node id ${local} is outside the tree (${size} nodes)`);
  if (depth > size) throw new Error(`tree ${t}: the child links form a cycle`);
  const n = e.treeOffsets[t] + local;
  if (e.splitFeature[n] < 0) return 0;
  return 1 + Math.max(treeDepth(e, t, e.left[n], depth + 1), treeDepth(e, t, e.right[n], depth + 1));
}

/** The conditions of a split's left and right branch on double inputs, NULL taking the default branch. */
function splitTests(e: TreeEnsemble, t: number, local: number, cols: readonly string[]): { left: string; right: string } {
  const n = e.treeOffsets[t] + local;
  const f = e.splitFeature[n];
  if (f >= cols.length) throw new Error(`tree ${t}, node ${local}: split feature ${f} has no column (the model has ${cols.length})`);
  const col = cols[f];
  // The engine compares fround(x) < threshold; the double x needs the float32-rounding-aware bound.
  const { op, bound } = float32Split(e.threshold[n], `tree ${t}, node ${local}`);
  const b = sqlDouble(bound);
  const below = `${col} ${op} ${b}`;
  const above = `${col} ${op === '<' ? '>=' : '>'} ${b}`;
  // A NULL fails every comparison, so it goes to whichever branch names IS NULL.
  return e.defaultLeft[n] === 1 ? { left: `(${col} IS NULL OR ${below})`, right: above } : { left: below, right: `(${col} IS NULL OR ${above})` };
}

/** Leaves under a node with the conditions of their path, left to right. */
function leafPaths(e: TreeEnsemble, t: number, local: number, cols: readonly string[], path: string[], out: { path: string[]; leaf: number }[]): void {
  const n = e.treeOffsets[t] + local;
  if (e.splitFeature[n] < 0) {
    out.push({ path, leaf: e.leafValue[n] });
    return;
  }
  const { left, right } = splitTests(e, t, local, cols);
  leafPaths(e, t, e.left[n], cols, [...path, left], out);
  leafPaths(e, t, e.right[n], cols, [...path, right], out);
}

/** A subtree as one flat CASE over its leaves' paths (no nesting), for depths SQL Server cannot nest. */
function flatSql(e: TreeEnsemble, t: number, local: number, cols: readonly string[], indent: string): string {
  const leaves: { path: string[]; leaf: number }[] = [];
  leafPaths(e, t, local, cols, [], leaves);
  const inner = `${indent}  `;
  const whens = leaves.slice(0, -1).map((l) => `${inner}WHEN ${l.path.join(' AND ')} THEN ${sqlFloat(l.leaf)}`);
  return ['CASE', ...whens, `${inner}ELSE ${sqlFloat(leaves[leaves.length - 1].leaf)}`, `${indent}END`].join('\n');
}

/** A subtree as nested CASE expressions; `level` is this CASE's nesting level (1 for a tree's root). */
function nodeSql(e: TreeEnsemble, t: number, local: number, cols: readonly string[], indent: string, level: number): string {
  const n = e.treeOffsets[t] + local;
  if (e.splitFeature[n] < 0) return sqlFloat(e.leafValue[n]);
  if (level >= SQL_SERVER_CASE_NESTING) return flatSql(e, t, local, cols, indent);
  const inner = `${indent}  `;
  const { left } = splitTests(e, t, local, cols);
  const l = nodeSql(e, t, e.left[n], cols, inner, level + 1);
  const r = nodeSql(e, t, e.right[n], cols, inner, level + 1);
  return `CASE WHEN ${left}\n${inner}THEN ${l}\n${inner}ELSE ${r}\n${indent}END`;
}

/** Checks the model and column expressions every tree SQL writer needs. */
function checkEnsemble(ensemble: TreeEnsemble, columns: readonly string[]): void {
  if (ensemble.objective !== 'binary:logistic') throw new Error(`score.sql needs a binary:logistic model, this one is ${ensemble.objective}`);
  if (columns.length !== ensemble.numFeature) throw new Error(`the model has ${ensemble.numFeature} features but ${columns.length} column names were given`);
}

/** Tree t as one CASE expression over the column expressions (NULL = missing), continuation lines indented by `indent`. */
export function treeSql(ensemble: TreeEnsemble, t: number, columns: readonly string[], indent: string): string {
  checkEnsemble(ensemble, columns);
  treeDepth(ensemble, t, 0, 0);
  return nodeSql(ensemble, t, 0, columns, indent, 1);
}

/**
 * The lines of the margin expression: base margin plus one CASE per tree over
 * the given column expressions (NULL = missing), indented by `indent`. CASE
 * nesting stays within SQL Server's limit: deeper subtrees are written flat.
 */
export function marginSqlLines(ensemble: TreeEnsemble, columns: readonly string[], indent: string): string[] {
  checkEnsemble(ensemble, columns);
  const lines = [`${indent}CAST(${sqlFloat(ensemble.baseMargin)} AS FLOAT) -- base margin`];
  for (let t = 0; t < ensemble.numTrees; t++) lines.push(`${indent}-- tree ${t}`, `${indent}+ ${treeSql(ensemble, t, columns, `${indent}  `)}`);
  return lines;
}

/**
 * A SELECT scoring every row of the input table with the ensemble: output
 * columns id and probability (binary:logistic). Feature columns are named by
 * `columns` (model feature order); a missing value must be NULL. Inputs may
 * be any doubles: each split asks what the engine asks of fround(input).
 */
export function treesSql(ensemble: TreeEnsemble, columns: readonly string[], opts: TreesSqlOptions = {}): string {
  checkEnsemble(ensemble, columns);
  const seen = new Set<string>();
  for (const [i, c] of columns.entries()) {
    if (seen.has(c)) throw new Error(`column ${i} ("${c}") repeats an earlier column name`);
    seen.add(c);
  }
  const cols = columns.map((c, i) => quoteIdent(c, `column ${i}`));
  const table = quoteIdent(opts.table ?? 'score_input', 'table');
  const id = quoteIdent(opts.idColumn ?? 'id', 'id column');
  return [
    `-- DNA risk score: ${ensemble.numTrees} boosted trees (XGBoost, binary:logistic).`,
    `-- Input: table ${table}, one row per appointment: ${id} plus the feature columns`,
    `--   ${cols.join(', ')}`,
    '--   with NULL for a missing value.',
    '-- Output: id, probability of DNA = 1 / (1 + EXP(-margin)), margin = base + sum of tree leaves.',
    '-- A NULL fails every comparison, so it takes the branch whose test says IS NULL.',
    '-- SQLite needs its math functions (EXP), built in since 3.35 with SQLITE_ENABLE_MATH_FUNCTIONS.',
    `SELECT ${id} AS "id", CAST(1 AS FLOAT) / (CAST(1 AS FLOAT) + EXP(-margin)) AS "probability"`,
    'FROM (',
    `  SELECT ${id},`,
    ...marginSqlLines(ensemble, cols, '    '),
    '    AS margin',
    `  FROM ${table}`,
    ') AS scored;',
    '',
  ].join('\n');
}
