import type { Db, SqlValue, Statement } from '../workspace/index.ts';

/** How a batch of rows is written: its SQL for a row count, and its parameters from the buffered values. */
export interface BatchShape {
  sql(rows: number): string;
  params(values: SqlValue[], rows: number): SqlValue[];
}

/** Batch size and concurrency of a writer. */
export interface WriterOptions {
  batchRows?: number;
  /** Prepared copies of the statement that batches rotate over. */
  copies?: number;
  /** Batches running or held before `pressure` asks the parser to wait. */
  maxInFlight?: number;
}

/**
 * Multi-row INSERTs fed while parsing continues. The sqlite3 package runs a
 * statement on its thread pool but starts a statement's next run only from the
 * main thread, which is busy parsing; so batches rotate over a few prepared copies
 * of the statement, keeping SQLite busy while JavaScript parses. Copies may run in
 * any order, which is harmless for distinct rows; a batch that repeats a key sent
 * earlier is held until everything before it has run (`orderAfterEarlier`).
 */
export class BatchWriter {
  /** Values of rows not yet sent, `width` per row; callers push straight into it. */
  values: SqlValue[] = [];
  private running = 0;
  private held = 0;
  private gate: Promise<void> | null = null;
  private ordered = false;
  private next = 0;
  private finished = false;
  private failure: Error | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly batchValues: number;
  /** Statements of the batches that bring their own SQL, by SQL text; prepared on first use. */
  private readonly bySql = new Map<string, { copies: Promise<Statement>[]; next: number }>();

  private constructor(
    private readonly db: Db,
    private readonly statements: Statement[],
    private readonly shape: BatchShape,
    private readonly width: number,
    private readonly maxInFlight: number,
    batchRows: number,
  ) {
    this.batchValues = width * batchRows;
  }

  /**
   * Prepare a writer for `head VALUES rowSql,rowSql,... suffix`; `rowSql` is one
   * row's tuple with `width` placeholders (it may hold constants).
   */
  static open(db: Db, head: string, rowSql: string, suffix: string, width: number, options: WriterOptions = {}): Promise<BatchWriter> {
    return BatchWriter.openShaped(
      db,
      { sql: (rows) => `${head} VALUES ${Array(rows).fill(rowSql).join(',')} ${suffix}`, params: (values) => values },
      width,
      options,
    );
  }

  /** Prepare a writer whose batches are written by `shape`'s SQL with `shape`'s parameters. */
  static async openShaped(
    db: Db,
    shape: BatchShape,
    width: number,
    { batchRows = 256, copies = 3, maxInFlight = 12 }: WriterOptions = {},
  ): Promise<BatchWriter> {
    const statements: Statement[] = [];
    for (let i = 0; i < copies; i++) statements.push(await db.prepare(shape.sql(batchRows)));
    return new BatchWriter(db, statements, shape, width, maxInFlight, batchRows);
  }

  /** The rows buffered now must land after every batch already sent (they repeat one of its keys). */
  orderAfterEarlier(): void {
    this.ordered = true;
  }

  /** Send a batch when enough rows are buffered; throws a failure of an earlier batch. */
  flushIfFull(): void {
    if (this.failure) throw this.failure;
    if (this.values.length < this.batchValues) return;
    const values = this.values;
    this.values = [];
    this.send(this.shape.params(values, values.length / this.width), undefined);
  }

  /**
   * Send a batch already shaped into the statement's parameters (packed elsewhere),
   * run by the writer's statement or, given `sql`, by a statement of that SQL
   * (prepared on first use and kept until `finish`); `afterEarlier` as
   * `orderAfterEarlier`. Throws a failure of an earlier batch.
   */
  write(params: SqlValue[], afterEarlier: boolean, sql?: string): void {
    if (this.failure) throw this.failure;
    if (afterEarlier) this.ordered = true;
    this.send(params, sql);
  }

  private send(params: SqlValue[], sql: string | undefined): void {
    if (!this.ordered && !this.gate) {
      void this.submit(params, sql);
      return;
    }
    this.ordered = false;
    this.held++;
    const gate = (this.gate ?? Promise.resolve())
      .then(() => this.until(() => this.running === 0))
      .then(() => {
        this.held--;
        return this.submit(params, sql);
      });
    this.gate = gate;
    void gate.finally(() => {
      if (this.gate === gate) this.gate = null;
    });
  }

  private submit(params: SqlValue[], sql: string | undefined): Promise<void> {
    this.running++;
    const run =
      sql === undefined
        ? this.statements[this.next++ % this.statements.length].run(params)
        : this.statementFor(sql).then((statement) => statement.run(params));
    return run.then(
      () => this.settled(null),
      (err: Error) => this.settled(err),
    );
  }

  /** A copy of the statement for `sql`, rotating over as many copies as the writer's own statement has. */
  private statementFor(sql: string): Promise<Statement> {
    let entry = this.bySql.get(sql);
    if (!entry) {
      entry = { copies: [], next: 0 };
      this.bySql.set(sql, entry);
    }
    const slot = entry.next++ % Math.max(1, this.statements.length);
    entry.copies[slot] ??= this.db.prepare(sql);
    return entry.copies[slot];
  }

  private settled(err: Error | null): void {
    this.running--;
    if (err && !this.failure) this.failure = err;
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves once `ready()` holds, checked after every batch ends (rejecting on a failure when `failFast`). */
  private until(ready: () => boolean, failFast = false): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (failFast && this.failure) reject(this.failure);
        else if (ready()) resolve();
        else return;
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** A promise to wait on before parsing more when too many batches are pending, else undefined. */
  pressure(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.running + this.held < this.maxInFlight) return undefined;
    return this.until(() => this.running + this.held <= this.maxInFlight / 2, true);
  }

  /**
   * Wait for every pending batch, then (with `writeRest`) insert the rows still
   * buffered and throw any batch failure; always releases the prepared statements.
   */
  async finish(writeRest: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.until(() => this.running + this.held === 0);
      if (!writeRest) return;
      if (this.failure) throw this.failure;
      const rest = this.values.length / this.width;
      if (rest === 0) return;
      const values = this.values;
      this.values = [];
      const last = await this.db.prepare(this.shape.sql(rest));
      try {
        await last.run(this.shape.params(values, rest));
      } finally {
        await last.finalize();
      }
    } finally {
      for (const s of this.statements) await s.finalize();
      for (const { copies } of this.bySql.values()) {
        for (const copy of copies) await copy.then((s) => s.finalize()).catch(() => undefined);
      }
    }
  }
}
