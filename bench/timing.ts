import { performance } from 'node:perf_hooks';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds of `work`, the median of `times` runs after one warm-up run. */
export async function medianMs(work: () => Promise<unknown>, times = 5): Promise<number> {
  await work();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  return median(ms);
}
