import { createBackend, type Backend } from '../../src/backend.js';
import { sampleDataDir } from '../../src/paths.js';
import { createClient, type RpcClient } from '../../src/rpc/client.js';
import { createLoopbackPair } from '../../src/rpc/loopback.js';
import { serveRpc } from '../../src/rpc/server.js';

/**
 * The backend on the bundled sample project, called through the rpc server (which checks every request and response
 * against the contract) over an in-process transport: what the contract tests drive. Close `backend` afterwards.
 */
export async function sampleOverRpc(dataDir: string): Promise<{ backend: Backend; api: RpcClient }> {
  const backend = await createBackend({ dataDir, project: 'sample', sampleDir: sampleDataDir() });
  const [serverEnd, clientEnd] = createLoopbackPair();
  serveRpc(serverEnd, backend.handlers);
  return { backend, api: createClient(clientEnd) };
}
