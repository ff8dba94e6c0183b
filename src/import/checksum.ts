import crypto from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed (it runs beside DuckDB's read, so it costs little wall time). */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
