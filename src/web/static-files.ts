import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeFor } from './content-type.js';


/**
 * Serves the built renderer. Paths that are not files fall back to index.html (the app routes itself);
 * anything resolving outside the folder is refused.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    send(res, 503, 'text/plain; charset=utf-8', 'The Heard interface has not been built. Run "npm run build" and start again.');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    send(res, 400, 'text/plain; charset=utf-8', 'Bad path.');
    return;
  }
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    send(res, 403, 'text/plain; charset=utf-8', 'Forbidden.');
    return;
  }
  const isFile = fs.existsSync(candidate) && fs.statSync(candidate).isFile();
  if (!isFile && path.extname(decoded) !== '') {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    return;
  }
  const file = isFile ? candidate : index;
  const body = fs.readFileSync(file);
  res.setHeader('Cache-Control', file === index ? 'no-store' : 'private, max-age=3600');
  res.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Content-Length': body.length });
  res.end(headOnly ? undefined : body);
}

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
