import { useCallback, useEffect, useState } from 'react';
import type { SavedBenchmark, TableVariable } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';
import { useWaveOptions, type WeightOption } from '../tables/useWaveOptions';

export interface EqualityVariableOption {
  name: string;
  label: string;
  kind: string;
  characteristic: string | null;
}

export interface EqualitySetup {
  waveId: number;
  /** Questions that can be characteristics (closed, free text, placed ward and decile). */
  characteristics: EqualityVariableOption[];
  /** Questions that can be outcomes (closed and scales), from the tables' list. */
  outcomes: TableVariable[];
  /** Coded free-text questions, whose themes' prevalence can be broken down. */
  themes: TableVariable[];
  weights: WeightOption[];
}

/** A wave's characteristics, outcomes and weights, loaded together whenever the wave changes. */
export function useEqualitySetup(waveId: number | null): Loadable<EqualitySetup> {
  const api = useApi();
  const tables = useWaveOptions(waveId);
  const [characteristics, setCharacteristics] = useState<Loadable<EqualityVariableOption[]>>({ state: 'loading' });
  useEffect(() => {
    if (waveId === null) return;
    const controller = new AbortController();
    setCharacteristics({ state: 'loading' });
    api.call('equality.variables', { waveId }, { signal: controller.signal }).then(
      (value) => !controller.signal.aborted && setCharacteristics({ state: 'ready', value }),
      (error: unknown) => !controller.signal.aborted && setCharacteristics({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, waveId]);
  if (tables.state === 'failed') return tables;
  if (characteristics.state === 'failed') return characteristics;
  if (tables.state !== 'ready' || characteristics.state !== 'ready' || tables.value.waveId !== waveId) return { state: 'loading' };
  return {
    state: 'ready',
    value: {
      waveId,
      characteristics: characteristics.value,
      outcomes: tables.value.variables.filter((v) => v.kind === 'likert' || v.kind === 'single'),
      themes: tables.value.variables.filter((v) => v.kind === 'multi' && v.name.startsWith('theme:')),
      weights: tables.value.weights,
    },
  };
}

/** The benchmarks saved in the project, with a way to read them again after one is added. */
export function useBenchmarks(): [Loadable<SavedBenchmark[]>, () => void] {
  const api = useApi();
  const [result, setResult] = useState<Loadable<SavedBenchmark[]>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api.call('equality.benchmarks', {}, { signal: controller.signal }).then(
      (value) => !controller.signal.aborted && setResult({ state: 'ready', value }),
      (error: unknown) => !controller.signal.aborted && setResult({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, round]);
  return [result, useCallback(() => setRound((r) => r + 1), [])];
}
