import { HeardError, type Discovery, type DiscoverRequest } from '../../contract/index.js';
import type { ProjectFile } from '../../engine/project-file.js';
import { quoteIdent } from '../../engine/sql.js';
import { redactText } from '../redact.js';
import { discoverThemes } from './discover.js';

/** Candidate themes in one free-text question of a wave, with quotes (masked and as written) and response ids. */
export async function discoverQuestion(project: ProjectFile, request: DiscoverRequest, signal?: AbortSignal): Promise<Discovery> {
  const { waveId, question } = request;
  const [wave] = await project.read('SELECT table_name FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  const columns = await project.read('SELECT name, label, type, role FROM questions WHERE wave_id = $1', [waveId]);
  const column = columns.find((c) => c.name === question);
  if (!column) throw new HeardError('not_found', `This wave has no question "${question}".`);
  if (column.type !== 'text') {
    const texts = columns.filter((c) => c.type === 'text').map((c) => String(c.name));
    throw new HeardError('bad_request', `"${question}" is not a free-text question (it is ${String(column.type)}).${texts.length ? ` Free-text questions here: ${texts.join(', ')}.` : ''}`);
  }
  const idColumn = columns.find((c) => c.role === 'respondent_id');
  const idSql = idColumn ? `CAST(${quoteIdent(String(idColumn.name))} AS VARCHAR)` : 'NULL';
  // rowid is the respondent's row number (docs/architecture-notes.md).
  const rows = await project.read(
    `SELECT rowid AS row, ${idSql} AS id, CAST(${quoteIdent(question)} AS VARCHAR) AS text FROM ${quoteIdent(String(wave.table_name))} ORDER BY rowid`,
    [],
    { signal },
  );
  const texts = rows.map((r) => (r.text === null ? '' : String(r.text)));
  signal?.throwIfAborted();
  const found = discoverThemes(texts, { k: request.k, seed: request.seed, quotes: request.quotes });
  const quote = (i: number) => {
    const row = Number(rows[i]!.row);
    const id = rows[i]!.id;
    return { responseId: id === null || id === '' ? String(row + 1) : String(id), row, redacted: redactText(texts[i]!), text: texts[i]! };
  };
  return {
    waveId,
    question,
    label: String(column.label),
    k: found.k,
    seed: found.seed,
    rows: rows.length,
    blank: found.blank.length,
    ungrouped: found.ungrouped.length,
    candidates: found.candidates.map((c) => ({ name: c.name, terms: c.terms, size: c.size, quotes: c.quotes.map(quote) })),
  };
}
