import fs from 'node:fs';

/** Thrown when a system file ends in the middle of a record. */
export class SavTruncated extends Error {
  constructor() {
    super('the file ends in the middle of a record');
  }
}

const WINDOW = 1 << 16;

/**
 * Sequential reads from an open file for the dictionary part of a system file, which is small and read once. The
 * byte order is the file's own, found from its layout code.
 */
export class FileCursor {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  position = 0;
  littleEndian = true;

  constructor(private readonly fd: number) {}

  private ensure(length: number): number {
    const offset = this.position - this.bufferStart;
    if (offset >= 0 && offset + length <= this.buffer.length) return offset;
    const size = Math.max(WINDOW, length);
    const buffer = Buffer.alloc(size);
    const read = fs.readSync(this.fd, buffer, 0, size, this.position);
    if (read < length) throw new SavTruncated();
    this.buffer = buffer.subarray(0, read);
    this.bufferStart = this.position;
    return 0;
  }

  bytes(length: number): Buffer {
    const offset = this.ensure(length);
    this.position += length;
    return Buffer.from(this.buffer.subarray(offset, offset + length));
  }

  int32(): number {
    const offset = this.ensure(4);
    this.position += 4;
    return this.littleEndian ? this.buffer.readInt32LE(offset) : this.buffer.readInt32BE(offset);
  }

  int64(): number {
    const offset = this.ensure(8);
    this.position += 8;
    return Number(this.littleEndian ? this.buffer.readBigInt64LE(offset) : this.buffer.readBigInt64BE(offset));
  }

  float64(): number {
    const offset = this.ensure(8);
    this.position += 8;
    return this.littleEndian ? this.buffer.readDoubleLE(offset) : this.buffer.readDoubleBE(offset);
  }

  skip(length: number): void {
    this.position += length;
  }

  /** The file's byte order, from `layout_code` (2 or 3) at offset 64 of the header. */
  detectByteOrder(): void {
    const saved = this.position;
    this.position = 64;
    const offset = this.ensure(4);
    const little = this.buffer.readInt32LE(offset);
    this.littleEndian = little === 2 || little === 3;
    this.position = saved;
  }
}

/** Reads a number from 8 data bytes in the file's byte order. */
export function readDouble(bytes: Buffer, offset: number, littleEndian: boolean): number {
  return littleEndian ? bytes.readDoubleLE(offset) : bytes.readDoubleBE(offset);
}
