import { z } from 'zod';

export const BenchmarkFormat = z.enum(['characteristic-category', 'category-population', 'ons-custom', 'manual']);
export type BenchmarkFormat = z.infer<typeof BenchmarkFormat>;

export const BenchmarkCharacteristic = z.object({
  /** As the survey's column (ward, age_band) or the standard characteristic an ONS variable is about (ethnic_group). */
  name: z.string(),
  /** The ONS variable's own name ("Ethnic group (8 categories)") when read from an ONS download. */
  label: z.string().optional(),
  cells: z.array(z.object({ category: z.string(), population: z.number() })),
});
export type BenchmarkCharacteristic = z.infer<typeof BenchmarkCharacteristic>;

/**
 * A population benchmark, as read from a file or entered by hand: for each characteristic, the population of each
 * of its categories, in the file's order.
 */
export const Benchmark = z.object({
  /** The file's name, without its folder, to say where figures came from. */
  file: z.string(),
  format: BenchmarkFormat.optional(),
  /** The local authority (or other area) an ONS download was read for. */
  area: z.object({ code: z.string(), name: z.string() }).nullable().optional(),
  characteristics: z.array(BenchmarkCharacteristic),
  /** What reading did that the user should know: categories left out, totals that differ between ONS tables. */
  notes: z.array(z.string()).optional(),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const BenchmarkFileRequest = z
  .object({
    path: z.string().min(1).max(4096),
    /** ONS download covering several areas: the area's code or name. */
    area: z.string().min(1).max(200).optional(),
    /** ONS download: only this variable (its name, or part of it: "ethnic"). */
    variable: z.string().min(1).max(200).optional(),
    /** A two-column `category,population` file: the characteristic it is for (default: its first heading). */
    characteristic: z.string().min(1).max(200).optional(),
  })
  .strict();
export type BenchmarkFileRequest = z.infer<typeof BenchmarkFileRequest>;
