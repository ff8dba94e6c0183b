import type { WireMessage } from './wire.js';

/** A duplex message channel. Loopback, WebSocket and MessagePort each implement these three calls. */
export interface Transport {
  send(message: WireMessage): void;
  /** Subscribe to incoming messages (already decoded, not yet validated). Returns an unsubscribe function. */
  onMessage(handler: (message: unknown) => void): () => void;
  /** Called once when the channel closes from either side. */
  onClose(handler: () => void): void;
  close(): void;
}
