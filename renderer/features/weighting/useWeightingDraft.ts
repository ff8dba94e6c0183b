import { useEffect, useRef, useState } from 'react';
import type { Benchmark, ColumnInfo, RakeMargin } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { fileNameOf } from '../locality/choice';
import { emptyOptions, type MarginDraft, type MarginUnit, type WeightingOptions } from './draft';

export type BenchmarkState =
  | { state: 'none' }
  | { state: 'reading'; path: string }
  | { state: 'read'; path: string; benchmark: Benchmark }
  | { state: 'failed'; path: string; error: unknown };

/**
 * The new weight being built: its margins with their figures, the options, and the benchmark file read. Held above
 * the wave, so the same margins can be used for another wave of the survey; margins over columns the chosen wave
 * lacks are dropped when its columns arrive.
 */
export function useWeightingDraft(columns: readonly ColumnInfo[] | null) {
  const api = useApi();
  const [drafts, setDrafts] = useState<MarginDraft[]>([]);
  const [options, setOptionsState] = useState<WeightingOptions>(emptyOptions);
  const [benchmark, setBenchmark] = useState<BenchmarkState>({ state: 'none' });
  const [benchmarkPath, setBenchmarkPath] = useState('');
  const nextId = useRef(1);
  const benchmarkCall = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!columns) return;
    const names = new Set(columns.map((c) => c.name));
    setDrafts((current) => {
      const kept = current.filter((d) => d.variables.every((v) => names.has(v)));
      return kept.length === current.length ? current : kept;
    });
  }, [columns]);

  useEffect(() => () => benchmarkCall.current?.abort(), []);

  const update = (id: string, change: (draft: MarginDraft) => MarginDraft) =>
    setDrafts((current) => current.map((d) => (d.id === id ? change(d) : d)));

  return {
    drafts,
    options,
    benchmark,
    benchmarkPath,
    newId: () => `margin-${nextId.current++}`,
    add(draft: MarginDraft): void {
      setDrafts((current) => [...current, draft]);
    },
    remove(id: string): void {
      setDrafts((current) => current.filter((d) => d.id !== id));
    },
    replace(id: string, draft: MarginDraft): void {
      update(id, () => draft);
    },
    setUnit(id: string, unit: MarginUnit): void {
      update(id, (d) => ({ ...d, unit }));
    },
    setFigure(id: string, key: string, typed: string): void {
      // Figures from a file that are then changed are no longer just the file's: say so beside them.
      update(id, (d) => ({ ...d, figures: { ...d.figures, [key]: typed }, source: d.source && { ...d.source, edited: true } }));
    },
    setOptions(patch: Partial<WeightingOptions>): void {
      setOptionsState((current) => ({ ...current, ...patch }));
    },
    setBenchmarkPath,
    /** Reads the benchmark file at `path`; the figures are then offered to every one-variable margin. */
    async readBenchmark(path: string): Promise<Benchmark | null> {
      benchmarkCall.current?.abort();
      const controller = new AbortController();
      benchmarkCall.current = controller;
      setBenchmark({ state: 'reading', path });
      try {
        const read = await api.call('weights.readBenchmark', { path }, { signal: controller.signal });
        if (!controller.signal.aborted) setBenchmark({ state: 'read', path, benchmark: read });
        return read;
      } catch (error) {
        if (!controller.signal.aborted) setBenchmark({ state: 'failed', path, error });
        return null;
      }
    },
    /** Reads a margins file (variable columns, then population); the caller makes it a margin. */
    readMarginsFile(path: string, signal: AbortSignal): Promise<{ margin: RakeMargin; file: string }> {
      return api.call('weights.readMargins', { path }, { signal }).then((margin) => ({ margin, file: fileNameOf(path) }));
    },
  };
}

export type WeightingDraft = ReturnType<typeof useWeightingDraft>;
