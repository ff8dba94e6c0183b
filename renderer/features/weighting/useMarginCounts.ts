import { useEffect, useRef, useState } from 'react';
import type { Crosstab } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import type { Loadable } from '../data/useLoad';
import { cellKey, type MarginCounts } from './draft';

export function countsKey(variables: readonly string[]): string {
  return variables.join('\u0000');
}

/**
 * Respondents in each category (or pair of categories) of every margin's variables, from an unweighted crosstab,
 * so the page can show them beside the figures and say plainly when a category has nobody in it. Loaded once per
 * set of variables for the wave.
 */
export function useMarginCounts(waveId: number, variableSets: readonly (readonly string[])[]): Map<string, Loadable<MarginCounts>> {
  const api = useApi();
  const [counts, setCounts] = useState(() => new Map<string, Loadable<MarginCounts>>());
  const requested = useRef(new Set<string>());
  const controller = useRef<AbortController | null>(null);
  const wanted = [...new Set(variableSets.map(countsKey))].sort().join('\u0001');

  // A new wave: nothing asked yet. Leaving the page cancels what is still loading.
  useEffect(() => {
    controller.current = new AbortController();
    requested.current = new Set();
    setCounts(new Map());
    return () => controller.current?.abort();
  }, [api, waveId]);

  useEffect(() => {
    const signal = controller.current?.signal;
    if (!signal) return;
    for (const key of wanted ? wanted.split('\u0001') : []) {
      if (requested.current.has(key)) continue;
      requested.current.add(key);
      setCounts((current) => new Map(current).set(key, { state: 'loading' }));
      const [row, col] = key.split('\u0000') as [string, string | undefined];
      api.call('tables.crosstab', { waveId, row, col: col ?? null, comparison: 'none' }, { signal }).then(
        (table) => !signal.aborted && setCounts((current) => new Map(current).set(key, { state: 'ready', value: countsFrom(table, col !== undefined) })),
        (error: unknown) => !signal.aborted && setCounts((current) => new Map(current).set(key, { state: 'failed', error })),
      );
    }
  }, [api, waveId, wanted]);

  return counts;
}

function countsFrom(table: Crosstab, twoWay: boolean): MarginCounts {
  const answers = table.rows.filter((r) => r.kind === 'option' || r.kind === 'other').map((r) => r.label);
  const inRows = new Set(answers);
  const cols: string[] = [];
  const n = new Map<string, number>();
  for (const cell of table.cells) {
    if (!inRows.has(cell.row)) continue;
    if (twoWay) {
      if (cell.col === null) continue;
      if (!cols.includes(cell.col)) cols.push(cell.col);
      n.set(cellKey([cell.row, cell.col]), cell.n);
    } else {
      n.set(cellKey([cell.row]), cell.n);
    }
  }
  return { found: twoWay ? [answers, cols] : [answers], n };
}
