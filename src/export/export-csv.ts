import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HeardError } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { quoteIdent, quoteLiteral } from '../engine/sql.js';
import { resolveWeight } from '../weighting/resolve-weight.js';

export interface ExportRequest {
  waveId: number;
  out: string;
  columns?: string[];
}

/**
 * Writes a wave's responses to CSV (UTF-8 with a BOM, so Excel reads accents correctly). Respondents' text is
 * untrusted: a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) and that is not simply a
 * number gets a leading apostrophe, so opening the file never runs anything.
 */
export async function exportWaveCsv(project: ProjectFile, request: ExportRequest): Promise<{ out: string; rows: number; columns: string[] }> {
  const [wave] = await project.read('SELECT table_name, row_count FROM waves WHERE id = $1', [request.waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${request.waveId} in this project.`);
  const known = (await project.read('SELECT name, type FROM questions WHERE wave_id = $1 ORDER BY position', [request.waveId])).map(
    (r) => ({ name: String(r.name), type: String(r.type) }),
  );
  // Weights saved by raking can be asked for by name, as columns.
  const saved = (await project.read('SELECT name FROM weights WHERE wave_id = $1 ORDER BY name', [request.waveId])).map((r) => String(r.name));
  const wanted = request.columns ?? known.map((k) => k.name);
  const unknown = wanted.filter((name) => !known.some((k) => k.name === name) && !saved.includes(name));
  if (unknown.length > 0) {
    const weights = saved.length > 0 ? ` Saved weights: ${saved.join(', ')}.` : '';
    throw new HeardError('bad_request', `There is no column ${unknown.map((u) => `"${u}"`).join(', ')} in this wave. Columns: ${known.map((k) => k.name).join(', ')}.${weights}`);
  }
  const joins: string[] = [];
  const columns: string[] = [];
  for (const name of wanted) {
    if (known.some((k) => k.name === name)) {
      columns.push(`${neutralised(`r.${quoteIdent(name)}`)} AS ${quoteIdent(name)}`);
    } else {
      const weight = await resolveWeight(project, request.waveId, name);
      joins.push(weight.join);
      columns.push(`${weight.expr} AS ${quoteIdent(name)}`);
    }
  }
  const select = columns.join(', ');
  const out = path.resolve(request.out);
  const body = `${out}.body-${process.pid}`;
  try {
    await project.withConnection((c) =>
      c.run(`COPY (SELECT ${select} FROM ${quoteIdent(String(wave.table_name))} r ${joins.join(' ')} ORDER BY r.rowid) TO ${quoteLiteral(body)} (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"')`),
    );
    await pipeline(Readable.from([Buffer.from([0xef, 0xbb, 0xbf])]), fs.createWriteStream(out));
    await pipeline(fs.createReadStream(body), fs.createWriteStream(out, { flags: 'a' }));
  } finally {
    fs.rmSync(body, { force: true });
  }
  return { out, rows: Number(wave.row_count), columns: wanted };
}

function neutralised(column: string): string {
  const text = `CAST(${column} AS VARCHAR)`;
  return `CASE WHEN regexp_matches(${text}, '^[=+\\-@\\t\\r]') AND TRY_CAST(${text} AS DOUBLE) IS NULL THEN '''' || ${text} ELSE ${text} END`;
}
