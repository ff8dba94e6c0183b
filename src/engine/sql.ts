/** Quoting for the few places SQL must name things (tables, columns, enum labels) rather than bind values. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** An inline ENUM type in scale order, e.g. ENUM('Very satisfied', 'Fairly satisfied'). */
export function enumType(labels: readonly string[]): string {
  return `ENUM(${labels.map(quoteLiteral).join(', ')})`;
}

/** A VARCHAR[] literal (an empty one typed, so DuckDB does not guess). */
export function varcharList(values: readonly string[]): string {
  return values.length === 0 ? 'CAST([] AS VARCHAR[])' : `[${values.map(quoteLiteral).join(', ')}]::VARCHAR[]`;
}

/** An INTEGER[] literal of whole numbers (typed even when empty). */
export function integerList(values: readonly number[]): string {
  return `[${values.map((v) => String(Math.trunc(v))).join(', ')}]::INTEGER[]`;
}
