/**
 * The import pipeline's shared shapes. A file goes: reader (bytes → a UTF-8 table DuckDB can read, plus a preview)
 * → layout (which rows are headings, what each column is called) → profile and inference (type, role, scale)
 * → review by the user → commit (typed wave table, rejected rows and flagged values kept).
 */
import type { ColumnModel, LayoutName } from '../contract/index.js';

export type { LayoutName } from '../contract/index.js';

export type SourceKind = 'delimited' | 'xlsx' | 'sav';

/** What a reader hands to the pipeline. */
export interface DecodedTable {
  kind: SourceKind;
  /** The source file as the user chose it. */
  sourcePath: string;
  /**
   * A file DuckDB's read_csv can read with the dialect below, holding every row of the source in order, header rows
   * included, one source row per CSV record. For a UTF-8 delimited source this is the source itself (no copy);
   * otherwise a temporary UTF-8 file written by the reader.
   */
  csvPath: string;
  dialect: CsvDialect;
  /** Detected (or overridden) encoding of the source: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'. */
  encoding: string;
  /** The first rows (up to PREVIEW_ROWS), parsed, for layout detection and the review screen. */
  preview: string[][];
  /** For delimited files: how many fields each preview record really had (preview rows are padded to one width). */
  fieldCounts?: number[];
  /** For spreadsheets: the sheet read and all sheet names. */
  sheet?: string;
  sheets?: string[];
  /** Where a row of csvPath came from, if not record i → source line/row i + 1 (XLSX: sheet row numbers). */
  sourceRowLabel?: 'line' | 'sheet-row';
  /** SPSS: the file's own question model, used instead of inference. */
  described?: DescribedColumnModel[];
  /** SHA-256 of the source, where the reader already read it whole (else the pipeline computes it). */
  sha256?: string;
  /**
   * For a UTF-8 source handed over on the strength of its opening bytes: resolves to its SHA-256 once the whole file
   * is checked, or rejects with SourceNotAsAssumed (then the work is redone with `checkFirst`). Await it before
   * anything read from the file is committed.
   */
  verify?: () => Promise<string>;
  warnings: string[];
  /** Removes any temporary file. Safe to call twice. */
  cleanup(): void;
}

export interface CsvDialect {
  delimiter: string;
  quote: string;
  escape: string;
}

export const PREVIEW_ROWS = 200;

/** One output column, as the layout sees it. */
export interface LayoutColumn {
  /** 0-based index of the column in the source rows. */
  source: number;
  /** Unique, stable, snake_case: the DuckDB column name. */
  name: string;
  /** What a person calls it: question text, with the option or sub-question after a colon where there is one. */
  label: string;
  /** The question text alone (filled forward across SurveyMonkey continuation cells; HTML stripped). */
  question: string;
  /** The option or sub-question of a multi-column question (SurveyMonkey second row, LimeSurvey [subcode]). */
  option?: string;
  /** The code an export gave the column (Qualtrics export tag / ImportId, LimeSurvey code), if any. */
  code?: string;
  /** The heading cells exactly as in the file, joined with " | " where there are several rows. */
  header: string;
}

export interface LayoutResult {
  layout: LayoutName;
  /** Rows before the first data row: preamble plus heading rows. */
  skipRows: number;
  columns: LayoutColumn[];
  warnings: string[];
}

/** Facts about a column's values, computed by the pipeline over every row (not just the preview). */
export interface ColumnProfile {
  name: string;
  label: string;
  rows: number;
  /** Non-blank cells. */
  answered: number;
  distinct: number;
  maxLength: number;
  meanLength: number;
  /** Share of non-blank cells that parse as a number / an ISO or UK date. */
  numericShare: number;
  dateShare: number;
  /** The most frequent non-blank values with their counts, most frequent first (at most 60). */
  top: Array<{ value: string; count: number }>;
}

/** The question model for one column: inferred, then corrected by the user, then saved and reused. */
export type DescribedColumnModel = ColumnModel;

/** The whole file turned out not to be what its opening bytes suggested (not UTF-8, or mixed line endings). */
export class SourceNotAsAssumed extends Error {
  constructor() {
    super('The file is not what its opening bytes suggested; it is read again, checked first.');
  }
}
