import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
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
 */
export function readerToArrowIpc(reader: DuckDBResultReader): Uint8Array {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const typeId = types[i]!.typeId;
    const values = columns[i] ?? [];
    if (NUMERIC.has(typeId)) {
      vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Float64());
    } else if (typeId === DuckDBTypeId.BOOLEAN) {
      vectors[name] = vectorFromArray(values as Array<boolean | null>, new Bool());
    } else {
      vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : displayString(v))), new Utf8());
    }
  });
  return tableToIPC(new Table(vectors), 'stream');
}

function displayString(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return String(value);
}
