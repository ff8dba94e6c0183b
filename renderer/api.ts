import { createContext, useContext } from 'react';
import { PORT_MESSAGE, type HeardShell } from '../src/contract/index.js';
import { createClient, type RpcClient } from '../src/rpc/client.js';
import { messagePortTransport } from '../src/rpc/message-port-transport.js';
import type { Transport } from '../src/rpc/transport.js';
import { webSocketTransport } from '../src/rpc/websocket-transport.js';

declare global {
  interface Window {
    /** Present only inside the Electron window (see electron/preload.ts). */
    heardShell?: HeardShell;
  }
}

export type Api = Pick<RpcClient, 'call'>;

export interface Connection {
  api: Api;
  /** Called once if the channel to the backend closes after it was opened. */
  onLost(listener: () => void): void;
}

/** Long enough for a slow machine to start the backend; short enough that a broken install says so. */
const CONNECT_TIMEOUT_MS = 20_000;

/** Electron gives us a MessagePort to the backend's utility process; a browser talks to the local web host. */
export async function connect(): Promise<Connection> {
  const transport = window.heardShell ? await connectToShell(window.heardShell) : await connectToWebHost();
  const client = createClient(transport);
  return {
    api: { call: client.call.bind(client) },
    onLost: (listener) => transport.onClose(listener),
  };
}

function connectToShell(shell: HeardShell): Promise<Transport> {
  return withTimeout(
    new Promise<Transport>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        // Only the preload, running in this window, may hand us the port.
        if (event.source !== window || event.data !== PORT_MESSAGE) return;
        const port = event.ports[0];
        if (!port) return;
        window.removeEventListener('message', onMessage);
        resolve(domPortTransport(port));
      };
      window.addEventListener('message', onMessage);
      shell.connect();
    }),
  );
}

/** Adapts a DOM MessagePort to the shared transport. `close` fires when the other side goes away (Chromium 123+). */
function domPortTransport(port: MessagePort): Transport {
  return messagePortTransport(port, {
    onMessage: (listener) => port.addEventListener('message', (event) => listener(event.data)),
    onClose: (listener) => port.addEventListener('close', () => listener()),
  });
}

function connectToWebHost(): Promise<Transport> {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // The session cookie set by the host authorises this same-origin socket; no token in the page.
  const socket = new WebSocket(`${scheme}://${location.host}/api/ws`);
  return withTimeout(
    new Promise<Transport>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(webSocketTransport(socket)), { once: true });
      socket.addEventListener('close', () => reject(new Error('The web host refused the connection.')), { once: true });
    }),
  );
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The Heard backend did not answer in time.')), CONNECT_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export const ApiContext = createContext<Api | null>(null);

/** The typed backend client; only usable below the connection gate, which renders nothing else until connected. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an ApiContext provider (see app/ConnectionGate.tsx).');
  return api;
}
