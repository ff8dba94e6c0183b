import { MessageChannelMain, utilityProcess, type MessageEvent, type MessagePortMain, type UtilityProcess } from 'electron';
import { createClient, type RpcClient } from '../src/rpc/client.js';
import { messagePortTransport } from '../src/rpc/message-port-transport.js';

export interface BackendProcessOptions {
  /** dist/electron/backend-host.js */
  entry: string;
  project: string;
  dataDir: string;
  /** Something the user should know that did not stop the backend (e.g. the requested project would not open). */
  onWarning(message: string): void;
  /** The process ended without being asked to; `reason` is its own last words when it managed to say them. */
  onUnexpectedExit(code: number, reason: string | undefined): void;
  /** Prints the HTML report to PDF for the backend, which cannot open a window itself (electron/pdf-requests.ts). */
  printToPdf?(html: string): Promise<Buffer>;
}

/**
 * The backend's utility process, seen from main: hands out MessagePorts to it (one per window), keeps one rpc client
 * for main's own menu actions, and stops it politely so DuckDB can checkpoint the project file.
 */
export class BackendProcess {
  private readonly child: UtilityProcess;
  private stopping = false;
  private exited = false;
  private lastWords: string | undefined;
  private client: RpcClient | null = null;

  constructor(private readonly options: BackendProcessOptions) {
    this.child = utilityProcess.fork(options.entry, ['--project', options.project, '--data-dir', options.dataDir], {
      serviceName: 'Heard backend',
      stdio: 'inherit',
    });
    this.child.on('message', (message: unknown) => this.onMessage(message));
    this.child.on('exit', (code) => {
      this.exited = true;
      this.client = null;
      if (!this.stopping) options.onUnexpectedExit(code, this.lastWords);
    });
  }

  get project(): string {
    return this.options.project;
  }

  /** A new channel to the backend; the returned end goes to a window (or to main's own client). */
  openPort(): MessagePortMain {
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'connect' }, [port1]);
    return port2;
  }

  /** Main's own typed client, for File ▸ Open project… and files passed on the command line. */
  rpc(): RpcClient {
    if (!this.client) {
      const port = this.openPort();
      this.client = createClient(
        messagePortTransport(port, {
          onMessage: (listener) => port.on('message', (event: MessageEvent) => listener(event.data)),
          onClose: (listener) => port.on('close', () => listener()),
        }),
      );
    }
    return this.client;
  }

  /** Asks the backend to close the project and exit; kills it if it has not gone within `timeoutMs`. */
  stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, timeoutMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.postMessage({ type: 'shutdown' });
    });
  }

  private onMessage(message: unknown): void {
    const print = message as { type?: unknown; id?: unknown; html?: unknown } | null;
    if (print?.type === 'printToPdf' && typeof print.id === 'number' && typeof print.html === 'string') {
      const { id, html } = print;
      const printing = this.options.printToPdf ? this.options.printToPdf(html) : Promise.reject(new Error('this window cannot print'));
      printing.then(
        (pdf) => this.child.postMessage({ type: 'pdf', id, pdf: new Uint8Array(pdf) }),
        (err: unknown) => this.child.postMessage({ type: 'pdf', id, error: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    const m = message as { type?: unknown; message?: unknown } | null;
    if (typeof m?.message !== 'string') return;
    if (m.type === 'warning') this.options.onWarning(m.message);
    else if (m.type === 'fatal') this.lastWords = m.message;
  }
}
