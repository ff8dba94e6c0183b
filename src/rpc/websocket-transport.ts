import type { Transport } from './transport.js';
import type { WireMessage } from './wire.js';
import { decodeFrame, encodeFrame } from './binary-codec.js';

/** The part of a WebSocket both the browser's and the `ws` package's sockets provide. */
export interface WebSocketLike {
  binaryType: string;
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

/** Binary frames only (see binary-codec.ts); a frame that cannot be decoded is dropped, not thrown. */
export function webSocketTransport(socket: WebSocketLike): Transport {
  socket.binaryType = 'arraybuffer';
  const closeHandlers: Array<() => void> = [];
  let closed = false;
  socket.addEventListener('close', () => {
    if (closed) return;
    closed = true;
    for (const handler of closeHandlers) handler();
  });
  return {
    send(message: WireMessage) {
      if (socket.readyState === 1) socket.send(encodeFrame(message));
    },
    onMessage(handler) {
      const listener = (event: { data: unknown }) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        let message: unknown;
        try {
          message = decodeFrame(new Uint8Array(event.data));
        } catch {
          return;
        }
        handler(message);
      };
      socket.addEventListener('message', listener);
      return () => {
        /* sockets live as long as their transport; nothing to detach */
      };
    },
    onClose(handler) {
      closeHandlers.push(handler);
    },
    close() {
      socket.close(1000, 'closed');
    },
  };
}
