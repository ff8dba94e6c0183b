import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';
import { canonicalPostcodeSql, compactPostcodeSql, postcodeProblemSql } from './postcode.js';

export type LocalityStatus = 'matched' | 'unmatched' | 'terminated' | 'invalid' | 'partial' | 'blank';

export interface UnmatchedPostcode {
  _row: number;
  postcode_raw: string | null;
  status: Exclude<LocalityStatus, 'matched' | 'blank'>;
}

export interface LocalitySummary {
  rows: number;
  matched: number;
  unmatched: number;
  terminated: number;
  invalid: number;
  partial: number;
  blank: number;
  /** Placed respondents (matched or terminated) with no deprivation decile: no index loaded, or its LSOAs differ. */
  withoutDecile: number;
  /**
   * Every respondent whose postcode could not be placed or is out of date, in row order. Blank answers are counted
   * but not listed: there is nothing in them to correct.
   */
  unmatchedList: UnmatchedPostcode[];
}

/** The table holding a wave's locality, one row per respondent. */
export function localityTable(waveId: number): string {
  return `wave_${waveId}_locality`;
}

/**
 * Places every respondent of a wave by postcode, replacing the wave's locality table inside the caller's transaction.
 * Nobody is dropped: a postcode that is blank, malformed, partial or not in the directory keeps its row with a status
 * saying why it has no area. A terminated postcode keeps its areas (that is where the respondent lived) and is flagged.
 */
export async function attachLocality(tx: Tx, waveId: number, postcodeColumn: string, options: RunOptions = {}): Promise<LocalitySummary> {
  const wave = `wave_${waveId}`;
  const column = await findWaveColumn(tx, wave, postcodeColumn);
  const [directory] = await tx.read('SELECT count(*) AS n FROM lookup_postcodes');
  if (Number(directory!.n) === 0) {
    throw new HeardError('not_found', 'There is no postcode directory in this project yet. Load an ONS Postcode Directory extract first.');
  }

  const table = quoteIdent(localityTable(waveId));
  await tx.run(
    `CREATE OR REPLACE TABLE ${table} AS
     WITH given AS (
       -- A wave's rowid is its row number (written once, in file order).
       SELECT rowid AS _row, CAST(${quoteIdent(column)} AS VARCHAR) AS postcode_raw, ${compactPostcodeSql(quoteIdent(column))} AS c
       FROM ${quoteIdent(wave)}
     ), normalised AS (
       SELECT _row, postcode_raw, ${canonicalPostcodeSql('c')} AS postcode, ${postcodeProblemSql('c')} AS problem FROM given
     )
     SELECT n._row, n.postcode_raw, n.postcode, p.ward_code,
            -- The LSOA reported is the one the decile belongs to, so the two always agree.
            CASE WHEN d.lsoa_code IS NULL AND d11.lsoa_code IS NOT NULL THEN p.lsoa11_code ELSE p.lsoa_code END AS lsoa_code,
            p.la_code,
            coalesce(d.decile, d11.decile) AS imd_decile,
            CASE WHEN n.problem IS NOT NULL THEN n.problem
                 WHEN p.postcode IS NULL THEN 'unmatched'
                 WHEN p.terminated IS NOT NULL THEN 'terminated'
                 ELSE 'matched' END AS status
     FROM normalised n
     LEFT JOIN lookup_postcodes p ON p.postcode = n.postcode
     -- An index on 2011 LSOAs still matches a directory that prefers 2021 codes where an LSOA was split or merged.
     LEFT JOIN lookup_deprivation d ON d.lsoa_code = p.lsoa_code
     LEFT JOIN lookup_deprivation d11 ON d11.lsoa_code = p.lsoa11_code
     ORDER BY n._row`,
    undefined,
    { ...options, message: 'Placing respondents by postcode' },
  );

  const [counts] = await tx.read(
    `SELECT count(*) AS rows,
       count(*) FILTER (WHERE status = 'matched') AS matched,
       count(*) FILTER (WHERE status = 'unmatched') AS unmatched,
       count(*) FILTER (WHERE status = 'terminated') AS terminated,
       count(*) FILTER (WHERE status = 'invalid') AS invalid,
       count(*) FILTER (WHERE status = 'partial') AS partial,
       count(*) FILTER (WHERE status = 'blank') AS blank,
       count(*) FILTER (WHERE status IN ('matched', 'terminated') AND imd_decile IS NULL) AS without_decile
     FROM ${table}`,
  );
  const list = await tx.read(`SELECT _row, postcode_raw, status FROM ${table} WHERE status NOT IN ('matched', 'blank') ORDER BY _row`);
  const n = (key: string) => Number(counts![key]);
  const summary: LocalitySummary = {
    rows: n('rows'),
    matched: n('matched'),
    unmatched: n('unmatched'),
    terminated: n('terminated'),
    invalid: n('invalid'),
    partial: n('partial'),
    blank: n('blank'),
    withoutDecile: n('without_decile'),
    unmatchedList: list.map((r) => ({
      _row: Number(r._row),
      postcode_raw: r.postcode_raw === null ? null : String(r.postcode_raw),
      status: r.status as UnmatchedPostcode['status'],
    })),
  };
  const { unmatchedList, ...counted } = summary;
  await tx.run("INSERT INTO audit_log (action, detail) VALUES ('attach_locality', $1)", [
    JSON.stringify({ wave_id: waveId, column, ...counted, listed: unmatchedList.length }),
  ]);
  return summary;
}

/** The wave's column as stored (names match case-insensitively, as DuckDB's do). */
async function findWaveColumn(tx: Tx, wave: string, wanted: string): Promise<string> {
  const columns = await tx.read(
    "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $1 ORDER BY column_index",
    [wave],
  );
  if (columns.length === 0) throw new HeardError('not_found', `There is no wave ${wave.slice('wave_'.length)} in this project.`);
  const names = columns.map((r) => String(r.column_name));
  const found = names.find((name) => name === wanted) ?? names.find((name) => name.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new HeardError('not_found', `Wave ${wave.slice('wave_'.length)} has no column "${wanted}".`, { columns: names });
  }
  return found;
}
