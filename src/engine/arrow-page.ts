import { Bool, Dictionary, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/**
 * A column of a page. With `options`, the result carries two columns for it: the answer's 1-based position among the
 * options, and the answer as text only where it is none of them. Such a column becomes an Arrow dictionary column:
 * most cells of a survey are closed answers, and sending them as option numbers spares turning each one into a
 * string and back, which was a third of a page's time.
 */
export interface PageColumn {
  name: string;
  options?: readonly string[];
}

/**
 * A result as Arrow IPC (stream format) bytes, for the grid. The grid only displays, so types are reduced to
 * what display needs: numbers as Float64, booleans, closed answers as a dictionary of their options, and everything
 * else (text, dates) as UTF-8. `columns` says how the result's columns make up the page (by default, one each).
 * DuckDB's own Arrow export needs an extension download, which a machine without network cannot do.
 * Buffers are built directly: apache-arrow's generic builders were most of a page request's time.
 */
export function readerToArrowIpc(reader: DuckDBResultReader, columns?: readonly PageColumn[]): Uint8Array {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const values = reader.getColumnsJS();
  const plain = (i: number): Vector => {
    const typeId = types[i]!.typeId;
    const column = values[i] ?? [];
    if (NUMERIC.has(typeId)) return float64Vector(column);
    if (typeId === DuckDBTypeId.BOOLEAN) return vectorFromArray(column as Array<boolean | null>, new Bool());
    return utf8Vector(column);
  };
  const vectors: Record<string, Vector> = {};
  let at = 0;
  for (const column of columns ?? names.map((name): PageColumn => ({ name }))) {
    if (column.options) {
      vectors[column.name] = dictionaryVector(column.options, values[at] ?? [], values[at + 1] ?? []);
      at += 2;
    } else {
      vectors[column.name] = plain(at);
      at += 1;
    }
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/** Option positions (1-based, null where the answer is none of them) and the answers that are none of them. */
function dictionaryVector(options: readonly string[], positions: readonly unknown[], others: readonly unknown[]): Vector {
  const words = [...options];
  const extra = new Map<string, number>();
  const indices = new Int32Array(positions.length);
  const valid = new Array<true | null>(positions.length).fill(null);
  positions.forEach((p, i) => {
    if (p !== null && p !== undefined) {
      indices[i] = Number(p) - 1;
      valid[i] = true;
      return;
    }
    const other = others[i];
    if (other === null || other === undefined) return;
    const text = String(other);
    let index = extra.get(text);
    if (index === undefined) {
      index = words.push(text) - 1;
      extra.set(text, index);
    }
    indices[i] = index;
    valid[i] = true;
  });
  const { bitmap, nullCount } = nullBitmap(valid);
  const dictionary = utf8Vector(words);
  const type = new Dictionary(new Utf8(), new Int32());
  return makeVector(makeData({ type, length: positions.length, nullCount, nullBitmap: bitmap, data: indices, dictionary }));
}

function nullBitmap(values: readonly unknown[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nullCount };
}

function float64Vector(values: readonly unknown[]): Vector {
  const data = new Float64Array(values.length);
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) data[i] = Number(v);
  });
  const { bitmap, nullCount } = nullBitmap(values);
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap: bitmap, data }));
}

const encoder = new TextEncoder();

function utf8Vector(values: readonly unknown[]): Vector {
  const strings = values.map((v) => (v === null || v === undefined ? '' : displayString(v)));
  let data = new Uint8Array(strings.reduce((n, s) => n + s.length * 3, 0) || 1);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  strings.forEach((s, i) => {
    at += encoder.encodeInto(s, data.subarray(at)).written;
    offsets[i + 1] = at;
  });
  data = data.slice(0, at);
  const { bitmap, nullCount } = nullBitmap(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: bitmap, valueOffsets: offsets, data }));
}

function displayString(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return String(value);
}
