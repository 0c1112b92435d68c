/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temp folder, listening
 * only on a unix socket there, driven through the psql command line. Needs the
 * Debian postgresql package (CI installs it); its absence is an error, not a skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running cluster; stop() removes it. */
export interface Postgres {
  /** Runs a SQL script with psql (stopping at the first error) and returns what it printed. */
  run(sql: string): string;
  /** Runs one query and returns its rows as CSV fields (null for NULL or ''), without the header. */
  query(sql: string): (string | null)[][];
  /** Loads CSV text (no header; empty unquoted field = NULL) into a table's columns. */
  copyCsv(table: string, columns: readonly string[], csv: string): void;
  stop(): void;
}

const ROOT = '/usr/lib/postgresql';

/** The bin folder of the newest installed PostgreSQL server, or a clear error. */
function serverBin(): string {
  const versions = existsSync(ROOT) ? readdirSync(ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = join(ROOT, v, 'bin');
    if (['initdb', 'pg_ctl', 'psql'].every((t) => existsSync(join(bin, t)))) return bin;
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl, psql) not found under ${ROOT}/*/bin: install them with "apt-get install -y postgresql" (.ci/run must do so)`,
  );
}

function exec(cmd: string, args: readonly string[], what: string): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${what} failed: ${err.stderr || err.stdout || err.message}`);
  }
}

/** Parses CSV as psql --csv writes it; an empty unquoted field is null (psql writes NULL and '' alike). */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) throw new Error('CSV: a quoted field is never closed');
        if (text[j] === '"' && text[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else s += text[j++];
      }
      value = s;
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Starts a cluster in a new temp folder (run as the postgres user when we are root). */
export function startPostgres(): Postgres {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), 'attend-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root, so the server runs as postgres and owns the folder.
  const prefix = asRoot ? ['-u', 'postgres', '--'] : [];
  const server = (tool: string, args: string[]): string => exec(asRoot ? 'runuser' : join(bin, tool), asRoot ? [...prefix, join(bin, tool), ...args] : args, tool);
  if (asRoot) {
    const uid = Number(exec('id', ['-u', 'postgres'], 'id -u postgres').trim());
    const gid = Number(exec('id', ['-g', 'postgres'], 'id -g postgres').trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  server('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  server('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-c listen_addresses='' -k ${dir} -c fsync=off`, 'start']);
  let stopped = false;
  let scripts = 0;

  const run = (sql: string, csv = false): string => {
    const file = join(dir, `script-${scripts++}.sql`);
    writeFileSync(file, sql);
    const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'postgres', '-d', 'postgres', ...(csv ? ['--csv'] : []), '-f', file];
    return exec(join(bin, 'psql'), args, `psql ${file}`);
  };
  return {
    run: (sql) => run(sql),
    query: (sql) => parseCsv(run(sql, true)).slice(1),
    copyCsv(table, columns, csvText) {
      const file = join(dir, `data-${scripts++}.csv`);
      writeFileSync(file, csvText);
      run(`\\copy ${table} (${columns.join(', ')}) FROM '${file}' WITH (FORMAT csv)\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
