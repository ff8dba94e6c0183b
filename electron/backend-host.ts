import type { MessageEvent, MessagePortMain } from 'electron';
import type { Backend } from '../src/backend-types.js';
import { createBackend } from '../src/backend.js';
import path from 'node:path';
import { defaultDataDir, sampleDataDir } from '../src/paths.js';
import { messagePortTransport } from '../src/rpc/message-port-transport.js';
import { serveRpc } from '../src/rpc/server.js';
import { readFlag } from './launch-args.js';
import { pdfRequests } from './pdf-requests.js';

/*
 * Utility-process entry: DuckDB and all analysis run here, off the main process, so a long query never freezes
 * menus or windows. Main sends {type:'connect'} with one MessagePort per window (and one for its own menu calls);
 * each port gets its own rpc server over the one backend. {type:'shutdown'} or SIGTERM closes the project cleanly.
 *
 * Messages to main: {type:'ready'} once the backend is up; {type:'warning'|'fatal', message} for the user.
 */

type ToParent = { type: 'ready' } | { type: 'warning'; message: string } | { type: 'fatal'; message: string };

const parentPort = process.parentPort as Electron.ParentPort | undefined;

function log(line: string): void {
  process.stderr.write(`heard backend: ${line}\n`);
}

function tell(message: ToParent): void {
  parentPort?.postMessage(message);
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * DuckDB reads the sample CSVs itself, and a native library cannot see inside app.asar: in a packaged app they are
 * unpacked (electron-builder.yml asarUnpack), so point at the unpacked copy.
 */
function unpackedSampleDir(): string {
  const asar = `${path.sep}app.asar${path.sep}`;
  return sampleDataDir().replace(asar, `${path.sep}app.asar.unpacked${path.sep}`);
}

/** PDF reports are printed by main (Electron's printToPDF), which this process asks through its parent port. */
const pdf = pdfRequests((message) => parentPort?.postMessage(message));

/** Opens the requested project; if that fails, starts with no project open so the user can pick another. */
async function start(dataDir: string, project: string): Promise<Backend> {
  const sampleDir = unpackedSampleDir();
  const printToPdf = (html: string) => pdf.print(html);
  try {
    return await createBackend({ dataDir, sampleDir, project, printToPdf });
  } catch (err) {
    log(`could not open ${project}: ${reason(err)}`);
    tell({ type: 'warning', message: `Heard could not open ${project === 'sample' ? 'the sample project' : project}: ${reason(err)}` });
    return createBackend({ dataDir, sampleDir, printToPdf });
  }
}

function serve(port: MessagePortMain, backend: Backend): void {
  const transport = messagePortTransport(port, {
    onMessage: (listener) => port.on('message', (event: MessageEvent) => listener(event.data)),
    onClose: (listener) => port.on('close', () => listener()),
  });
  serveRpc(transport, backend.handlers, log);
}

function main(): void {
  if (!parentPort) {
    log('this file is the Electron utility-process entry; run Heard with "npm start" or "heard serve".');
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const dataDir = readFlag(argv, 'data-dir') ?? defaultDataDir();
  const project = readFlag(argv, 'project') ?? 'sample';

  const backend = start(dataDir, project);
  backend.then(
    () => tell({ type: 'ready' }),
    (err: unknown) => {
      log(`could not start: ${reason(err)}`);
      tell({ type: 'fatal', message: `Heard's engine could not start: ${reason(err)}` });
      process.exit(1);
    },
  );

  let closing: Promise<void> | null = null;
  const shutdown = () => {
    closing ??= backend
      .then((b) => b.close())
      .catch((err: unknown) => log(`close failed: ${reason(err)}`))
      .finally(() => process.exit(0));
    return closing;
  };

  // Ports that arrive while the project is still opening wait on the promise; their messages queue until start().
  parentPort.on('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown } | null;
    if (pdf.settle(data)) return;
    if (data?.type === 'connect') {
      const port = event.ports[0];
      if (!port) return;
      backend.then((b) => serve(port, b)).catch(() => port.close());
    } else if (data?.type === 'shutdown') {
      void shutdown();
    }
  });
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main();
