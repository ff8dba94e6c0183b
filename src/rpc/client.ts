import { HeardError, type MethodName, type Progress, type RequestOf, type ResponseOf } from '../contract/index.js';
import type { Transport } from './transport.js';
import { WireMessage } from './wire.js';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface RpcClient {
  call<M extends MethodName>(method: M, params: RequestOf<M>, options?: CallOptions): Promise<ResponseOf<M>>;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: HeardError): void;
  onProgress?: (progress: Progress) => void;
}

/**
 * Typed calls over any transport. Aborting a call sends `cancel`; the promise then settles with the backend's
 * answer (normally a `cancelled` error), so the caller knows the backend has actually stopped.
 */
export function createClient(transport: Transport): RpcClient {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  transport.onMessage((raw) => {
    const parsed = WireMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'call' || message.kind === 'cancel') return;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.kind === 'progress') {
      entry.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.kind === 'reply') entry.resolve(message.result);
    else entry.reject(HeardError.fromShape(message.error));
  });
  transport.onClose(() => {
    closed = true;
    for (const entry of pending.values()) {
      entry.reject(new HeardError('disconnected', 'The connection to the Heard backend was lost.'));
    }
    pending.clear();
  });

  return {
    call<M extends MethodName>(method: M, params: RequestOf<M>, options: CallOptions = {}): Promise<ResponseOf<M>> {
      if (closed) return Promise.reject(new HeardError('disconnected', 'The connection to the Heard backend is closed.'));
      const id = nextId++;
      return new Promise<ResponseOf<M>>((resolve, reject) => {
        const { signal, onProgress } = options;
        if (signal?.aborted) {
          reject(new HeardError('cancelled', 'Cancelled.'));
          return;
        }
        const onAbort = () => transport.send({ kind: 'cancel', id });
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (value) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(value as ResponseOf<M>);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
          onProgress,
        });
        transport.send({ kind: 'call', id, method, params });
      });
    },
    close() {
      transport.close();
    },
  };
}
