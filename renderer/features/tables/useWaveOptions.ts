import { useEffect, useState } from 'react';
import type { TableVariable } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';

export interface WeightOption {
  /** What the crosstab is asked for by. */
  name: string;
  /** What the user sees: a design weight's column label, or a saved weight's name. */
  label: string;
  kind: 'design' | 'raked';
  efficiency: number;
}

export interface WaveOptions {
  waveId: number;
  variables: TableVariable[];
  weights: WeightOption[];
}

/** A wave's questions that a table can use, and its weights, loaded together whenever the wave changes. */
export function useWaveOptions(waveId: number | null): Loadable<WaveOptions> {
  const api = useApi();
  const [result, setResult] = useState<Loadable<WaveOptions>>({ state: 'loading' });
  useEffect(() => {
    if (waveId === null) return;
    const controller = new AbortController();
    const { signal } = controller;
    setResult({ state: 'loading' });
    Promise.all([
      api.call('tables.variables', { waveId }, { signal }),
      api.call('weights.list', { waveId }, { signal }),
      api.call('waves.columns', { waveId }, { signal }),
    ]).then(
      ([variables, weights, columns]) => {
        if (signal.aborted) return;
        const labelOf = (name: string) => columns.find((c) => c.name === name)?.label || name;
        setResult({
          state: 'ready',
          value: {
            waveId,
            variables,
            weights: weights.map((w) => ({ name: w.name, label: w.kind === 'design' ? labelOf(w.name) : w.name, kind: w.kind, efficiency: w.efficiency })),
          },
        });
      },
      (error: unknown) => !signal.aborted && setResult({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, waveId]);
  return result;
}
