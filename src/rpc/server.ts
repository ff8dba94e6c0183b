import {
  HeardError,
  isMethodName,
  methods,
  type MethodName,
  type ParsedRequestOf,
  type Progress,
  type ResponseOf,
  type RpcErrorShape,
} from '../contract/index.js';
import type { Transport } from './transport.js';
import { WireMessage, type CallMessage } from './wire.js';

export interface CallContext {
  signal: AbortSignal;
  progress(progress: Progress): void;
}

/** What a backend implements: one async function per contract method. */
export type Handlers = {
  [M in MethodName]: (params: ParsedRequestOf<M>, ctx: CallContext) => Promise<ResponseOf<M>>;
};

/**
 * Serves `handlers` on `transport`. Every request is validated against the contract where it lands; every
 * outcome, including a crash inside a handler, goes back as a reply or a structured error.
 */
export function serveRpc(transport: Transport, handlers: Handlers, log: (line: string) => void = defaultLog): () => void {
  const running = new Map<number, AbortController>();

  const unsubscribe = transport.onMessage((raw) => {
    const parsed = WireMessage.safeParse(raw);
    if (!parsed.success) {
      log(`rpc: ignored a malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const message = parsed.data;
    if (message.kind === 'cancel') running.get(message.id)?.abort();
    else if (message.kind === 'call') void handleCall(message);
  });
  transport.onClose(() => {
    for (const controller of running.values()) controller.abort();
  });

  async function handleCall(call: CallMessage): Promise<void> {
    const controller = new AbortController();
    running.set(call.id, controller);
    try {
      const result = await dispatch(call, controller.signal);
      transport.send({ kind: 'reply', id: call.id, result });
    } catch (err) {
      transport.send({ kind: 'error', id: call.id, error: toErrorShape(err, controller.signal, log) });
    } finally {
      running.delete(call.id);
    }
  }

  async function dispatch(call: CallMessage, signal: AbortSignal): Promise<unknown> {
    if (!isMethodName(call.method)) throw new HeardError('unknown_method', `There is no method called "${call.method}".`);
    const spec = methods[call.method];
    const request = spec.request.safeParse(call.params ?? {});
    if (!request.success) {
      const issues = request.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new HeardError('bad_request', `The request to ${call.method} is not valid.`, { issues });
    }
    const progress = (p: Progress) => transport.send({ kind: 'progress', id: call.id, progress: p });
    const handler = handlers[call.method] as (params: unknown, ctx: CallContext) => Promise<unknown>;
    // A handler that finished has done its work (an import may have committed): report that, even if a cancel
    // arrived too late to stop it.
    const result = await handler(request.data, { signal, progress });
    const checked = spec.response.safeParse(result);
    if (!checked.success) {
      throw new Error(`${call.method} returned a response that breaks the contract: ${checked.error.message}`);
    }
    return checked.data;
  }

  return () => {
    unsubscribe();
    for (const controller of running.values()) controller.abort();
  };
}

function toErrorShape(err: unknown, signal: AbortSignal, log: (line: string) => void): RpcErrorShape {
  if (err instanceof HeardError) return err.toShape();
  if (signal.aborted) return { code: 'cancelled', message: 'Cancelled.' };
  const e = err instanceof Error ? err : new Error(String(err));
  log(`rpc: internal error: ${e.stack ?? e.message}`);
  return { code: 'internal', message: 'Something went wrong inside Heard.', detail: { name: e.name, message: e.message } };
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
