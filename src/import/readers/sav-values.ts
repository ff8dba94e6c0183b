import iconv from 'iconv-lite';
import { readDouble } from './sav-cursor.js';
import { trimPadding, type SavDictionary, type SavVariable } from './sav-dictionary.js';

/** Seconds from the SPSS epoch (1582-10-14, the first day of the Gregorian calendar) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12_219_379_200;
const DATE_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);
const TIME_FORMATS = new Set([21, 25, 40]);

export type ValueKind = 'date' | 'datetime' | 'time' | 'number' | 'string';

export function valueKind(variable: SavVariable): ValueKind {
  if (variable.width > 0) return 'string';
  if (DATE_FORMATS.has(variable.formatType)) return 'date';
  if (DATETIME_FORMATS.has(variable.formatType)) return 'datetime';
  if (TIME_FORMATS.has(variable.formatType)) return 'time';
  return 'number';
}

/** A raw value: a number (null when system-missing) or a string with its padding removed. */
export type RawValue = number | string | null;

/** Reads one variable's raw value out of a case laid out as uncompressed 8-byte elements. */
export function rawValue(variable: SavVariable, kase: Buffer, dictionary: SavDictionary): RawValue {
  if (variable.width === 0) {
    const value = readDouble(kase, variable.segments[0]!.element * 8, dictionary.littleEndian);
    return value === dictionary.sysmis || Number.isNaN(value) ? null : value;
  }
  const segments = variable.segments;
  const bytes =
    segments.length === 1
      ? kase.subarray(segments[0]!.element * 8, segments[0]!.element * 8 + segments[0]!.bytes)
      : Buffer.concat(segments.map((s) => kase.subarray(s.element * 8, s.element * 8 + s.bytes))).subarray(0, variable.width);
  return iconv.decode(trimPadding(bytes), dictionary.encoding);
}

/** How a raw value is written when it has no value label: dates as ISO text, numbers as JavaScript prints them. */
export function formatValue(value: RawValue, kind: ValueKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'number') return String(value);
  if (kind === 'time') return formatDuration(value);
  const ms = Math.round((value - SPSS_EPOCH_OFFSET) * 1000);
  const iso = Number.isFinite(ms) ? new Date(ms).toISOString() : '';
  if (iso.length !== 24) return String(value); // outside years 0–9999: keep the number rather than invent a date
  const fraction = iso.slice(19, 23);
  const time = fraction === '.000' ? iso.slice(11, 19) : iso.slice(11, 23);
  if (kind === 'date' && time === '00:00:00') return iso.slice(0, 10);
  return `${iso.slice(0, 10)}T${time}`;
}

/** TIME and DTIME values are seconds: HH:MM:SS, with days folded into the hours. */
function formatDuration(value: number): string {
  const sign = value < 0 ? '-' : '';
  let rest = Math.round(Math.abs(value));
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  return `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** User-missing per the variable's discrete values and range. System-missing is not user-missing. */
export function isUserMissing(variable: SavVariable, value: RawValue): boolean {
  if (value === null) return false;
  const { values, range } = variable.missing;
  if (typeof value === 'number') {
    if (range && value >= range.low && value <= range.high) return true;
    return values.includes(value);
  }
  return values.some((missing) => typeof missing === 'string' && missing.trimEnd() === value);
}
