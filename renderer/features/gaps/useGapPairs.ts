import { useCallback, useEffect, useState } from 'react';
import type { GapPairs } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';

type PairAction = 'gaps.savePair' | 'gaps.unpair' | 'gaps.saveTarget' | 'gaps.deleteTarget';

export interface GapPairsState {
  pairs: Loadable<GapPairs>;
  /** Saves a change (each answers with the wave's pairs, which replace these); rejects with the backend's error. */
  change(action: PairAction, request: object): Promise<void>;
}

/** The wave's pairs, reloaded when the wave changes and replaced by the answer to every change the user saves. */
export function useGapPairs(waveId: number | null): GapPairsState {
  const api = useApi();
  const [pairs, setPairs] = useState<Loadable<GapPairs>>({ state: 'loading' });
  useEffect(() => {
    if (waveId === null) return;
    const controller = new AbortController();
    setPairs({ state: 'loading' });
    api.call('gaps.pairs', { waveId }, { signal: controller.signal }).then(
      (value) => !controller.signal.aborted && setPairs({ state: 'ready', value }),
      (error: unknown) => !controller.signal.aborted && setPairs({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, waveId]);
  const change = useCallback(
    async (action: PairAction, request: object) => {
      if (waveId === null) return;
      const value = await api.call(action, { waveId, ...request } as never);
      setPairs({ state: 'ready', value });
    },
    [api, waveId],
  );
  return { pairs, change };
}
