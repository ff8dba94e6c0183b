import path from 'node:path';
import { createBackend } from '../../src/backend.js';
import { createClient } from '../../src/rpc/client.js';
import { createLoopbackPair } from '../../src/rpc/loopback.js';
import { serveRpc } from '../../src/rpc/server.js';
import { tempDir } from '../support/temp-dir.js';
import { contractSuite, MINI_SAMPLE } from './contract-suite.js';

contractSuite('in-process loopback', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const backend = await createBackend({ dataDir, sampleDir: MINI_SAMPLE });
  const [serverEnd, clientEnd] = createLoopbackPair();
  serveRpc(serverEnd, backend.handlers);
  const client = createClient(clientEnd);
  return { client, dataDir, close: async () => { client.close(); await backend.close(); } };
});
