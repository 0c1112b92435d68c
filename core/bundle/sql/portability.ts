/**
 * Checks that generated SQL stays within what SQLite, PostgreSQL and SQL
 * Server all read the same way.
 */
import { SQL_SERVER_CASE_NESTING } from '../sql-trees.ts';

/** The SQL with comments removed and string literals emptied (''), so words in them are not mistaken for code. */
export function sqlCodeOnly(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new Error('SQL: a /* comment is never closed');
      i = end + 2;
      out += ' ';
    } else if (c === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw new Error(`SQL: a string literal opened at offset ${i} is never closed`);
        if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      out += "''";
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The deepest nesting of CASE ... END in the SQL (comments and strings ignored). */
export function caseNestingDepth(sql: string): number {
  let depth = 0;
  let max = 0;
  for (const m of sqlCodeOnly(sql).matchAll(/\b(CASE|END)\b/gi)) {
    depth += m[1].toUpperCase() === 'CASE' ? 1 : -1;
    if (depth < 0) throw new Error('SQL: END without CASE');
    max = Math.max(max, depth);
  }
  if (depth !== 0) throw new Error('SQL: a CASE is never closed with END');
  return max;
}

// Constructs one of the three dialects lacks or reads differently.
const DENIED: readonly [RegExp, string][] = [
  [/\bLIMIT\b/i, 'LIMIT (SQL Server has no LIMIT)'],
  [/\bTOP\b/i, 'TOP (SQL Server only)'],
  [/\bFETCH\b|\bOFFSET\b/i, 'OFFSET/FETCH (not in SQLite)'],
  [/::/, ':: casts (PostgreSQL only)'],
  [/\bILIKE\b/i, 'ILIKE (PostgreSQL only)'],
  [/\b(IFNULL|ISNULL|NVL|IIF|COALESCE|NULLIF)\b/i, 'IFNULL/ISNULL/NVL/IIF/COALESCE/NULLIF (dialect-specific, or CASE in disguise for SQL Server nesting)'],
  [/\b(julianday|strftime|datetime|date_part|DATEDIFF|DATEPART|DATEADD|EXTRACT|GETDATE|NOW)\b/i, 'a dialect date function'],
  [/\b(LN|LOG|LOG10|POWER|POW|SQRT)\b/i, 'LN/LOG/POWER (differ between dialects)'],
  [/\b(SUBSTR|SUBSTRING|LEN|LENGTH|CHARINDEX|INSTR|UPPER|LOWER|CONCAT|TRIM)\b/i, 'a string function that differs between dialects'],
  [/\|\||\+\s*'|'\s*\+/, 'string concatenation (|| or +)'],
  [/\b(TRUE|FALSE)\b/i, 'boolean literals (SQL Server has none)'],
  [/\b(RANGE|ROWS|OVER)\b/i, 'window functions or frames'],
  [/\b(GREATEST|LEAST)\b/i, 'GREATEST/LEAST (SQL Server before 2022 has none)'],
  [/\b(REAL|DOUBLE|NUMERIC|DECIMAL)\b/i, 'a numeric type other than FLOAT and INTEGER (REAL is float32 in SQL Server)'],
  [/["`[\]]/, 'quoted identifiers (SQL Server reads "..." as a string when QUOTED_IDENTIFIER is OFF)'],
  [/!=|==/, '!= or == (use <> and =)'],
  [/\bDIV\b|\bMOD\b/i, 'DIV/MOD'],
];

// The only functions the script may call: all three dialects have them with one meaning.
const ALLOWED_FUNCTIONS = new Set(['CAST', 'EXP', 'SUM', 'MAX', 'LTRIM', 'RTRIM']);
// Keywords that may stand right before an opening parenthesis.
const KEYWORDS = new Set(['AS', 'IN', 'AND', 'OR', 'NOT', 'THEN', 'ELSE', 'WHEN', 'ON', 'FROM', 'JOIN', 'SELECT', 'WITH', 'WHERE']);

/** Problems that would stop the SQL running unchanged on SQLite, PostgreSQL and SQL Server; empty when none. */
export function sqlPortabilityProblems(sql: string): string[] {
  const code = sqlCodeOnly(sql);
  const problems: string[] = [];
  for (const [pattern, what] of DENIED) {
    const m = pattern.exec(code);
    if (m) problems.push(`${what}: "${m[0]}"`);
  }
  for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    const name = m[1].toUpperCase();
    if (!ALLOWED_FUNCTIONS.has(name) && !KEYWORDS.has(name)) problems.push(`function ${m[1]}() is not one of ${[...ALLOWED_FUNCTIONS].join(', ')}`);
  }
  const statements = code.split(';').filter((s) => s.trim() !== '');
  if (statements.length !== 1) problems.push(`expected one statement, found ${statements.length}`);
  const depth = caseNestingDepth(sql);
  if (depth > SQL_SERVER_CASE_NESTING) problems.push(`CASE nested ${depth} deep (SQL Server allows ${SQL_SERVER_CASE_NESTING})`);
  return [...new Set(problems)];
}
