import { HeardError, type Benchmark } from '../../contract/index.js';
import { characteristicOf, normaliseLabel } from '../standard-categories.js';
import type { BenchmarkReadOptions } from './read-benchmark.js';
import { parsePopulation } from './read-benchmark.js';

/** ONS marks the cells a variable does not apply to (children's sexual orientation) with code −8. */
const DOES_NOT_APPLY = '-8';

interface Variable {
  label: string;
  codeAt: number;
  labelAt: number;
}

/**
 * An ONS Census 2021 "create a custom dataset" download: `<area type> Code, <area type>`, then a `<variable> Code,
 * <variable>` pair per variable, then `Observation`, one row per combination. For the chosen area, each variable
 * (or only the one asked for) becomes a characteristic whose categories' populations are summed over the other
 * variables. "Does not apply" (−8) is left out and said so. ONS perturbs every table slightly (cell-key
 * perturbation), so two variables' totals may differ by a few people: each characteristic keeps its own total and its
 * shares are of that total; the difference is reported, never an error.
 */
export function readOnsCustomDataset(name: string, header: string[], rows: string[][], options: BenchmarkReadOptions): Benchmark {
  const pairs = header.length - 1;
  if (pairs < 4 || pairs % 2 !== 0 || !/ code$/i.test(header[0]!)) {
    throw new HeardError('invalid_file', `The benchmark file ${name} ends in "Observation" but is not laid out as an ONS custom dataset: area code and name, then a code and a name column per variable (found: ${header.join(', ')}).`);
  }
  const variables: Variable[] = [];
  for (let at = 2; at < header.length - 1; at += 2) variables.push({ label: header[at + 1]!, codeAt: at, labelAt: at + 1 });
  const wanted = options.variable ? variables.filter((v) => normaliseLabel(v.label).includes(normaliseLabel(options.variable!))) : variables;
  if (wanted.length === 0) {
    throw new HeardError('bad_request', `The benchmark file ${name} has no variable "${options.variable}". Its variables are: ${variables.map((v) => v.label).join('; ')}.`);
  }

  const areas = new Map<string, string>();
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new HeardError('invalid_file', `Row ${i + 2} of ${name} has ${row.length} values; the heading has ${header.length}.`);
    if (!areas.has(row[0]!)) areas.set(row[0]!, row[1]!);
  });
  const area = chooseArea(name, header[1]!, areas, options.area);

  const totals = wanted.map(() => new Map<string, { code: string; population: number }>());
  const notApplicable = wanted.map(() => 0);
  rows.forEach((row, i) => {
    if (row[0] !== area.code) return;
    const population = parsePopulation(row.at(-1)!);
    if (population === null) {
      throw new HeardError('invalid_file', `Row ${i + 2} of ${name} (${area.name}) has Observation "${row.at(-1)}" in column ${header.length}; it must be a number, 0 or more.`);
    }
    wanted.forEach((v, k) => {
      if (row[v.codeAt] === DOES_NOT_APPLY) {
        notApplicable[k]! += population;
        return;
      }
      const label = row[v.labelAt]!;
      const cell = totals[k]!.get(label) ?? { code: row[v.codeAt]!, population: 0 };
      cell.population += population;
      totals[k]!.set(label, cell);
    });
  });

  const notes: string[] = [];
  const characteristics = wanted.map((v, k) => {
    const cells = [...totals[k]!].sort(([, a], [, b]) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code)).map(([category, c]) => ({ category, population: c.population }));
    if (notApplicable[k]! > 0) notes.push(`${v.label}: ${notApplicable[k]} people for whom it does not apply (for example children) are left out.`);
    return { name: characteristicOf(v.label)?.key ?? snake(v.label), label: v.label, cells };
  });
  const sums = characteristics.map((c) => c.cells.reduce((s, x) => s + x.population, 0));
  const [lo, hi] = [Math.min(...sums), Math.max(...sums)];
  if (characteristics.length > 1 && hi > lo) {
    notes.push(`The variables' totals differ slightly (${lo.toLocaleString('en-GB')} to ${hi.toLocaleString('en-GB')}), as ONS adjusts every table a little to protect confidentiality; each characteristic's shares are of its own total.`);
  }
  return { file: name, format: 'ons-custom', area, characteristics, notes };
}

function chooseArea(name: string, areaType: string, areas: Map<string, string>, asked: string | undefined): { code: string; name: string } {
  if (asked) {
    const key = normaliseLabel(asked);
    for (const [code, areaName] of areas) if (normaliseLabel(code) === key || normaliseLabel(areaName) === key) return { code, name: areaName };
    throw new HeardError('bad_request', `The benchmark file ${name} has no area "${asked}" (by code or name) among its ${areas.size} ${areaType.toLowerCase()}.`);
  }
  if (areas.size === 1) {
    const [code, areaName] = [...areas][0]!;
    return { code, name: areaName };
  }
  const examples = [...areas].slice(0, 3).map(([code, n]) => `${code} ${n}`).join(', ');
  throw new HeardError('bad_request', `The benchmark file ${name} covers ${areas.size} ${areaType.toLowerCase()}: choose one by its code or name (for example ${examples}).`);
}

function snake(label: string): string {
  return normaliseLabel(label).replace(/ /g, '_') || 'characteristic';
}
