import path from 'node:path';
import WebSocket from 'ws';
import { createClient } from '../../src/rpc/client.js';
import { webSocketTransport, type WebSocketLike } from '../../src/rpc/websocket-transport.js';
import { startWebHost } from '../../src/web/host.js';
import { tempDir } from '../support/temp-dir.js';
import { contractSuite, MINI_SAMPLE } from './contract-suite.js';

contractSuite('WebSocket (web host)', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const host = await startWebHost({ dataDir, sampleDir: MINI_SAMPLE, port: 0 });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`, { headers: { 'X-Heard-Token': host.token } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const client = createClient(webSocketTransport(ws as unknown as WebSocketLike));
  return { client, dataDir, close: async () => { client.close(); await host.close(); } };
});
