import { useEffect, useRef, useState } from 'react';
import { HeardError } from '../../../src/contract/index.js';

export type SaveOutcome<R> = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: R } | { state: 'exists'; path: string } | { state: 'failed'; error: unknown };

/**
 * Saving a file from a page (a table, a report): the backend refuses to overwrite unless told to, and says so with an
 * io error whose detail has `exists`; the page then asks before replacing. Focus moves to the outcome, so a keyboard
 * or screen reader user hears it.
 */
export function useSaveFile<R>(save: (out: string, replace: boolean) => Promise<R>) {
  const [outcome, setOutcome] = useState<SaveOutcome<R>>({ state: 'idle' });
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.state === 'done' || outcome.state === 'exists') statusRef.current?.focus();
  }, [outcome.state]);
  const write = async (out: string, replace: boolean) => {
    setOutcome({ state: 'busy' });
    try {
      setOutcome({ state: 'done', result: await save(out, replace) });
    } catch (error) {
      const exists = error instanceof HeardError && error.code === 'io' && (error.detail as { exists?: boolean } | undefined)?.exists === true;
      setOutcome(exists ? { state: 'exists', path: out } : { state: 'failed', error });
    }
  };
  return { outcome, setOutcome, statusRef, write };
}
