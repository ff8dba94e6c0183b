import { HeardError, type Benchmark, type SavedBenchmark } from '../../contract/index.js';
import type { ProjectFile, Tx } from '../../engine/project-file.js';

/**
 * Saves a benchmark in the project under `name`, all or nothing; with `replace`, one of that name is replaced.
 * Returns its id. Characteristics and categories keep their order.
 */
export async function saveBenchmark(project: ProjectFile, name: string, benchmark: Benchmark, replace = false): Promise<number> {
  if (benchmark.characteristics.length === 0) throw new HeardError('bad_request', `The benchmark "${name}" has no figures to save.`);
  return project.write((tx) => insertBenchmark(tx, name, benchmark, replace));
}

/** The same, inside a transaction the caller holds (the sample project's build). */
export async function insertBenchmark(tx: Tx, name: string, benchmark: Benchmark, replace: boolean): Promise<number> {
  const [existing] = await tx.read('SELECT id FROM benchmarks WHERE name = $1', [name]);
  if (existing) {
    if (!replace) throw new HeardError('bad_request', `There is already a benchmark called "${name}" in this project. Choose another name, or replace it.`);
    await tx.run('DELETE FROM benchmark_cells WHERE benchmark_id = $1', [Number(existing.id)]);
    await tx.run('DELETE FROM benchmarks WHERE id = $1', [Number(existing.id)]);
  }
  const [row] = await tx.read(
    'INSERT INTO benchmarks (name, source_file, format, area_code, area_name, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [name, benchmark.file, benchmark.format ?? 'characteristic-category', benchmark.area?.code ?? null, benchmark.area?.name ?? null, JSON.stringify(benchmark.notes ?? [])],
  );
  const id = Number(row!.id);
  for (const c of benchmark.characteristics) {
    for (const [position, cell] of c.cells.entries()) {
      await tx.run('INSERT INTO benchmark_cells VALUES ($1, $2, $3, $4, $5, $6)', [id, c.name, c.label ?? null, position, cell.category, cell.population]);
    }
  }
  await tx.run("INSERT INTO audit_log (action, detail) VALUES ('save_benchmark', $1)", [JSON.stringify({ id, name, file: benchmark.file })]);
  return id;
}

export async function listBenchmarks(project: ProjectFile): Promise<SavedBenchmark[]> {
  const rows = await project.read('SELECT id FROM benchmarks ORDER BY created_at, id');
  return Promise.all(rows.map((r) => loadBenchmark(project, Number(r.id))));
}

export async function loadBenchmark(project: ProjectFile, id: number): Promise<SavedBenchmark> {
  const [b] = await project.read('SELECT * FROM benchmarks WHERE id = $1', [id]);
  if (!b) throw new HeardError('not_found', `There is no benchmark ${id} in this project.`);
  const cells = await project.read('SELECT characteristic, label, category, population FROM benchmark_cells WHERE benchmark_id = $1 ORDER BY characteristic, position', [id]);
  const order = await project.read('SELECT characteristic, min(rowid) AS first FROM benchmark_cells WHERE benchmark_id = $1 GROUP BY ALL ORDER BY first', [id]);
  const characteristics = order.map((o) => {
    const mine = cells.filter((c) => c.characteristic === o.characteristic);
    const label = mine[0]?.label;
    return {
      name: String(o.characteristic),
      ...(label ? { label: String(label) } : {}),
      cells: mine.map((c) => ({ category: String(c.category), population: Number(c.population) })),
    };
  });
  return {
    id,
    name: String(b.name),
    file: String(b.source_file),
    format: b.format as SavedBenchmark['format'],
    area: b.area_code === null ? null : { code: String(b.area_code), name: String(b.area_name) },
    characteristics,
    notes: JSON.parse(String(b.notes)) as string[],
  };
}

export async function deleteBenchmark(project: ProjectFile, id: number): Promise<void> {
  await project.write(async (tx) => {
    await tx.run('DELETE FROM benchmark_cells WHERE benchmark_id = $1', [id]);
    await tx.run('DELETE FROM benchmarks WHERE id = $1', [id]);
  });
}

/** Figures entered by hand, as a benchmark. */
export function manualBenchmark(cells: readonly { characteristic: string; category: string; population: number }[]): Benchmark {
  const byName = new Map<string, Benchmark['characteristics'][number]>();
  for (const c of cells) {
    let entry = byName.get(c.characteristic);
    if (!entry) byName.set(c.characteristic, (entry = { name: c.characteristic, cells: [] }));
    if (entry.cells.some((x) => x.category === c.category)) throw new HeardError('bad_request', `${c.characteristic}: ${c.category} is given twice.`);
    entry.cells.push({ category: c.category, population: c.population });
  }
  return { file: 'entered by hand', format: 'manual', area: null, characteristics: [...byName.values()], notes: [] };
}
