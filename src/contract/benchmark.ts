import { z } from 'zod';

/**
 * A population benchmark file, as read: for each characteristic (named as the survey's column, e.g. ward or
 * age_band), the population of each of its categories, in the file's order.
 */
export const Benchmark = z.object({
  /** The file's name, without its folder, to say where figures came from. */
  file: z.string(),
  characteristics: z.array(
    z.object({
      name: z.string(),
      cells: z.array(z.object({ category: z.string(), population: z.number() })),
    }),
  ),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const BenchmarkFileRequest = z.object({ path: z.string().min(1).max(4096) }).strict();
