import fs from 'node:fs';
import path from 'node:path';
import { HeardError } from '../../contract/index.js';
import { cancelled } from '../../engine/run-query.js';
import { PREVIEW_ROWS, type DecodedTable, type DescribedColumnModel } from '../types.js';
import { buildSavColumns } from './sav-columns.js';
import { savCaseBatches } from './sav-cases.js';
import { FileCursor, SavTruncated } from './sav-cursor.js';
import { readSavDictionary, type SavDictionary } from './sav-dictionary.js';
import { CsvFileWriter, createTempFile } from './temp-csv.js';

export interface ReadSavOptions {
  signal?: AbortSignal;
}

/**
 * Reads an SPSS system file (.sav, uncompressed or bytecode-compressed, or .zsav) into a temporary CSV: one heading
 * row of variable names, then one record per case, each cell the value label where there is one, else the value.
 * The file's own question model comes back in `described`, one entry per CSV column, in the same order.
 */
export async function readSav(file: string, options: ReadSavOptions = {}): Promise<DecodedTable> {
  const { signal } = options;
  const name = path.basename(file);
  if (signal?.aborted) throw cancelled();
  const dictionary = readDictionary(file, name);
  const warnings: string[] = [];
  const columns = buildSavColumns(dictionary, warnings);
  if (columns.length === 0) throw new HeardError('invalid_file', `${name} has no variables.`);

  const temp = createTempFile(file);
  const writer = new CsvFileWriter(temp.path);
  const preview: string[][] = [];
  try {
    const header = columns.map((c) => c.header);
    await writer.write(header);
    preview.push(header);
    for await (const batch of savCaseBatches(file, dictionary, signal)) {
      if (signal?.aborted) throw cancelled();
      for (const kase of batch) {
        const cells = columns.map((column) => column.cell(kase));
        await writer.write(cells);
        if (preview.length < PREVIEW_ROWS) preview.push(cells);
      }
    }
    await writer.close();
  } catch (err) {
    writer.destroy();
    temp.remove();
    throw translate(err, name, signal);
  }

  const described = uniqueNames(columns.map((c) => c.finish()));
  if (writer.records === 1) warnings.push(`${name} has variables but no cases.`);
  return {
    kind: 'sav',
    sourcePath: file,
    csvPath: temp.path,
    dialect: { delimiter: ',', quote: '"', escape: '"' },
    encoding: dictionary.encoding,
    preview,
    described,
    warnings,
    cleanup: () => temp.remove(),
  };
}

function readDictionary(file: string, name: string): SavDictionary {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(fd, magic, 0, 4, 0);
    const kind = magic.toString('latin1');
    if (kind !== '$FL2' && kind !== '$FL3') throw new HeardError('invalid_file', `${name} is not an SPSS system file.`);
    const dictionary = readSavDictionary(new FileCursor(fd));
    if (dictionary.compression < 0 || dictionary.compression > 2 || (kind === '$FL3') !== (dictionary.compression === 2)) {
      throw new HeardError('invalid_file', `${name} is a damaged SPSS file: its compression is not one Heard knows.`);
    }
    return dictionary;
  } catch (err) {
    throw translate(err, name);
  } finally {
    fs.closeSync(fd);
  }
}

function translate(err: unknown, name: string, signal?: AbortSignal): unknown {
  if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) return cancelled();
  if (err instanceof HeardError) return err;
  if (err instanceof SavTruncated) return new HeardError('invalid_file', `${name} is not a complete SPSS file (the file seems to be cut short).`);
  const message = err instanceof Error ? err.message : String(err);
  return new HeardError('invalid_file', `${name} is a damaged SPSS file: ${message}.`, { cause: message });
}

/** Column names as the contract wants them: snake_case ASCII, unique, starting with a letter, at most 63 long. */
function uniqueNames(models: DescribedColumnModel[]): DescribedColumnModel[] {
  const used = new Set<string>();
  return models.map((model) => {
    const base = snakeCase(model.name).slice(0, 63).replace(/_+$/, '');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, 63 - String(n).length - 1)}_${n}`;
    used.add(name);
    return { ...model, name };
  });
}

export function snakeCase(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!ascii) return 'column';
  return /^[a-z]/.test(ascii) ? ascii : `v_${ascii}`;
}
