import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';
import { contentTypeFor } from '../src/web/content-type.js';

/**
 * The renderer is served from `app://heard/…` rather than loaded from file://. Why: with file:// the CSP's 'self'
 * matches every file on the disk and a response header cannot be set (Electron's security checklist, "avoid
 * file://"); a privileged standard scheme gives the page a real origin of its own, our CSP as a real header, and a
 * handler that refuses anything outside dist/renderer. No runtime `electron` import: main.ts wires it up.
 */

/** Passed to protocol.registerSchemesAsPrivileged before app ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: relative URLs and a tuple origin; secure: treated like https (module scripts, crypto.subtle).
  // corsEnabled stays off on purpose: it would let other origins read our responses; our own requests are
  // same-origin and need no CORS.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps `app://heard/<path>` to a file under `root`, or null when the URL is for another scheme or host, is
 * malformed, or would resolve outside `root` (`..`, encoded separators, NUL bytes). `/` is index.html.
 */
export function resolveAppAsset(root: string, url: string): string | null {
  let parsed: URL;
  let decoded: string;
  try {
    parsed = new URL(url);
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const candidate = path.resolve(base, ...relative.split('/'));
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  return candidate;
}

/** The protocol handler: our files with our CSP and no sniffing; 404 for anything else. */
export function appProtocolHandler(
  root: string,
  readFile: (file: string) => Promise<Uint8Array> = (file) => fs.readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppAsset(root, request.url);
    if (file === null) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    });
  };
}

function notFound(): Response {
  return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
