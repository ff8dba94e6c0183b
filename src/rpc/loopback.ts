import type { Transport } from './transport.js';
import type { WireMessage } from './wire.js';

/**
 * Two in-process transports wired to each other. Messages are structured-cloned and delivered on a later
 * microtask, so code that passes over loopback also survives a real process boundary.
 */
export function createLoopbackPair(): [Transport, Transport] {
  const a = new LoopbackEnd();
  const b = new LoopbackEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

class LoopbackEnd implements Transport {
  peer: LoopbackEnd | undefined;
  private handlers = new Set<(message: unknown) => void>();
  private closeHandlers: Array<() => void> = [];
  private closed = false;

  send(message: WireMessage): void {
    if (this.closed) return;
    const copy = structuredClone(message);
    const peer = this.peer;
    queueMicrotask(() => peer?.deliver(copy));
  }
  private deliver(message: unknown): void {
    if (this.closed) return;
    for (const handler of this.handlers) handler(message);
  }
  onMessage(handler: (message: unknown) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.closeHandlers) handler();
    this.peer?.close();
  }
}
