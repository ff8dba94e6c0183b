import { useEffect, useState } from 'react';
import type { GapPair, GapResult } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';
import { gapRequest, type GapChoice } from './choice';

export interface GapResults {
  /** The choice and pairs these results are for (the form may have moved on). */
  choice: GapChoice;
  pairs: GapPair[];
  /** One result per pair, in the same order. */
  results: GapResult[];
}

/**
 * Every pair's headline gap for the chosen wave, weight and method. The first call also charts every pair (one
 * chart for the wave), the others leave it out, since it costs a pass over each item.
 */
export function useGapResults(choice: GapChoice | null, pairs: GapPair[] | null): Loadable<GapResults> | null {
  const api = useApi();
  const [results, setResults] = useState<Loadable<GapResults> | null>(null);
  const key = JSON.stringify([choice, pairs]);
  useEffect(() => {
    if (!choice || !pairs) return;
    if (pairs.length === 0) {
      setResults({ state: 'ready', value: { choice, pairs, results: [] } });
      return;
    }
    const controller = new AbortController();
    const { signal } = controller;
    setResults({ state: 'loading' });
    Promise.all(pairs.map((pair, i) => api.call('gaps.compute', gapRequest(choice, pair, { itemChart: i === 0 }), { signal }))).then(
      (value) => !signal.aborted && setResults({ state: 'ready', value: { choice, pairs, results: value } }),
      (error: unknown) => !signal.aborted && setResults({ state: 'failed', error }),
    );
    return () => controller.abort();
    // `key` stands for choice and pairs by value, so that a new object with the same content does not ask again.
  }, [api, key]);
  return results;
}
