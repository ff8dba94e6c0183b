import type { ReactNode, RefObject } from 'react';
import type { SaveOutcome } from './useSaveFile';

interface SaveStatusProps<R> {
  outcome: SaveOutcome<R>;
  statusRef: RefObject<HTMLDivElement | null>;
  words: { busy: string; exists(path: string): string; replace: string; keep: string };
  /** What to say once saved. */
  done(result: R): ReactNode;
  failed(error: unknown): ReactNode;
  onReplace(path: string): void;
  onKeep(): void;
}

/** The outcome of saving a file: saving…, saved (focused), already there (replace or keep), or what went wrong. */
export function SaveStatus<R>({ outcome, statusRef, words, done, failed, onReplace, onKeep }: SaveStatusProps<R>) {
  switch (outcome.state) {
    case 'busy':
      return (
        <p role="status" className="hint">
          {words.busy}
        </p>
      );
    case 'done':
      return (
        <div ref={statusRef} tabIndex={-1} role="status" className="inset export-done">
          {done(outcome.result)}
        </div>
      );
    case 'exists':
      return (
        <div ref={statusRef} tabIndex={-1} role="alert" className="inset export-exists">
          <p>{words.exists(outcome.path)}</p>
          <div className="button-group">
            <button type="button" className="button button-warning" onClick={() => onReplace(outcome.path)}>
              {words.replace}
            </button>
            <button type="button" className="button button-secondary" onClick={onKeep}>
              {words.keep}
            </button>
          </div>
        </div>
      );
    case 'failed':
      return <>{failed(outcome.error)}</>;
    default:
      return null;
  }
}
