import iconv from 'iconv-lite';
import { FileCursor, readDouble } from './sav-cursor.js';
import { parseMrSets, type SavMrSet } from './sav-mrsets.js';

export interface SavMissing {
  values: Array<number | string>;
  range?: { low: number; high: number };
}

export interface SavVariable {
  shortName: string;
  name: string;
  label?: string;
  /** 0 for numeric; otherwise the string width in bytes. */
  width: number;
  /** SPSS print format type (5 = F, 20 = DATE, 22 = DATETIME, …). */
  formatType: number;
  /** Where the value sits in a case: 0-based 8-byte element and byte count per segment (very long strings have several). */
  segments: Array<{ element: number; bytes: number }>;
  missing: SavMissing;
  valueLabels: Array<{ value: number | string; label: string }>;
  measure?: 'nominal' | 'ordinal' | 'scale';
}

export interface SavDictionary {
  /** 0 none, 1 bytecode, 2 zlib (.zsav). */
  compression: number;
  bias: number;
  /** -1 when the file does not say. */
  caseCount: number;
  encoding: string;
  littleEndian: boolean;
  elementsPerCase: number;
  variables: SavVariable[];
  mrSets: SavMrSet[];
  weightVariable?: string;
  sysmis: number;
  dataOffset: number;
}

interface RawVariable {
  element: number;
  type: number;
  formatType: number;
  name: Buffer;
  label?: Buffer;
  missingCount: number;
  missing: Buffer[];
}

const CODE_PAGES: Record<number, string> = { 65001: 'utf-8', 1252: 'windows-1252', 28591: 'latin1', 2: 'windows-1252', 20127: 'windows-1252' };

/** Reads the dictionary (everything before the data) of an SPSS .sav or .zsav file. */
export function readSavDictionary(cursor: FileCursor): SavDictionary {
  cursor.position = 0;
  cursor.detectByteOrder();
  cursor.skip(4 + 60 + 4); // magic, product, layout code
  cursor.int32(); // nominal case size: not trusted, counted from the variable records instead
  const compression = cursor.int32();
  const weightIndex = cursor.int32();
  const caseCount = cursor.int32();
  const bias = cursor.float64();
  cursor.skip(9 + 8 + 64 + 3);

  const raws: RawVariable[] = [];
  const labelSets: Array<{ entries: Array<{ value: Buffer; label: Buffer }>; elements: number[] }> = [];
  const extensions = new Map<number, Buffer[]>();
  let element = 0;
  for (;;) {
    const recordType = cursor.int32();
    if (recordType === 2) {
      const raw = readVariableRecord(cursor, element);
      raws.push(raw);
      element++;
    } else if (recordType === 3) {
      const count = cursor.int32();
      const entries: Array<{ value: Buffer; label: Buffer }> = [];
      for (let i = 0; i < count; i++) {
        const value = cursor.bytes(8);
        const length = cursor.bytes(1)[0]!;
        entries.push({ value, label: cursor.bytes(length) });
        cursor.skip((8 - ((length + 1) % 8)) % 8);
      }
      if (cursor.int32() !== 4) throw new Error('a value label record is not followed by its variable list');
      const n = cursor.int32();
      const elements: number[] = [];
      for (let i = 0; i < n; i++) elements.push(cursor.int32() - 1);
      labelSets.push({ entries, elements });
    } else if (recordType === 6) {
      cursor.skip(cursor.int32() * 80);
    } else if (recordType === 7) {
      const subtype = cursor.int32();
      const size = cursor.int32();
      const count = cursor.int32();
      const data = cursor.bytes(size * count);
      extensions.set(subtype, [...(extensions.get(subtype) ?? []), data]);
    } else if (recordType === 999) {
      cursor.int32();
      break;
    } else {
      throw new Error(`an unknown record (type ${recordType}) where the dictionary should be`);
    }
  }

  const little = cursor.littleEndian;
  const encoding = fileEncoding(extensions, little);
  const decode = (raw: Buffer): string => iconv.decode(trimPadding(raw), encoding);
  const floatInfo = extensions.get(4)?.[0];
  const sysmis = floatInfo && floatInfo.length >= 24 ? readDouble(floatInfo, 0, little) : -Number.MAX_VALUE;
  const highest = floatInfo && floatInfo.length >= 24 ? readDouble(floatInfo, 8, little) : Number.MAX_VALUE;
  const lowest = floatInfo && floatInfo.length >= 24 ? readDouble(floatInfo, 16, little) : -Number.MAX_VALUE;

  const primaries = raws.filter((raw) => raw.type >= 0);
  let variables: SavVariable[] = primaries.map((raw) => ({
    shortName: decode(raw.name),
    name: decode(raw.name),
    label: raw.label ? decode(raw.label) : undefined,
    width: raw.type,
    formatType: raw.formatType,
    segments: [{ element: raw.element, bytes: raw.type === 0 ? 8 : raw.type }],
    missing: readMissing(raw, little, decode, lowest, highest),
    valueLabels: [],
  }));
  applyMeasures(variables, extensions.get(11)?.[0], little);
  variables = mergeVeryLongStrings(variables, extensions.get(14)?.[0], decode);
  applyLongNames(variables, extensions.get(13)?.[0], decode);

  const byElement = new Map(variables.map((v) => [v.segments[0]!.element, v]));
  for (const set of labelSets) {
    for (const at of set.elements) {
      const variable = byElement.get(at);
      if (!variable) continue;
      variable.valueLabels = set.entries.map((entry) => ({
        value: variable.width === 0 ? readDouble(entry.value, 0, little) : decode(entry.value),
        label: decode(entry.label),
      }));
    }
  }
  for (const data of extensions.get(21) ?? []) applyLongStringLabels(variables, data, little, decode);
  for (const data of extensions.get(22) ?? []) applyLongStringMissing(variables, data, little, decode);
  const mrSets = [...(extensions.get(7) ?? []), ...(extensions.get(19) ?? [])].flatMap((data) => parseMrSets(data, decode));

  return {
    compression,
    bias,
    caseCount,
    encoding,
    littleEndian: little,
    elementsPerCase: element,
    variables,
    mrSets,
    weightVariable: weightIndex > 0 ? byElement.get(weightIndex - 1)?.name : undefined,
    sysmis,
    dataOffset: cursor.position,
  };
}

