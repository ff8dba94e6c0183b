import { DataType, type Vector } from 'apache-arrow';

export interface ValueWords {
  yes: string;
  no: string;
}

/**
 * One Arrow value as the text a person reads. Exact, never rounded: officers compare these with the source file.
 * Dates are ISO (yyyy-mm-dd) so they read the same in every locale; an empty string means no answer.
 */
export function formatValue(value: unknown, type: DataType, words: ValueWords): string {
  if (value === null || value === undefined) return '';
  if (DataType.isDictionary(type)) return formatValue(value, type.dictionary, words);
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type) && typeof value === 'number') {
    // Survey timestamps are wall-clock times without a zone; UTC formatting shows them as stored.
    return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
  }
  if (DataType.isDecimal(type)) return withScale(String(value), type.scale);
  if (DataType.isList(type) && isVector(value)) {
    const child = type.children[0]?.type;
    return Array.from(value, (item: unknown) => (child ? formatValue(item, child, words) : String(item)))
      .filter((text) => text !== '')
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** "-12345", scale 2 → "-123.45". */
export function withScale(digits: string, scale: number): string {
  if (scale <= 0) return digits;
  const negative = digits.startsWith('-');
  const bare = (negative ? digits.slice(1) : digits).padStart(scale + 1, '0');
  const text = `${bare.slice(0, -scale)}.${bare.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

function isVector(value: unknown): value is Vector {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}
