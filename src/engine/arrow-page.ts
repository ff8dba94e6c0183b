import { Bool, Float64, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/**
 * A result as Arrow IPC (stream format) bytes, for the grid. The grid only displays, so types are reduced to
 * what display needs: numbers as Float64, booleans, and everything else (text, categories, dates) as UTF-8.
 * DuckDB's own Arrow export needs an extension download, which a machine without network cannot do.
 * Buffers are built directly: apache-arrow's generic builders were most of a page request's time.
 */
export function readerToArrowIpc(reader: DuckDBResultReader): Uint8Array {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const typeId = types[i]!.typeId;
    const values = columns[i] ?? [];
    if (NUMERIC.has(typeId)) vectors[name] = float64Vector(values);
    else if (typeId === DuckDBTypeId.BOOLEAN) vectors[name] = vectorFromArray(values as Array<boolean | null>, new Bool());
    else vectors[name] = utf8Vector(values);
  });
  return tableToIPC(new Table(vectors), 'stream');
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
