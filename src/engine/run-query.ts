import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBValue } from '@duckdb/node-api';
import { HeardError, type Progress } from '../contract/index.js';
import { isInterrupt } from './errors.js';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** What the progress is about, shown to the user ("Reading responses…"). */
  message?: string;
}

const PROGRESS_INTERVAL_MS = 200;

/**
 * Runs one statement on `connection`, reporting DuckDB's own progress estimate and interrupting the
 * statement when `signal` aborts. An interrupted statement becomes a `cancelled` HeardError.
 */
export async function runQuery(
  connection: DuckDBConnection,
  sql: string,
  params: Params | undefined,
  options: RunOptions = {},
): Promise<DuckDBMaterializedResult> {
  const { signal, onProgress, message } = options;
  if (signal?.aborted) throw cancelled();
  // Progress tracking is per connection and off by default in an embedded DuckDB.
  if (onProgress) await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
  const onAbort = () => connection.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = onProgress
    ? setInterval(() => {
        const { percentage } = connection.progress;
        if (percentage >= 0) onProgress({ done: percentage, total: 100, message });
      }, PROGRESS_INTERVAL_MS)
    : undefined;
  try {
    return await connection.run(sql, params);
  } catch (err) {
    if (signal?.aborted || isInterrupt(err)) throw cancelled();
    throw err;
  } finally {
    if (timer) clearInterval(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export function cancelled(): HeardError {
  return new HeardError('cancelled', 'Cancelled. Nothing was changed.');
}
