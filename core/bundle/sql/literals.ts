/**
 * SQL literals that read the same in SQLite, PostgreSQL and SQL Server, and
 * shared comment text of score.sql.
 */

// PostgreSQL and SQLite copy a plain subquery's expressions into every place
// that uses them (and PostgreSQL's JIT then compiles every copy): a feature
// tested by a thousand tree splits would be computed a thousand times. A GROUP
// BY stops that in all three dialects, so the stages whose results are used
// many times group by the unique appointment_id and take MAX of its one value.
/** The comment on each such grouped stage. */
export const GROUPED_STAGE_NOTE = '-- one row per appointment: GROUP BY + MAX computes each value once (see the header)';

/**
 * A double as a SQL number in exponent notation with the shortest digits that
 * round-trip it: SQL Server reads exponent notation as FLOAT, PostgreSQL as an
 * exact NUMERIC that converts to the same double, SQLite as REAL.
 */
export function sqlDouble(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
  return (Object.is(value, -0) ? 0 : value).toExponential().replace('e', 'E');
}

/** A double for arithmetic: CAST(... AS FLOAT), so no dialect computes it as a decimal. */
export function sqlFloatValue(value: number): string {
  return `CAST(${sqlDouble(value)} AS FLOAT)`;
}

/** A single-quoted SQL string; embedded quotes are doubled. */
export function sqlString(value: string, what: string): string {
  if (value.includes('\0')) throw new Error(`${what} "${value}" contains a NUL character`);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Text safe inside a `--` comment: line breaks and other control characters become spaces. */
export function commentText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
