import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../../src/rpc/binary-codec.js';

describe('binary frames', () => {
  it('round-trips JSON with binary values at any depth, byte for byte', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const message = { kind: 'reply', id: 7, result: { arrow: bytes, list: [1, { deep: new Uint8Array(3) }], text: 'Ysgol £5 "quoted"' } };
    const decoded = decodeFrame(encodeFrame(message)) as typeof message;
    expect(decoded.result.arrow).toBeInstanceOf(Uint8Array);
    expect(Array.from(decoded.result.arrow)).toEqual([0, 1, 2, 250, 255]);
    expect((decoded.result.list[1] as { deep: Uint8Array }).deep).toEqual(new Uint8Array(3));
    expect(decoded.result.text).toBe('Ysgol £5 "quoted"');
  });

  it('does not mistake user data for a binary marker', () => {
    const message = { result: { $bin: 0, p: [['x']], n: [3] } };
    expect(decodeFrame(encodeFrame(message))).toEqual(message);
  });

  it('rejects truncated or hostile frames with an error, not a crash', () => {
    const frame = encodeFrame({ a: new Uint8Array(10) });
    expect(() => decodeFrame(frame.subarray(0, frame.length - 5))).toThrow(/overruns/);
    expect(() => decodeFrame(new Uint8Array([1]))).toThrow(/too short/);
    const header = new TextEncoder().encode(JSON.stringify({ m: {}, p: [['__proto__', 'polluted']], n: [1] }));
    const hostile = new Uint8Array(4 + header.length + 1);
    new DataView(hostile.buffer).setUint32(0, header.length, true);
    hostile.set(header, 4);
    expect(() => decodeFrame(hostile)).toThrow(/invalid/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
