import { HeardError, type ColumnInfo, type RowPage, type SurveySummary } from '../contract/index.js';
import { readerToArrowIpc, type PageColumn } from '../engine/arrow-page.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';

/** What the project holds: surveys with their waves, each wave's columns, and pages of its responses. */
export async function listSurveys(project: ProjectFile): Promise<SurveySummary[]> {
  const surveys = await project.read('SELECT id, name, kind FROM surveys ORDER BY name');
  const waves = await project.read(`
    SELECT w.id, w.survey_id, w.label, w.year, w.row_count, w.source_file, strftime(w.imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at,
           (SELECT count(*) FROM questions q WHERE q.wave_id = w.id) AS column_count
    FROM waves w ORDER BY w.year NULLS LAST, w.label`);
  return surveys.map((s) => ({
    id: Number(s.id),
    name: String(s.name),
    kind: s.kind === 'consultation' ? 'consultation' : 'survey',
    waves: waves
      .filter((w) => w.survey_id === s.id)
      .map((w) => ({
        id: Number(w.id),
        label: String(w.label),
        year: w.year === null ? null : Number(w.year),
        rowCount: Number(w.row_count),
        columnCount: Number(w.column_count),
        importedAt: String(w.imported_at),
        sourceFile: String(w.source_file),
      })),
  }));
}

export async function waveColumns(project: ProjectFile, waveId: number): Promise<ColumnInfo[]> {
  await waveTable(project, waveId);
  const rows = await project.read(
    'SELECT name, label, type, role, position, options, non_substantive FROM questions WHERE wave_id = $1 ORDER BY position',
    [waveId],
  );
  return rows.map((r) => ({
    name: String(r.name),
    label: String(r.label),
    type: r.type as ColumnInfo['type'],
    role: r.role as ColumnInfo['role'],
    position: Number(r.position),
    options: (r.options as string[]) ?? [],
    nonSubstantive: (r.non_substantive as string[]) ?? [],
  }));
}

/** Rows [offset, offset + limit) in file order, columns in question order, as Arrow. */
export async function wavePage(
  project: ProjectFile,
  waveId: number,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<RowPage> {
  const [wave] = await project.read(
    `SELECT w.table_name, w.row_count, list({'name': q.name, 'type': q.type, 'options': q.options} ORDER BY q.position) AS questions
     FROM waves w JOIN questions q ON q.wave_id = w.id WHERE w.id = $1 GROUP BY ALL`,
    [waveId],
  );
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const table = String(wave.table_name);
  const rowCount = Number(wave.row_count);
  const columns = (wave.questions as Array<{ name: string; type: string; options: string[] | null }>).map(pageColumn);
  // A wave table is written once, in file order, and never deleted from, so its rowid is the row number;
  // DuckDB finds a rowid range without scanning from the start.
  const reader = await project.readReader(
    `SELECT ${columns.map(pageColumnSql).join(', ')} FROM ${quoteIdent(table)} WHERE rowid >= $1 AND rowid < $2 ORDER BY rowid`,
    [offset, offset + limit],
    { signal },
  );
  return { offset, rowCount: reader.currentRowCount, totalRows: rowCount, arrow: readerToArrowIpc(reader, columns) };
}

/** Closed questions with up to this many options are sent as option numbers (see PageColumn). */
const MAX_CODED_OPTIONS = 250;

function pageColumn(q: { name: string; type: string; options: string[] | null }): PageColumn {
  const options = q.options ?? [];
  const closed = q.type === 'single' || q.type === 'likert';
  return closed && options.length > 0 && options.length <= MAX_CODED_OPTIONS ? { name: q.name, options } : { name: q.name };
}

/** A coded column is read as its option's number, and as text only where the answer is none of the options. */
function pageColumnSql(column: PageColumn): string {
  const c = quoteIdent(column.name);
  if (!column.options) return c;
  const position = `list_position([${column.options.map(quoteLiteral).join(', ')}]::VARCHAR[], ${c})`;
  return `${position}::INTEGER, CASE WHEN ${position} IS NULL THEN ${c} END`;
}

async function waveTable(project: ProjectFile, waveId: number): Promise<{ table: string; rowCount: number }> {
  const rows = await project.read('SELECT table_name, row_count FROM waves WHERE id = $1', [waveId]);
  const row = rows[0];
  if (!row) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  return { table: String(row.table_name), rowCount: Number(row.row_count) };
}