function readVariableRecord(cursor: FileCursor, element: number): RawVariable {
  const type = cursor.int32();
  const hasLabel = cursor.int32();
  const missingCount = cursor.int32();
  const print = cursor.int32();
  cursor.int32(); // write format
  const name = cursor.bytes(8);
  let label: Buffer | undefined;
  if (hasLabel === 1) {
    const length = cursor.int32();
    label = cursor.bytes(length);
    cursor.skip((4 - (length % 4)) % 4);
  }
  const missing: Buffer[] = [];
  for (let i = 0; i < Math.abs(missingCount); i++) missing.push(cursor.bytes(8));
  return { element, type, formatType: (print >> 16) & 0xff, name, label, missingCount, missing };
}

function readMissing(raw: RawVariable, little: boolean, decode: (b: Buffer) => string, lowest: number, highest: number): SavMissing {
  if (raw.type !== 0) return { values: raw.missing.map((value) => decode(value)) };
  const numbers = raw.missing.map((value) => readDouble(value, 0, little));
  if (raw.missingCount >= 0) return { values: numbers };
  const low = numbers[0]! <= lowest || numbers[0] === -Number.MAX_VALUE ? -Infinity : numbers[0]!;
  const high = numbers[1]! >= highest ? Infinity : numbers[1]!;
  return { values: numbers.slice(2), range: { low, high } };
}

function fileEncoding(extensions: Map<number, Buffer[]>, little: boolean): string {
  const named = extensions.get(20)?.[0]?.toString('latin1').replace(/\0+$/, '').trim();
  if (named && iconv.encodingExists(named)) return named.toLowerCase();
  const integerInfo = extensions.get(3)?.[0];
  if (integerInfo && integerInfo.length >= 32) {
    const code = little ? integerInfo.readInt32LE(28) : integerInfo.readInt32BE(28);
    const name = CODE_PAGES[code] ?? `cp${code}`;
    if (iconv.encodingExists(name)) return name;
  }
  // Files from before SPSS 16 say nothing: they were written on Windows in the local code page.
  return 'windows-1252';
}

