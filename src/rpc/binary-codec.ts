/**
 * Frames a message for byte-oriented channels (WebSocket) without base64: binary values (Arrow pages) travel
 * as raw bytes after a JSON header that records where they go.
 * Frame: [u32 LE header length][header JSON, UTF-8][blob 0][blob 1]...
 * Header: { m: message with blobs replaced by null, p: path of each blob, n: byte length of each blob }.
 * Paths, not marker objects, so no user value can be mistaken for a blob.
 */
type Path = Array<string | number>;

export function encodeFrame(message: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  const paths: Path[] = [];
  const stripped = strip(message, [], blobs, paths);
  const header = new TextEncoder().encode(JSON.stringify({ m: stripped, p: paths, n: blobs.map((b) => b.byteLength) }));
  const total = 4 + header.byteLength + blobs.reduce((sum, b) => sum + b.byteLength, 0);
  const frame = new Uint8Array(total);
  new DataView(frame.buffer).setUint32(0, header.byteLength, true);
  frame.set(header, 4);
  let at = 4 + header.byteLength;
  for (const blob of blobs) {
    frame.set(blob, at);
    at += blob.byteLength;
  }
  return frame;
}

export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) throw new Error('Frame too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > frame.byteLength) throw new Error('Frame header overruns the frame');
  const header = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + headerLength))) as {
    m: unknown;
    p: Path[];
    n: number[];
  };
  if (!Array.isArray(header.p) || !Array.isArray(header.n) || header.p.length !== header.n.length) {
    throw new Error('Frame header is malformed');
  }
  let at = 4 + headerLength;
  let message = header.m;
  header.p.forEach((path, i) => {
    const length = header.n[i]!;
    if (at + length > frame.byteLength) throw new Error('Frame blob overruns the frame');
    // Copy so the blob owns its buffer (callers may transfer or keep it after the frame is gone).
    message = place(message, path, frame.slice(at, at + length));
    at += length;
  });
  return message;
}

function strip(value: unknown, path: Path, blobs: Uint8Array[], paths: Path[]): unknown {
  if (value instanceof Uint8Array) {
    blobs.push(value);
    paths.push(path);
    return null;
  }
  if (Array.isArray(value)) return value.map((item, i) => strip(item, [...path, i], blobs, paths));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = strip(item, [...path, key], blobs, paths);
    return out;
  }
  return value;
}

function place(root: unknown, path: Path, blob: Uint8Array): unknown {
  if (path.length === 0) return blob;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (key === '__proto__' || node === null || typeof node !== 'object') throw new Error('Frame path is invalid');
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (last === '__proto__' || node === null || typeof node !== 'object') throw new Error('Frame path is invalid');
  node[last] = blob;
  return root;
}
