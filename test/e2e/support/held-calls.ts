import type { Page, WebSocketRoute } from 'playwright-core';
import { decodeFrame } from '../../../src/rpc/binary-codec.js';

export interface HeldCalls {
  /** How many calls are being held now. */
  held(): number;
}

/**
 * Puts the test between the page and the web host's socket, and holds back every call to `method` until the page
 * cancels it; the call and its cancel then reach the backend together. The backend really runs and really stops
 * the work, and the test can press Cancel while the progress bar is up however fast the machine is.
 * Install before the page connects (then reload).
 */
export async function holdCallsUntilCancelled(page: Page, method: string): Promise<HeldCalls> {
  const waiting = new Map<number, Buffer>();
  await page.routeWebSocket(/\/api\/ws$/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    server.onMessage((message) => ws.send(message));
    ws.onMessage((message) => {
      const wire = typeof message === 'string' ? null : (decodeFrame(new Uint8Array(message)) as { kind?: string; id?: number; method?: string });
      if (wire?.kind === 'call' && wire.method === method && wire.id !== undefined) {
        waiting.set(wire.id, message as Buffer);
        return;
      }
      if (wire?.kind === 'cancel' && wire.id !== undefined && waiting.has(wire.id)) {
        server.send(waiting.get(wire.id)!);
        waiting.delete(wire.id);
      }
      server.send(message);
    });
  });
  return { held: () => waiting.size };
}
