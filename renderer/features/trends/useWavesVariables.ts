import { useEffect, useState } from 'react';
import type { TableVariable } from '../../../src/contract/index.js';
import { useApi } from '../../api';

/**
 * The questions of each wave asked for, loaded once per wave and kept while the page is open, so moving waves in
 * and out of a trend does not load them again.
 */
export function useWavesVariables(waveIds: readonly number[]): { variables: ReadonlyMap<number, TableVariable[]>; error: unknown } {
  const api = useApi();
  const [variables, setVariables] = useState<ReadonlyMap<number, TableVariable[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const missing = waveIds.filter((id) => !variables.has(id));
  const key = missing.join(',');
  useEffect(() => {
    if (missing.length === 0) return;
    const controller = new AbortController();
    Promise.all(missing.map((waveId) => api.call('tables.variables', { waveId }, { signal: controller.signal }).then((v) => [waveId, v] as const))).then(
      (loaded) => !controller.signal.aborted && setVariables((current) => new Map([...current, ...loaded])),
      (e: unknown) => !controller.signal.aborted && setError(e),
    );
    return () => controller.abort();
    // `key` lists the missing waves by value.
  }, [api, key]);
  return { variables, error };
}
