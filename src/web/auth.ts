import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies ignore the port, so two hosts on one machine need different names.
  return `heard_token_${port}`;
}

export type TokenSource = 'query' | 'header' | 'cookie';

/** Where the request carried the session token, if it carried the right one. */
export function presentedToken(req: IncomingMessage, url: URL, token: string, port: number): TokenSource | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && same(fromQuery, token)) return 'query';
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && same(auth.slice(7), token)) return 'header';
  const header = req.headers['x-heard-token'];
  if (typeof header === 'string' && same(header, token)) return 'header';
  const cookie = parseCookies(req.headers.cookie ?? '')[cookieName(port)];
  if (cookie !== undefined && same(cookie, token)) return 'cookie';
  return null;
}

/**
 * DNS-rebinding and cross-site defence: the Host must be this host's own loopback address, and an Origin,
 * when sent, must be this host's own origin.
 */
export function hostAndOriginAllowed(req: IncomingMessage, port: number, requireOrigin: boolean): boolean {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return !requireOrigin;
  return allowedHosts.has(origin.toLowerCase().replace(/^http:\/\//, '')) && origin.toLowerCase().startsWith('http://');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}
