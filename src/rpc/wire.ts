import { z } from 'zod';
import { Progress, RpcErrorShape } from '../contract/index.js';

/**
 * Wire messages: a call, its cancellation, and the call's progress, reply or error, matched by id.
 * Validated on arrival at either end, so a malformed peer gets a clear error instead of undefined behaviour.
 */
export const CallMessage = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(200),
  params: z.unknown(),
});
export const CancelMessage = z.object({ kind: z.literal('cancel'), id: z.number().int().nonnegative() });
export const ReplyMessage = z.object({ kind: z.literal('reply'), id: z.number().int().nonnegative(), result: z.unknown() });
export const ErrorMessage = z.object({ kind: z.literal('error'), id: z.number().int().nonnegative(), error: RpcErrorShape });
export const ProgressMessage = z.object({ kind: z.literal('progress'), id: z.number().int().nonnegative(), progress: Progress });

export const WireMessage = z.discriminatedUnion('kind', [CallMessage, CancelMessage, ReplyMessage, ErrorMessage, ProgressMessage]);
export type WireMessage = z.infer<typeof WireMessage>;
export type CallMessage = z.infer<typeof CallMessage>;
