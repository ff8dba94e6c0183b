import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, DuckDBResultReader, type DuckDBConnection } from '@duckdb/node-api';
import { HeardError } from '../contract/index.js';
import { openError } from './errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations.js';
import { runQuery, type Params, type RunOptions } from './run-query.js';

export const PROJECT_EXTENSION = '.heard';
const APP_MARKER = 'heard';

export type Row = Record<string, unknown>;

/**
 * DuckDB would take 80% of memory by default; a desktop app shares the machine with Excel and a browser.
 * A quarter (at least 1 GB) is plenty: larger work spills to a temporary file beside the project.
 */
function memoryLimit(): string {
  const quarter = os.totalmem() / 4 / 1024 ** 3;
  return `${Math.max(1, Math.floor(quarter))}GB`;
}

/** Statements inside one write transaction. */
export interface Tx {
  run(sql: string, params?: Params, options?: RunOptions): Promise<void>;
  read(sql: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  readonly connection: DuckDBConnection;
}

/**
 * One `.heard` project: a DuckDB database file opened by this process only.
 * Reads run on their own connection so a long query can be interrupted without touching others; writes are
 * serialised and each runs in one transaction, so a failure or a killed process leaves the last committed state.
 */
export class ProjectFile {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private schema: number,
  ) {}

  get schemaVersion(): number {
    return this.schema;
  }

  get name(): string {
    return path.basename(this.path, PROJECT_EXTENSION);
  }

  /** Creates a new, empty project. Refuses to overwrite an existing file. */
  static async create(filePath: string): Promise<ProjectFile> {
    const resolved = path.resolve(filePath);
    if (fs.existsSync(resolved)) throw new HeardError('io', `${resolved} already exists. Choose another name, or open it instead.`);
    if (!fs.existsSync(path.dirname(resolved))) throw new HeardError('io', `The folder ${path.dirname(resolved)} does not exist.`);
    const project = await ProjectFile.connectTo(resolved);
    await project.write(async (tx) => {
      await tx.run('CREATE TABLE heard_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
      await tx.run("INSERT INTO heard_meta VALUES ('app', $1), ('schema_version', '0')", [APP_MARKER]);
    });
    await project.migrate();
    return project;
  }

  /** Opens an existing project and brings its schema up to date. */
  static async open(filePath: string): Promise<ProjectFile> {
    const resolved = path.resolve(filePath);
    // DuckDB would silently create a missing file; a typo must not become an empty project.
    if (!fs.existsSync(resolved)) throw new HeardError('not_found', `There is no project at ${resolved}.`);
    const project = await ProjectFile.connectTo(resolved);
    try {
      await project.checkIsHeardProject();
      await project.migrate();
    } catch (err) {
      await project.close();
      throw err;
    }
    return project;
  }

  private static async connectTo(resolved: string): Promise<ProjectFile> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(resolved, { memory_limit: memoryLimit() });
    } catch (err) {
      throw openError(resolved, err);
    }
    return new ProjectFile(resolved, instance, 0);
  }

  private async checkIsHeardProject(): Promise<void> {
    const rows = await this.read(
      "SELECT value FROM duckdb_tables() t, heard_meta WHERE t.table_name = 'heard_meta' AND key = 'app'",
    ).catch(() => []);
    if (rows[0]?.value !== APP_MARKER) throw new HeardError('invalid_project', `${this.path} is not a Heard project file.`);
    const version = await this.read("SELECT CAST(value AS INTEGER) AS v FROM heard_meta WHERE key = 'schema_version'");
    this.schema = Number(version[0]?.v ?? 0);
    if (this.schema > LATEST_SCHEMA_VERSION) {
      throw new HeardError(
        'invalid_project',
        `${this.path} was saved by a newer version of Heard (schema ${this.schema}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Heard to open it.`,
      );
    }
  }

  /**
   * Runs every migration this project has not had, all in one transaction: the project is either brought fully up to
   * date or left as it was. Applied ones are read from the audit log, not inferred from the schema version alone:
   * version numbers are handed out to work landing in any order, so a project may be at 6 before 5 exists, and 5 must
   * still run when it comes (the numbered migrations touch separate tables).
   */
  private async migrate(): Promise<void> {
    const applied = new Set<number>();
    if (this.schema > 0) {
      for (const r of await this.read("SELECT CAST(detail->>'version' AS INTEGER) AS v FROM audit_log WHERE action = 'migrate'")) applied.add(Number(r.v));
    }
    const pending = migrations.filter((m) => !applied.has(m.version));
    if (pending.length === 0) return;
    const version = Math.max(this.schema, ...pending.map((m) => m.version));
    await this.write(async (tx) => {
      for (const migration of pending) {
        await tx.run(migration.sql);
        await tx.run("INSERT INTO audit_log (action, detail) VALUES ('migrate', $1)", [
          JSON.stringify({ version: migration.version, name: migration.name }),
        ]);
      }
      await tx.run("UPDATE heard_meta SET value = $1 WHERE key = 'schema_version'", [String(version)]);
    });
    this.schema = version;
  }

  /** A read on a fresh connection; rows as plain JS values (BIGINT as bigint). */
  async read(sql: string, params?: Params, options?: RunOptions): Promise<Row[]> {
    const reader = await this.readReader(sql, params, options);
    return reader.getRowObjectsJS() as Row[];
  }

  async readReader(sql: string, params?: Params, options?: RunOptions): Promise<DuckDBResultReader> {
    return this.withConnection(async (connection) => {
      const result = await runQuery(connection, sql, params, options);
      const reader = new DuckDBResultReader(result);
      await reader.readAll();
      return reader;
    });
  }

  /**
   * Runs `work` in one transaction: all of it commits, or (on error, cancellation or crash) none of it does.
   * Writes are queued so two never race on the same rows.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(() =>
      this.withConnection(async (connection) => {
        await connection.run('BEGIN TRANSACTION');
        const tx: Tx = {
          connection,
          run: async (sql, params, options) => {
            await runQuery(connection, sql, params, options);
          },
          read: async (sql, params, options) => {
                  const reader = new DuckDBResultReader(await runQuery(connection, sql, params, options));
            await reader.readAll();
            return reader.getRowObjectsJS() as Row[];
          },
        };
        try {
          const value = await work(tx);
          await connection.run('COMMIT');
          return value;
        } catch (err) {
          await connection.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    );
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  /** Runs `work` in a transaction that is always rolled back: look at what a change would do, change nothing. */
  async dryRun<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const rollback = Symbol('rollback');
    let value: T | undefined;
    try {
      await this.write(async (tx) => {
        value = await work(tx);
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    }
    return value as T;
  }

  async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new HeardError('no_project', 'The project has been closed.');
    const connection = await this.instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Checkpoints (folds the write-ahead log into the file) and releases the file lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeQueue;
    await this.withConnection((c) => c.run('CHECKPOINT')).catch(() => undefined);
    this.closed = true;
    this.instance.closeSync();
  }
}
