import { z } from 'zod';

/** Error codes a caller can act on. Anything unexpected becomes `internal`. */
export const ErrorCode = z.enum([
  'bad_request', // the request did not match the contract
  'unknown_method',
  'no_project', // a project must be open first
  'not_found',
  'project_locked', // the file is open in another Heard process
  'invalid_project', // not a Heard project file, or from a newer Heard
  'io', // the file system refused
  'invalid_file', // a file to import could not be read as described
  'duplicate_import', // this exact file was imported before
  'cancelled',
  'disconnected', // the connection to the backend closed before a reply
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const RpcErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  detail: z.unknown().optional(),
});
export type RpcErrorShape = z.infer<typeof RpcErrorShape>;

/** The one error type that crosses the wire: a code to branch on, a sentence for a person, detail for the curious. */
export class HeardError extends Error {
  readonly code: ErrorCode;
  readonly detail?: unknown;
  constructor(code: ErrorCode, message: string, detail?: unknown) {
    super(message);
    this.name = 'HeardError';
    this.code = code;
    this.detail = detail;
  }
  toShape(): RpcErrorShape {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
  static fromShape(shape: RpcErrorShape): HeardError {
    return new HeardError(shape.code, shape.message, shape.detail);
  }
}

export function isCancelled(err: unknown): boolean {
  return err instanceof HeardError && err.code === 'cancelled';
}
