import { HeardError } from '../contract/index.js';
import type { Tx } from '../engine/project-file.js';
import type { RunOptions } from '../engine/run-query.js';
import { quoteIdent } from '../engine/sql.js';
import { findColumn, message, openLookupCsv, type LookupSource } from './lookup-csv.js';
import { canonicalPostcodeSql, compactPostcodeSql } from './postcode.js';

/** Which heading of the file fed each field; absent where the extract had no such column. */
export interface PostcodeDirectoryColumns {
  postcode: string;
  ward?: string;
  wardName?: string;
  lsoa21?: string;
  lsoa11?: string;
  lsoa?: string;
  la?: string;
  laName?: string;
  terminated?: string;
}

export interface PostcodeDirectorySummary {
  source: string;
  encoding: string;
  /** Postcodes now in the directory. */
  rows: number;
  /** Lines whose postcode cell is not a full postcode (blank, partial, malformed): not loaded. */
  skipped: number;
  /** Lines repeating a postcode already seen; the live (or latest terminated) one is kept. */
  duplicates: number;
  terminated: number;
  columns: PostcodeDirectoryColumns;
  /** Fields the extract does not carry, so they will be empty after matching. */
  missing: string[];
}

// Patterns match simplified headings (lower case, punctuation as single spaces), in order of preference.
const PATTERNS = {
  postcode: [/^pcds$/, /^pcd2$/, /^pcd$/, /^pcd[78]$/, /^postcode$/, /^post code$/],
  ward: [/^osward$/, /^wd\d\dcd$/, /^ward ?(code|cd)$/, /^ward$/],
  wardName: [/^wd\d\dnm$/, /^ward ?(name|nm)$/, /^osward ?(name|nm)$/],
  lsoa21: [/^lsoa21(cd)?$/, /^lsoa ?21 ?code$/, /^lsoa ?code ?2021$/],
  lsoa11: [/^lsoa11(cd)?$/, /^lsoa ?11 ?code$/, /^lsoa ?code ?2011$/],
  lsoa: [/^lsoa ?(code|cd)?$/],
  la: [/^oslaua$/, /^laua$/, /^lad\d\dcd$/, /^ladcd$/, /^(la|lad|local authority|local authority district) ?(code|cd)$/],
  laName: [/^lad\d\dnm$/, /^ladnm$/, /^laua ?(name|nm)$/, /^(la|lad|local authority|local authority district) ?(name|nm)$/],
  terminated: [/^doterm$/, /^date ?of ?termination$/, /^termination ?date$/, /^terminated$/],
} as const;

const NEEDED = 'a postcode column (pcds, pcd, pcd2 or postcode) and at least one of ward (osward, wdNNcd), LSOA (lsoa21, lsoa11) or local authority (oslaua, ladNNcd)';

/**
 * Replaces the project's postcode directory with a user-supplied ONSPD extract, inside the caller's transaction.
 * The whole of the file is normalised and keyed in SQL, so the full 2.7-million-row ONSPD loads in seconds.
 */
export async function loadPostcodeDirectory(tx: Tx, csvPath: string, options: RunOptions = {}): Promise<PostcodeDirectorySummary> {
  const source = await openLookupCsv(tx, csvPath, 'postcode directory');
  const columns = detectColumns(source);
  const missing = (['ward', 'lsoa', 'la'] as const).filter((field) =>
    field === 'lsoa' ? !columns.lsoa21 && !columns.lsoa11 && !columns.lsoa : !columns[field],
  );

  const staging = 'locality_onspd_staging';
  try {
    await tx.run(`CREATE OR REPLACE TEMP TABLE ${staging} AS ${stagingSelect(columns, source.sql)}`, undefined, {
      ...options,
      message: `Reading ${source.name}`,
    });
  } catch (err) {
    if (err instanceof HeardError) throw err;
    throw new HeardError('invalid_file', `${source.name} could not be read as a postcode directory.`, { cause: message(err) });
  }

  const [counts] = await tx.read(
    `SELECT count(*) AS lines, count(postcode) AS valid, count(DISTINCT postcode) AS distinct_postcodes FROM ${staging}`,
  );
  const lines = Number(counts!.lines);
  const valid = Number(counts!.valid);
  const distinct = Number(counts!.distinct_postcodes);
  if (distinct === 0) {
    await tx.run(`DROP TABLE ${staging}`);
    throw new HeardError(
      'invalid_file',
      `${source.name} has no postcodes Heard can read in its "${columns.postcode}" column (${lines} rows).`,
    );
  }

  await emptyDirectory(tx);
  // An extract may repeat a postcode (re-used after termination, or cut from several releases): keep the live row.
  // The real ONSPD never does, and sparing it the window saves most of the load time.
  await tx.run(
    `INSERT INTO lookup_postcodes
       (postcode, ward_code, ward_name, lsoa_code, lsoa11_code, lsoa21_code, la_code, la_name, terminated, source)
     SELECT postcode, ward_code, ward_name, coalesce(lsoa21_code, lsoa11_code, lsoa_any), lsoa11_code, lsoa21_code,
            la_code, la_name, terminated, $1
     FROM ${staging}
     WHERE postcode IS NOT NULL
     ${valid > distinct ? 'QUALIFY row_number() OVER (PARTITION BY postcode ORDER BY terminated IS NULL DESC, terminated DESC NULLS LAST) = 1' : ''}`,
    [source.name],
    { ...options, message: 'Indexing postcodes' },
  );
  await tx.run(`DROP TABLE ${staging}`);
  const [loaded] = await tx.read('SELECT count(*) AS rows, count(terminated) AS terminated FROM lookup_postcodes');

  const summary: PostcodeDirectorySummary = {
    source: source.name,
    encoding: source.encoding,
    rows: Number(loaded!.rows),
    skipped: lines - valid,
    duplicates: valid - distinct,
    terminated: Number(loaded!.terminated),
    columns,
    missing,
  };
  await tx.run("INSERT INTO audit_log (action, detail) VALUES ('load_postcode_directory', $1)", [JSON.stringify(summary)]);
  return summary;
}

