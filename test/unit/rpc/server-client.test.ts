import { describe, expect, it } from 'vitest';
import { HeardError } from '../../../src/contract/index.js';
import { createClient } from '../../../src/rpc/client.js';
import { createLoopbackPair } from '../../../src/rpc/loopback.js';
import { serveRpc, type Handlers } from '../../../src/rpc/server.js';

/** Only the methods a test needs; the rest answer as unimplemented. */
function connect(partial: Partial<Handlers>) {
  const [serverEnd, clientEnd] = createLoopbackPair();
  const logs: string[] = [];
  const handlers = new Proxy(partial, {
    get: (target, key: string) => target[key as keyof Handlers] ?? (async () => { throw new Error(`not implemented: ${key}`); }),
  }) as Handlers;
  serveRpc(serverEnd, handlers, (line) => logs.push(line));
  return { client: createClient(clientEnd), logs, serverEnd, clientEnd };
}

async function failure(promise: Promise<unknown>): Promise<HeardError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HeardError);
  return err as HeardError;
}

describe('rpc server and client', () => {
  it('validates requests where they land and says what is wrong', async () => {
    let called = false;
    const { client } = connect({ 'waves.page': async () => { called = true; throw new Error('unreachable'); } });
    const err = await failure(client.call('waves.page', { waveId: -1, offset: 0, limit: 999_999 } as never));
    expect(err.code).toBe('bad_request');
    const paths = (err.detail as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['limit', 'waveId']);
    expect(called).toBe(false);
  });

  it('refuses unknown methods and extra fields', async () => {
    const { client } = connect({ 'app.info': async () => ({ version: '1', dataDir: '/x' }) });
    expect((await failure(client.call('no.such' as never, {} as never))).code).toBe('unknown_method');
    expect((await failure(client.call('app.info', { sneaky: true } as never))).code).toBe('bad_request');
    expect(await client.call('app.info', {})).toEqual({ version: '1', dataDir: '/x' });
  });

  it('never lets a raw exception cross: internal errors are structured and logged', async () => {
    const { client, logs } = connect({ 'surveys.list': async () => { throw new TypeError('secret internals at /home/x'); } });
    const err = await failure(client.call('surveys.list', {}));
    expect(err.code).toBe('internal');
    expect(err.message).toBe('Something went wrong inside Heard.');
    expect(err.stack).not.toContain('secret internals');
    expect(logs.join('\n')).toContain('secret internals');
  });

  it('passes HeardErrors through with their code and detail', async () => {
    const { client } = connect({ 'surveys.list': async () => { throw new HeardError('no_project', 'Open a project first.', { hint: 1 }); } });
    const err = await failure(client.call('surveys.list', {}));
    expect([err.code, err.message, err.detail]).toEqual(['no_project', 'Open a project first.', { hint: 1 }]);
  });

  it('checks responses against the contract too', async () => {
    const { client } = connect({ 'app.info': async () => ({ version: 1 }) as never });
    expect((await failure(client.call('app.info', {}))).code).toBe('internal');
  });

  it('streams progress and cancels: the handler sees the abort and the caller gets `cancelled`', async () => {
    let sawAbort = false;
    const { client } = connect({
      'projects.openSample': (_params, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.progress({ done: 1, total: 4, message: 'Building' });
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new HeardError('cancelled', 'Cancelled.'));
          });
        }),
    });
    const controller = new AbortController();
    const seen: number[] = [];
    const call = client.call('projects.openSample', {}, { signal: controller.signal, onProgress: (p) => { seen.push(p.done); controller.abort(); } });
    const err = await failure(call);
    expect(err.code).toBe('cancelled');
    expect(sawAbort).toBe(true);
    expect(seen).toEqual([1]);
  });

  it('fails pending calls when the connection closes', async () => {
    const { client, serverEnd } = connect({ 'surveys.list': () => new Promise(() => undefined) });
    const call = client.call('surveys.list', {});
    await Promise.resolve();
    serverEnd.close();
    expect((await failure(call)).code).toBe('disconnected');
  });

  it('ignores malformed wire messages instead of crashing', async () => {
    const { client, clientEnd, logs } = connect({ 'app.info': async () => ({ version: '2', dataDir: '/y' }) });
    clientEnd.send({ kind: 'call', id: -5, method: 42 } as never);
    expect(await client.call('app.info', {})).toEqual({ version: '2', dataDir: '/y' });
    expect(logs.some((l) => l.includes('malformed'))).toBe(true);
  });
});
