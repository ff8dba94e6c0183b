import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { createBackend } from '../backend.js';
import { rendererDir as defaultRendererDir } from '../paths.js';
import { serveRpc } from '../rpc/server.js';
import { webSocketTransport, type WebSocketLike } from '../rpc/websocket-transport.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';
import { version } from '../version.js';
import { cookieName, hostAndOriginAllowed, newSessionToken, presentedToken } from './auth.js';
import { send, serveStatic } from './static-files.js';

export interface WebHostOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A .heard path, or 'sample'. */
  project?: string;
  rendererDir?: string;
  sampleDir?: string;
}

export interface WebHost {
  /** The address to open, with the session token. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * The local web host: the built renderer and the rpc WebSocket on 127.0.0.1 only. Every request must carry
 * the session token (query on first visit, then an HttpOnly cookie); Host and Origin must be this host's own.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const backend = await createBackend({ dataDir: options.dataDir, project: options.project, sampleDir: options.sampleDir });
  const root = options.rendererDir ?? defaultRendererDir();
  const token = newSessionToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0;

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    try {
      handleHttp(req, res);
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error.');
    }
  });

  function handleHttp(req: IncomingMessage, res: ServerResponse): void {
    if (!hostAndOriginAllowed(req, port, false)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: wrong host or origin.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const source = presentedToken(req, url, token, port);
    if (!source) return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorised: open Heard with the address it printed, which includes the session token.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    if (url.pathname === '/api/health') {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ status: 'ok', app: 'heard', version }));
    }
    if (url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    if (source === 'query') {
      // Swap the token in the address for a cookie, so it does not linger in history or get copied around.
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }
    serveStatic(root, url.pathname, res, req.method === 'HEAD');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/api/ws') return refuse(404, 'Not Found');
    if (!hostAndOriginAllowed(req, port, false)) return refuse(403, 'Forbidden');
    if (!presentedToken(req, url, token, port)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      serveRpc(webSocketTransport(ws as unknown as WebSocketLike), backend.handlers);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await closed;
      await backend.close();
    },
  };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
