import { useCallback, useEffect, useState } from 'react';
import type { Codeframe, QuestionCoding } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';

export interface ThemeQuestionState {
  coding: QuestionCoding;
  /** The attached codeframe with its themes; null when the question has none yet. */
  codeframe: Codeframe | null;
}

/** A question's coding (counts, agreement, sentiment) and its codeframe, reloaded after every change. */
export function useThemeQuestion(waveId: number | null, question: string): { state: Loadable<ThemeQuestionState>; refresh(): Promise<void> } {
  const api = useApi();
  const [state, setState] = useState<Loadable<ThemeQuestionState>>({ state: 'loading' });
  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (waveId === null || question === '') return;
      try {
        const coding = await api.call('themes.summary', { waveId, question }, { signal });
        const codeframe = coding.codeframe ? await api.call('themes.codeframe', { codeframeId: coding.codeframe.id }, { signal }) : null;
        if (!signal?.aborted) setState({ state: 'ready', value: { coding, codeframe } });
      } catch (error) {
        if (!signal?.aborted) setState({ state: 'failed', error });
      }
    },
    [api, waveId, question],
  );
  useEffect(() => {
    const controller = new AbortController();
    setState({ state: 'loading' });
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  return { state, refresh: useCallback(() => load(), [load]) };
}