/** Strings are padded with spaces (sometimes NULs) to their width. */
export function trimPadding(raw: Buffer): Buffer {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
  return raw.subarray(0, end);
}

function applyMeasures(variables: SavVariable[], data: Buffer | undefined, little: boolean): void {
  if (!data) return;
  const ints = data.length / 4;
  const per = ints === variables.length * 3 ? 3 : ints === variables.length * 2 ? 2 : 0;
  if (!per) return;
  variables.forEach((variable, i) => {
    const measure = little ? data.readInt32LE(i * per * 4) : data.readInt32BE(i * per * 4);
    variable.measure = measure === 1 ? 'nominal' : measure === 2 ? 'ordinal' : measure === 3 ? 'scale' : undefined;
  });
}

/**
 * A string longer than 255 bytes is stored as several variables ("segments") of up to 255 bytes; the very long
 * string record names the first and gives the true width. The data is packed 255 bytes per segment.
 */
function mergeVeryLongStrings(variables: SavVariable[], data: Buffer | undefined, decode: (b: Buffer) => string): SavVariable[] {
  if (!data) return variables;
  const widths = new Map<string, number>();
  for (const pair of data.toString('latin1').split(/[\0\t]+/)) {
    const [short, width] = pair.split('=');
    if (short && width) widths.set(decode(Buffer.from(short, 'latin1')).toUpperCase(), Number(width));
  }
  const merged: SavVariable[] = [];
  for (let i = 0; i < variables.length; i++) {
    const variable = variables[i]!;
    const width = widths.get(variable.shortName.toUpperCase());
    if (!width || variable.width === 0) {
      merged.push(variable);
      continue;
    }
    const count = Math.floor((width + 251) / 252);
    const parts = variables.slice(i, i + count);
    merged.push({ ...variable, width, segments: parts.map((part) => ({ element: part.segments[0]!.element, bytes: Math.min(255, part.width) })) });
    i += count - 1;
  }
  return merged;
}

function applyLongNames(variables: SavVariable[], data: Buffer | undefined, decode: (b: Buffer) => string): void {
  if (!data) return;
  const names = new Map<string, string>();
  for (const pair of decode(data).split('\t')) {
    const at = pair.indexOf('=');
    if (at > 0) names.set(pair.slice(0, at).toUpperCase(), pair.slice(at + 1));
  }
  for (const variable of variables) variable.name = names.get(variable.shortName.toUpperCase()) ?? variable.name;
}

function applyLongStringLabels(variables: SavVariable[], data: Buffer, little: boolean, decode: (b: Buffer) => string): void {
  const int = (at: number) => (little ? data.readInt32LE(at) : data.readInt32BE(at));
  let at = 0;
  while (at + 4 <= data.length) {
    const nameLength = int(at);
    const name = decode(data.subarray(at + 4, at + 4 + nameLength));
    at += 4 + nameLength + 4; // name, then the variable's width
    const count = int(at);
    at += 4;
    const labels: Array<{ value: string; label: string }> = [];
    for (let i = 0; i < count; i++) {
      const valueLength = int(at);
      const value = decode(data.subarray(at + 4, at + 4 + valueLength));
      at += 4 + valueLength;
      const labelLength = int(at);
      labels.push({ value, label: decode(data.subarray(at + 4, at + 4 + labelLength)) });
      at += 4 + labelLength;
    }
    const variable = variables.find((v) => v.name.toUpperCase() === name.toUpperCase());
    if (variable) variable.valueLabels = labels;
  }
}

function applyLongStringMissing(variables: SavVariable[], data: Buffer, little: boolean, decode: (b: Buffer) => string): void {
  const int = (at: number) => (little ? data.readInt32LE(at) : data.readInt32BE(at));
  let at = 0;
  while (at + 4 <= data.length) {
    const nameLength = int(at);
    const name = decode(data.subarray(at + 4, at + 4 + nameLength));
    at += 4 + nameLength;
    const count = data[at]!;
    at += 1;
    const values: string[] = [];
    for (let i = 0; i < count; i++) {
      const length = int(at);
      values.push(decode(data.subarray(at + 4, at + 4 + length)));
      at += 4 + length;
    }
    const variable = variables.find((v) => v.name.toUpperCase() === name.toUpperCase());
    if (variable) variable.missing = { values };
  }
}
