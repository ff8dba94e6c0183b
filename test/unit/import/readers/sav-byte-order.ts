/**
 * Rewrites a little-endian SPSS system file as the big-endian file a SPARC or POWER machine would have written:
 * every integer and floating-point field swapped, every text field left alone. Written from the layout in the PSPP
 * manual ("System File Format"), so the reader's big-endian path is checked against a file it did not itself write.
 * Handles uncompressed and bytecode-compressed files (not .zsav).
 */
export function toBigEndian(source: Buffer): Buffer {
  const out = Buffer.from(source);
  let at = 0;
  const int32 = () => {
    const value = source.readInt32LE(at);
    out.writeInt32BE(value, at);
    at += 4;
    return value;
  };
  const swap8 = (offset: number) => out.writeDoubleBE(source.readDoubleLE(offset), offset);
  const text = (n: number) => (at += n);

  text(4 + 60); // $FL2, product
  int32(); // layout code
  int32(); // nominal case size
  const compression = int32();
  int32(); // weight index
  int32(); // case count
  swap8(at); // bias
  text(8 + 9 + 8 + 64 + 3);

  const numeric: boolean[] = []; // per 8-byte element of a case
  for (;;) {
    const type = int32();
    if (type === 2) {
      const width = int32();
      const hasLabel = int32();
      const missing = int32();
      int32(); // print format
      int32(); // write format
      text(8);
      if (hasLabel === 1) {
        const length = int32();
        text(length + ((4 - (length % 4)) % 4));
      }
      for (let i = 0; i < Math.abs(missing); i++, at += 8) if (width === 0) swap8(at);
      numeric.push(width === 0);
    } else if (type === 3) {
      const values: number[] = [];
      const count = int32();
      for (let i = 0; i < count; i++) {
        values.push(at);
        const length = source[at + 8]!;
        text(8 + 1 + length + ((8 - ((length + 1) % 8)) % 8));
      }
      int32(); // record type 4
      const variables: number[] = [];
      for (let n = int32(), i = 0; i < n; i++) variables.push(int32());
      if (numeric[variables[0]! - 1]) for (const offset of values) swap8(offset);
    } else if (type === 6) {
      text(int32() * 80);
    } else if (type === 7) {
      const subtype = int32();
      const size = int32();
      const count = int32();
      const end = at + size * count;
      if (subtype === 21) longStringLabels(end);
      else if (subtype === 22) longStringMissing(end);
      else if (size === 4) while (at < end) int32();
      else if (size === 8) for (; at < end; at += 8) out.writeBigInt64BE(source.readBigInt64LE(at), at);
      at = end;
    } else if (type === 999) {
      int32();
      break;
    } else {
      throw new Error(`record type ${type} at byte ${at - 4}`);
    }
  }

  if (compression === 0) {
    for (let element = 0; at < source.length; at += 8, element = (element + 1) % numeric.length) if (numeric[element]) swap8(at);
  } else if (compression === 1) {
    let element = 0;
    while (at < source.length) {
      const codes = source.subarray(at, at + 8);
      at += 8;
      for (const code of codes) {
        if (code === 0) continue;
        if (code === 252) return out;
        if (code === 253) {
          if (numeric[element]) swap8(at);
          at += 8;
        }
        element = (element + 1) % numeric.length;
      }
    }
  } else {
    throw new Error('only uncompressed and bytecode-compressed files');
  }
  return out;

  function longStringLabels(end: number): void {
    while (at < end) {
      text(int32()); // variable name
      int32(); // width
      for (let n = int32(), i = 0; i < n; i++) {
        text(int32()); // value
        text(int32()); // label
      }
    }
  }

  function longStringMissing(end: number): void {
    while (at < end) {
      text(int32()); // variable name
      const n = source[at]!;
      text(1);
      const length = int32();
      text(n * length);
    }
  }
}
