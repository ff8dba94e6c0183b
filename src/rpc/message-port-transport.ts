import type { Transport } from './transport.js';
import type { WireMessage } from './wire.js';

/**
 * The common shape of a DOM MessagePort (renderer) and Electron's MessagePortMain (utility process), reduced to
 * what we use. Structured clone carries Arrow bytes as they are, so no framing is needed here.
 */
export interface PortLike {
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export interface PortEvents {
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
}

export function messagePortTransport(port: PortLike, events: PortEvents): Transport {
  const handlers = new Set<(message: unknown) => void>();
  const closeHandlers: Array<() => void> = [];
  let closed = false;
  const fireClose = () => {
    if (closed) return;
    closed = true;
    for (const handler of closeHandlers) handler();
  };
  events.onMessage((data) => {
    for (const handler of handlers) handler(data);
  });
  events.onClose(fireClose);
  port.start();
  return {
    send(message: WireMessage) {
      if (!closed) port.postMessage(message);
    },
    onMessage(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onClose(handler) {
      closeHandlers.push(handler);
    },
    close() {
      port.close();
      fireClose();
    },
  };
}
