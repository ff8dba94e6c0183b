import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from '../../../src/rpc/client.js';
import { webSocketTransport, type WebSocketLike } from '../../../src/rpc/websocket-transport.js';
import { startWebHost, type WebHost } from '../../../src/web/host.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
const renderer = path.join(dir, 'renderer');
let host: WebHost;

beforeAll(async () => {
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Heard</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  host = await startWebHost({ dataDir: path.join(dir, 'data'), rendererDir: renderer, port: 0 });
});
afterAll(() => host?.close());

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const withToken = () => ({ 'X-Heard-Token': host.token });

describe('heard serve (web host)', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{40,}$`));
  });

  it('answers 401 to any request without the token, including health and assets', async () => {
    for (const p of ['/', '/api/health', '/assets/app.js', '/api/health?token=wrong']) {
      expect((await get(p)).status, p).toBe(401);
    }
  });

  it('answers health with the token (query, header or bearer)', async () => {
    for (const [p, h] of [
      [`/api/health?token=${host.token}`, {}],
      ['/api/health', withToken()],
      ['/api/health', { Authorization: `Bearer ${host.token}` }],
    ] as const) {
      const reply = await get(p, h);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok', app: 'heard' });
    }
  });

  it('refuses a foreign Host (DNS rebinding) or Origin even with the token', async () => {
    expect((await get('/api/health', { ...withToken(), Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/api/health', { ...withToken(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/api/health', { ...withToken(), Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('swaps the token in the address for an HttpOnly SameSite cookie', async () => {
    const first = await get(`/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get('/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Heard</title>');
  });

  it('sends a strict CSP and hardening headers on every response', async () => {
    for (const reply of [await get('/'), await get('/', withToken())]) {
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves the renderer, falls back to index.html for app routes, and never outside its folder', async () => {
    expect((await get('/assets/app.js', withToken())).body).toBe('console.log(1)');
    expect((await get('/data/waves/3', withToken())).body).toContain('<title>Heard</title>');
    expect((await get('/assets/missing.js', withToken())).status).toBe(404);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const reply = await get(p, withToken());
      expect(reply.body, p).not.toContain('outside the renderer');
    }
    expect((await get('/', withToken(), 'POST')).status).toBe(405);
  });

  it('refuses a WebSocket without the token or from another origin, and serves rpc with it', async () => {
    const attempt = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => { ws.close(); resolve(101); });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    const base = `ws://127.0.0.1:${host.port}/api/ws`;
    expect(await attempt(base)).toBe(401);
    expect(await attempt(`${base}?token=${host.token}`, { Origin: 'http://evil.example' })).toBe(403);

    const ws = new WebSocket(`${base}?token=${host.token}`, { headers: { Origin: `http://127.0.0.1:${host.port}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const client = createClient(webSocketTransport(ws as unknown as WebSocketLike));
    const info = await client.call('app.info', {});
    expect(info.dataDir).toBe(path.join(dir, 'data'));
    client.close();
  });
});
