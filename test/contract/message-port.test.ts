import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { createBackend } from '../../src/backend.js';
import { createClient } from '../../src/rpc/client.js';
import { messagePortTransport } from '../../src/rpc/message-port-transport.js';
import { serveRpc } from '../../src/rpc/server.js';
import { tempDir } from '../support/temp-dir.js';
import { contractSuite, MINI_SAMPLE } from './contract-suite.js';

// Electron's MessagePortMain (backend side) and the page's MessagePort both structured-clone like Node's
// worker_threads ports, so this runs the MessagePort transport through the same suite without Electron.
contractSuite('MessagePort', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const backend = await createBackend({ dataDir, sampleDir: MINI_SAMPLE });
  const { port1, port2 } = new MessageChannel();
  const nodePort = (port: typeof port1) =>
    messagePortTransport(port, {
      onMessage: (listener) => port.on('message', listener),
      onClose: (listener) => port.on('close', listener),
    });
  serveRpc(nodePort(port1), backend.handlers);
  const client = createClient(nodePort(port2));
  return { client, dataDir, close: async () => { client.close(); await backend.close(); } };
});
