import fs from 'node:fs';
import path from 'node:path';
import {
  HeardError,
  type ColumnModel,
  type ImportOutcome,
  type ImportPlan,
  type ImportRequest,
  type Progress,
  type ReadOptions,
} from '../contract/index.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import { cancelled } from '../engine/run-query.js';
import { sha256File } from './checksum.js';
import { prepareImport } from './prepare-import.js';
import { isMixedLineBreakError } from './readers/line-endings.js';
import { recordQuestion } from './record-question.js';
import { writeWave } from './write-wave.js';

export interface ImportContext {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What the file holds and how Heard would read it, without changing the project. */
export function planImport(project: ProjectFile, request: ReadOptions & { surveyId?: number }, ctx: ImportContext = {}): Promise<ImportPlan> {
  return withRecheck(request.path, (checkFirst) => planOnce(project, request, ctx, checkFirst));
}

/**
 * Imports a file as a new wave in one transaction: a failure or cancellation leaves the project exactly as it was.
 * Every data record ends up as a row or as a rejected record (with its line); values that do not fit their column
 * are kept in flagged_values.
 */
export function importFile(project: ProjectFile, request: ImportRequest, ctx: ImportContext = {}): Promise<ImportOutcome> {
  return withRecheck(request.path, (checkFirst) => importOnce(project, request, ctx, checkFirst));
}

/**
 * A UTF-8 file goes to DuckDB as it is while the rest of it is checked (encoding, line endings) alongside. If the
 * check finds the file is not what its opening bytes said, or DuckDB fails on it, the attempt has rolled back and
 * the work runs once more with the whole file checked (and copied if need be) first. Rare, and cheaper than
 * checking every file before reading it.
 */
async function withRecheck<T>(file: string, attempt: (checkFirst: boolean) => Promise<T>): Promise<T> {
  try {
    return await attempt(false);
  } catch (err) {
    // A HeardError is a verdict (cancelled, a duplicate, a bad file): reading again would not change it.
    if (err instanceof HeardError) throw err;
  }
  try {
    return await attempt(true);
  } catch (err) {
    if (!isMixedLineBreakError(err)) throw err;
    throw new HeardError('invalid_file', `${path.basename(file)} could not be read as a CSV file: its records are not laid out consistently.`);
  }
}

function planOnce(project: ProjectFile, request: ReadOptions & { surveyId?: number }, ctx: ImportContext, checkFirst: boolean): Promise<ImportPlan> {
  return project.dryRun(async (tx) => {
    ctx.onProgress?.({ done: 0, total: 100, message: 'Reading the file' });
    const saved = request.surveyId ? await savedModel(tx, request.surveyId) : undefined;
    const prepared = await prepareImport(tx, request, { saved }, ctx.signal, checkFirst);
    try {
      const { decoded, layout, columns, sample } = prepared;
      return {
        fileName: path.basename(request.path),
        kind: decoded.kind,
        layout: layout.layout,
        encoding: decoded.encoding,
        delimiter: decoded.kind === 'delimited' ? decoded.dialect.delimiter : null,
        sheet: decoded.sheet ?? null,
        sheets: decoded.sheets ?? [],
        columns: columns.map((c) => ({ ...c.model, header: c.layout.header, question: c.layout.question, option: c.layout.option, code: c.layout.code })),
        sample,
        warnings: [...decoded.warnings, ...layout.warnings],
        duplicateOf: await findDuplicate(tx, await checksumOf(prepared.decoded)),
        suggestedSurveyName: suggestedName(request.path),
      };
    } finally {
      prepared.decoded.cleanup();
    }
  });
}

function importOnce(project: ProjectFile, request: ImportRequest, ctx: ImportContext, checkFirst: boolean): Promise<ImportOutcome> {
  const report = (done: number, message: string) => ctx.onProgress?.({ done, total: 100, message });
  return project.write(async (tx) => {
    report(0, 'Reading the file');
    const survey = await resolveSurvey(tx, request);
    const saved = survey.id ? await savedModel(tx, survey.id) : undefined;
    const prepared = await prepareImport(tx, request, { reviewed: request.model, saved }, ctx.signal, checkFirst);
    try {
      // A file checked while it is read has its checksum only at the end; others are refused before the work.
      const early = prepared.decoded.verify ? null : await checksumOf(prepared.decoded);
      if (early) await refuseDuplicate(tx, early, request);
      if (ctx.signal?.aborted) throw cancelled();
      const surveyId = survey.id ?? (await createSurvey(tx, survey.name, request.kind ?? 'survey'));
      const waveLabel = request.waveLabel ?? (request.year ? String(request.year) : await nextWaveLabel(tx, surveyId));
      const [clash] = await tx.read('SELECT 1 FROM waves WHERE survey_id = $1 AND label = $2', [surveyId, waveLabel]);
      if (clash) throw new HeardError('bad_request', `${survey.name} already has a wave called "${waveLabel}". Choose another label.`);
      const [wave] = await tx.read("SELECT nextval('wave_id_seq')::INTEGER AS id");
      const waveId = Number(wave!.id);

      report(10, 'Reading responses');
      const written = await writeWave(tx, waveId, prepared.csv, prepared.columns, {
        signal: ctx.signal,
        onProgress: (p) => report(10 + Math.round(p.done * 0.8), 'Reading responses'),
      });
      const sha = early ?? (await checksumOf(prepared.decoded));
      if (!early) await refuseDuplicate(tx, sha, request);
      report(92, 'Saving the question model');
      await recordWave(tx, { surveyId, waveId, waveLabel, year: request.year ?? null, request, prepared, written, sha: sha ?? '' });
      report(100, 'Done');
      return {
        surveyId,
        surveyName: survey.name,
        waveId,
        waveLabel,
        rows: written.rows,
        rejected: written.rejected,
        flagged: written.flagged,
        layout: prepared.layout.layout,
        encoding: prepared.decoded.encoding,
        columns: written.models,
        warnings: [...prepared.decoded.warnings, ...prepared.layout.warnings],
      };
    } finally {
      prepared.decoded.cleanup();
    }
  });
}

async function recordWave(
  tx: Tx,
  w: {
    surveyId: number;
    waveId: number;
    waveLabel: string;
    year: number | null;
    request: ImportRequest;
    prepared: Awaited<ReturnType<typeof prepareImport>>;
    written: Awaited<ReturnType<typeof writeWave>>;
    sha: string;
  },
): Promise<void> {
  const { prepared, written } = w;
  const fileName = path.basename(w.request.path);
  await tx.run(
    'INSERT INTO waves (id, survey_id, label, year, table_name, source_file, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [w.waveId, w.surveyId, w.waveLabel, w.year, `wave_${w.waveId}`, fileName, w.written.rows],
  );
  for (const [position, model] of written.models.entries()) {
    await recordQuestion(tx, w.waveId, position, model, prepared.columns[position]!.layout.header);
  }
  const { size } = fs.statSync(w.request.path);
  await tx.run(
    `INSERT INTO imports (wave_id, source_path, sha256, bytes, kind, layout, encoding, sheet, data_rows, rejected_rows, warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      w.waveId, path.resolve(w.request.path), w.sha, size, prepared.decoded.kind, prepared.layout.layout, prepared.decoded.encoding,
      prepared.decoded.sheet ?? null, written.rows + written.rejected, written.rejected,
      JSON.stringify([...prepared.decoded.warnings, ...prepared.layout.warnings]),
    ],
  );
  await tx.run(
    'INSERT OR REPLACE INTO survey_models (survey_id, model, updated_at) VALUES ($1, $2, current_timestamp)',
    [w.surveyId, JSON.stringify(written.models)],
  );
  await tx.run("INSERT INTO audit_log (action, detail) VALUES ('import', $1)", [
    JSON.stringify({ waveId: w.waveId, file: fileName, rows: written.rows, rejected: written.rejected, flagged: written.flagged }),
  ]);
}

async function resolveSurvey(tx: Tx, request: ImportRequest): Promise<{ id: number | null; name: string }> {
  if (request.surveyId !== undefined) {
    const [row] = await tx.read('SELECT id, name FROM surveys WHERE id = $1', [request.surveyId]);
    if (!row) throw new HeardError('not_found', `There is no survey ${request.surveyId} in this project.`);
    return { id: Number(row.id), name: String(row.name) };
  }
  const name = request.surveyName ?? suggestedName(request.path);
  const [row] = await tx.read('SELECT id FROM surveys WHERE name = $1', [name]);
  return { id: row ? Number(row.id) : null, name };
}

async function createSurvey(tx: Tx, name: string, kind: string): Promise<number> {
  const [row] = await tx.read('INSERT INTO surveys (name, kind) VALUES ($1, $2) RETURNING id', [name, kind]);
  return Number(row!.id);
}

async function nextWaveLabel(tx: Tx, surveyId: number): Promise<string> {
  const [row] = await tx.read('SELECT count(*)::INTEGER AS n FROM waves WHERE survey_id = $1', [surveyId]);
  return `Wave ${Number(row!.n) + 1}`;
}

async function savedModel(tx: Tx, surveyId: number): Promise<ColumnModel[] | undefined> {
  const [row] = await tx.read('SELECT model::VARCHAR AS model FROM survey_models WHERE survey_id = $1', [surveyId]);
  return row ? (JSON.parse(String(row.model)) as ColumnModel[]) : undefined;
}

async function findDuplicate(tx: Tx, sha: string | null): Promise<{ surveyName: string; waveLabel: string; importedAt: string } | null> {
  if (!sha) return null;
  const [row] = await tx.read(
    `SELECT s.name, w.label, strftime(w.imported_at, '%Y-%m-%dT%H:%M:%S') AS at
     FROM imports i JOIN waves w ON w.id = i.wave_id JOIN surveys s ON s.id = w.survey_id WHERE i.sha256 = $1 LIMIT 1`,
    [sha],
  );
  return row ? { surveyName: String(row.name), waveLabel: String(row.label), importedAt: String(row.at) } : null;
}

async function refuseDuplicate(tx: Tx, sha: string | null, request: ImportRequest): Promise<void> {
  const duplicate = await findDuplicate(tx, sha);
  if (duplicate && !request.allowDuplicate) {
    throw new HeardError(
      'duplicate_import',
      `${path.basename(request.path)} was imported before, as ${duplicate.surveyName} (${duplicate.waveLabel}). Import it again only if that was a mistake you are correcting.`,
      duplicate,
    );
  }
}

/**
 * The reader's checksum: from its background check (which also confirms the file is as assumed), from a pass it
 * already made, or else one more pass (small XLSX and SPSS files).
 */
function checksumOf(decoded: { sourcePath: string; sha256?: string; verify?: () => Promise<string> }): Promise<string | null> {
  if (decoded.verify) return decoded.verify();
  return decoded.sha256 ? Promise.resolve(decoded.sha256) : sha256File(decoded.sourcePath).catch(() => null);
}

export function suggestedName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Imported survey';
}