/**
 * Deleting 2.7 million keyed rows takes DuckDB minutes (every key leaves the index one by one); dropping the table
 * and recreating it from its own catalogue definition takes no time, keeps whatever the latest migration made of it,
 * and is rolled back with everything else if the load fails.
 */
async function emptyDirectory(tx: Tx): Promise<void> {
  const [table] = await tx.read(
    "SELECT sql FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'lookup_postcodes'",
  );
  if (!table) throw new HeardError('invalid_project', 'This project has no postcode directory table; reopen it to bring it up to date.');
  await tx.run('DROP TABLE lookup_postcodes');
  await tx.run(String(table.sql));
}

function detectColumns(source: LookupSource): PostcodeDirectoryColumns {
  const find = (patterns: readonly RegExp[]) => findColumn(source.headers, patterns);
  const postcode = find(PATTERNS.postcode);
  const found = {
    ward: find(PATTERNS.ward),
    wardName: find(PATTERNS.wardName),
    lsoa21: find(PATTERNS.lsoa21),
    lsoa11: find(PATTERNS.lsoa11),
    lsoa: find(PATTERNS.lsoa),
    la: find(PATTERNS.la),
    laName: find(PATTERNS.laName),
    terminated: find(PATTERNS.terminated),
  };
  const anyArea = found.ward ?? found.lsoa21 ?? found.lsoa11 ?? found.lsoa ?? found.la;
  if (!postcode || !anyArea) {
    const lacking = !postcode ? 'no postcode column' : 'no ward, LSOA or local authority column';
    throw new HeardError(
      'invalid_file',
      `${source.name} is not a postcode directory Heard can use: it has ${lacking}. Needed: ${NEEDED}. Found: ${source.headers.join(', ')}.`,
      { found: source.headers },
    );
  }
  const columns: PostcodeDirectoryColumns = { postcode };
  for (const [field, heading] of Object.entries(found)) {
    if (heading) columns[field as keyof typeof found] = heading;
  }
  return columns;
}

function stagingSelect(columns: PostcodeDirectoryColumns, from: string): string {
  const fields = [
    `${code(columns.ward)} AS ward_code`,
    `${text(columns.wardName)} AS ward_name`,
    `${code(columns.lsoa21)} AS lsoa21_code`,
    `${code(columns.lsoa11)} AS lsoa11_code`,
    `${code(columns.lsoa)} AS lsoa_any`,
    `${code(columns.la)} AS la_code`,
    `${text(columns.laName)} AS la_name`,
    `${text(columns.terminated)} AS terminated`,
  ];
  return `SELECT ${canonicalPostcodeSql('c')} AS postcode, * EXCLUDE (c)
    FROM (SELECT ${compactPostcodeSql(quoteIdent(columns.postcode))} AS c, ${fields.join(', ')} FROM ${from})`;
}

function text(heading: string | undefined): string {
  return heading ? `nullif(trim(${quoteIdent(heading)}), '')` : 'CAST(NULL AS VARCHAR)';
}

/** ONSPD fills "no such area" (offshore, Channel Islands) with a pseudo-code such as S99999999; that is no code. */
function code(heading: string | undefined): string {
  if (!heading) return 'CAST(NULL AS VARCHAR)';
  const value = `upper(trim(${quoteIdent(heading)}))`;
  return `CASE WHEN ${value} = '' OR regexp_full_match(${value}, '[A-Z]9{8}') THEN NULL ELSE ${value} END`;
}
