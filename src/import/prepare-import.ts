import path from 'node:path';
import { HeardError, type ColumnModel, type ReadOptions } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import { quoteIdent } from '../engine/sql.js';
import { inferColumn } from './infer/index.js';
import { detectLayout } from './layouts/index.js';
import { profileColumns, PROFILE_SAMPLE_ROWS } from './profile.js';
import { readCsvSql, type ReadCsvOptions } from './read-csv-sql.js';
import { readSource } from './readers/index.js';
import type { DecodedTable, LayoutColumn, LayoutResult } from './types.js';
import type { PlannedColumn } from './write-wave.js';

export interface PreparedImport {
  decoded: DecodedTable;
  layout: LayoutResult;
  csv: Omit<ReadCsvOptions, 'rejects'>;
  columns: PlannedColumn[];
  sample: Array<Array<string | null>>;
}

/**
 * Everything before the write: read the file, find its layout, profile the first rows and settle each column's
 * model (the user's reviewed model, else the survey's saved model, else inference). Runs inside the caller's
 * transaction; its temp tables vanish with it.
 */
export async function prepareImport(
  tx: Tx,
  request: ReadOptions,
  models: { reviewed?: ColumnModel[]; saved?: ColumnModel[] },
  signal?: AbortSignal,
  checkFirst = false,
): Promise<PreparedImport> {
  const decoded = await readSource(request.path, {
    encoding: request.encoding,
    delimiter: request.delimiter,
    sheet: request.sheet,
    checkFirst,
    signal,
  });
  try {
    const layout = decoded.described ? spssLayout(decoded) : detectLayout(decoded.preview, request.layout === 'auto' ? undefined : request.layout);
    const dataRows = decoded.preview.length - layout.skipRows;
    if (layout.columns.length === 0 || decoded.preview.length === 0) {
      throw new HeardError('invalid_file', `${path.basename(request.path)} has no columns Heard can read.`);
    }
    // The usual record width sets the columns: a record with more fields is rejected (and kept, with its line)
    // rather than have its answers shifted; a shorter one is padded with blanks.
    const counts = decoded.fieldCounts ?? decoded.preview.map((r) => r.length);
    const columnCount = usualWidth(counts.slice(layout.skipRows)) ?? counts[Math.max(0, layout.skipRows - 1)] ?? 0;
    layout.columns = layout.columns.filter((c) => c.source < columnCount);
    const ragged = counts.slice(layout.skipRows).some((n) => n < columnCount);
    const csv = { path: decoded.csvPath, dialect: decoded.dialect, columnCount, skipRows: layout.skipRows, padShortRows: ragged };
    if (dataRows <= 0) {
      layout.warnings.push('The file has headings but no responses.');
    }

    const sampleTable = `import_sample_${process.hrtime.bigint()}`;
    await tx.run(`CREATE TEMP TABLE ${quoteIdent(sampleTable)} AS SELECT * FROM ${readCsvSql({ ...csv, lenient: true, serial: true, limit: PROFILE_SAMPLE_ROWS })}`, undefined, { signal });
    const profiles = await profileColumns(tx, sampleTable, layout.columns);
    const firstRows = await tx.read(`SELECT * FROM ${quoteIdent(sampleTable)} LIMIT 20`);
    await tx.run(`DROP TABLE ${quoteIdent(sampleTable)}`);

    const reviewed = new Map((models.reviewed ?? []).map((m) => [m.name, m]));
    const saved = new Map((models.saved ?? []).map((m) => [m.name, m]));
    const described = new Map((decoded.described ?? []).map((m) => [m.name, m]));
    const columns = layout.columns.map((column, i): PlannedColumn => {
      const model = reviewed.get(column.name) ?? saved.get(column.name) ?? described.get(column.name) ?? inferColumn(profiles[i]!, column);
      return { layout: column, model: { ...model, name: column.name } };
    });
    const sample = firstRows.map((row) => layout.columns.map((c) => (row[`c${c.source}`] as string | null) ?? null));
    return { decoded, layout, csv, columns, sample };
  } catch (err) {
    decoded.cleanup();
    throw err;
  }
}

/** The most common record width (the larger on a tie). */
function usualWidth(counts: number[]): number | undefined {
  const tally = new Map<number, number>();
  for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const entry of tally) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best?.[0];
}

/** An SPSS file carries its own model: one heading row of variable names, then the data. */
function spssLayout(decoded: DecodedTable): LayoutResult {
  const columns: LayoutColumn[] = decoded.described!.map((model, source) => ({
    source,
    name: model.name,
    label: model.label,
    question: model.label,
    header: decoded.preview[0]?.[source] ?? model.name,
  }));
  return { layout: 'spss', skipRows: 1, columns, warnings: [] };
}
