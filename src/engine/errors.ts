import { HeardError } from '../contract/index.js';

/** Turns DuckDB's messages about opening a file into errors a council officer can act on. */
export function openError(path: string, err: unknown): HeardError {
  const message = err instanceof Error ? err.message : String(err);
  if (/Could not set lock on file/i.test(message)) {
    return new HeardError('project_locked', `The project ${path} is already open in another Heard window or program. Close it there first.`, { cause: message });
  }
  if (/not a valid DuckDB database file|not a valid database/i.test(message)) {
    return new HeardError('invalid_project', `${path} is not a Heard project file.`, { cause: message });
  }
  if (/newer version|storage version/i.test(message)) {
    return new HeardError('invalid_project', `${path} was made by a newer version of Heard. Update Heard to open it.`, { cause: message });
  }
  return new HeardError('io', `Heard could not open ${path}.`, { cause: message });
}

export function isInterrupt(err: unknown): boolean {
  return err instanceof Error && /INTERRUPT|Interrupted/i.test(err.message);
}
