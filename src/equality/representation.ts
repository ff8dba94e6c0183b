import type { z } from 'zod';
import { HeardError, type Representation, type RepresentationCategory, type RepresentationRequest as Request } from '../contract/index.js';
import type { RepresentationRequest } from '../contract/equality.js';
import type { ProjectFile } from '../engine/project-file.js';
import { goodnessOfFit } from '../stats/goodness-of-fit.js';
import { wilsonInterval } from '../stats/wilson.js';
import { ageRange, within } from './mapping/age-range.js';
import { resolveMapping, type ResolvedMapping } from './mapping/resolve-mapping.js';
import { representationSentence } from './sentences.js';

export type ParsedRepresentationRequest = z.output<typeof RepresentationRequest>;
export type { Request as RepresentationRequestInput };

interface Group {
  benchmarkCategory: string;
  answers: string[];
  n: number;
  population: number;
}

/**
 * METHODS "Representation": who answered against who lives there, for one characteristic of one wave. Each answer
 * counts in the category its mapping gives (resolve-mapping.ts). Only categories the survey can have are compared:
 * a population category no answer counts in (children, in an adult survey) is left out of the population shares and
 * said so; answers mapped to nothing are left out of the respondent shares and said so. Respondent shares are
 * unweighted, among those counted; intervals are Wilson's (R: prop.test(x, n, correct = FALSE)); flags need both the
 * index beyond its threshold and the population share outside the interval; the fit is chisq.test(counts, p = pi).
 */
export async function representation(project: ProjectFile, request: ParsedRepresentationRequest, signal?: AbortSignal): Promise<Representation> {
  const resolved = await resolveMapping(project, { waveId: request.waveId, variable: request.variable, source: request.source, characteristic: request.characteristic }, signal);
  const { mapping, characteristic, benchmark, variable } = resolved;
  if (!characteristic || !benchmark) throw new HeardError('bad_request', 'A representation needs a population benchmark.');
  const groups = groupsOf(resolved);
  const excluded = characteristic.cells.filter((c) => !groups.some((g) => g.members.includes(c.category)));
  const compared = groups.filter((g) => g.n > 0 || g.population > 0);
  const n = compared.reduce((s, g) => s + g.n, 0);
  const population = compared.reduce((s, g) => s + g.population, 0);
  if (n === 0) throw new HeardError('bad_request', `Nobody's answer to ${variable.label} counts in a category of ${characteristic.label ?? characteristic.name}: map the answers first.`);
  if (!(population > 0)) throw new HeardError('bad_request', `The benchmark has no population in the categories ${variable.label} can be compared with.`);

  const { underBelow, overAbove } = request.thresholds;
  const characteristicKey = resolved.standard?.key ?? characteristic.name;
  const categories: RepresentationCategory[] = compared.map((g) => {
    const share = g.n / n;
    const popShare = g.population / population;
    const ci = wilsonInterval(g.n, n);
    const ri = popShare > 0 ? (100 * share) / popShare : null;
    const flag = ri !== null && ci && ri < underBelow && popShare > ci.hi ? 'under' : ri !== null && ci && ri > overAbove && popShare < ci.lo ? 'over' : null;
    const label = g.answers.length === 1 ? g.answers[0]! : g.benchmarkCategory;
    const figures = { category: label, share: 100 * share, population_share: 100 * popShare, ri, flag } as const;
    return {
      category: label,
      benchmarkCategory: g.benchmarkCategory,
      answers: g.answers,
      n: g.n,
      share: 100 * share,
      population: g.population,
      population_share: 100 * popShare,
      ri,
      ci: ci ? [100 * ci.lo, 100 * ci.hi] : null,
      difference: 100 * (share - popShare),
      flag,
      sentence: representationSentence(characteristicKey, figures),
    };
  });

  const unmapped = mapping.entries.filter((e) => e.category === null && e.n > 0).map((e) => ({ answer: e.answer, n: e.n }));
  const notes: string[] = [...(benchmark.notes ?? [])];
  if (excluded.length > 0) {
    notes.push(`Left out of the population shares, as no answer to ${variable.label} counts in them: ${excluded.map((c) => c.category).join('; ')}.`);
  }
  if (unmapped.length > 0) {
    notes.push(`${unmapped.reduce((s, u) => s + u.n, 0)} respondents gave answers that count in no category and are left out: ${unmapped.map((u) => `${u.answer} (${u.n})`).join('; ')}.`);
  }
  const gof = goodnessOfFit(compared.map((g) => g.n), compared.map((g) => g.population));
  if (!gof) notes.push('No goodness-of-fit test: it needs two or more categories, each with some population.');
  else if (compared.some((g) => (n * g.population) / population < 5)) {
    notes.push('Some categories expect fewer than 5 respondents, so the chi-square test is approximate there.');
  }
  return {
    variable: variable.name,
    variableLabel: variable.label,
    characteristic: characteristic.name,
    characteristicLabel: characteristic.label ?? resolved.standard?.en ?? characteristic.name,
    // A saved benchmark by the name the user gave it; a file read for this request by the file's name.
    benchmark: 'name' in benchmark && typeof benchmark.name === 'string' ? benchmark.name : benchmark.file,
    area: benchmark.area ?? null,
    n,
    categories,
    gof,
    excluded,
    unmapped,
    thresholds: { underBelow, overAbove },
    notes,
  };
}

/**
 * The comparison's categories, in the benchmark's order: each benchmark category with the answers mapped to it, and
 * each age band an answer stands for by itself ('own band': "16-24" against census bands 16–19 and 20–24) with the
 * benchmark bands inside it.
 */
function groupsOf({ mapping, characteristic, standard }: ResolvedMapping): (Group & { members: string[] })[] {
  const cells = characteristic!.cells;
  const groups = new Map<string, Group & { members: string[] }>();
  const ownBands = mapping.entries.filter((e) => e.category !== null && e.category === e.answer && !cells.some((c) => c.category === e.answer));
  for (const cell of cells) {
    const answers = mapping.entries.filter((e) => e.category === cell.category);
    let key = cell.category;
    if (answers.length === 0 && standard?.numericBands) {
      const range = ageRange(cell.category);
      const owner = range ? ownBands.find((b) => within(range, ageRange(b.answer) ?? { lo: NaN, hi: NaN })) : undefined;
      if (!owner) continue;
      key = owner.answer;
    } else if (answers.length === 0) continue;
    const group = groups.get(key) ?? { benchmarkCategory: key, answers: key === cell.category ? answers.map((a) => a.answer) : [key], n: 0, population: 0, members: [] };
    if (group.members.length === 0) group.n = mapping.entries.filter((e) => e.category === key).reduce((s, e) => s + e.n, 0);
    group.population += cell.population;
    group.members.push(cell.category);
    groups.set(key, group);
  }
  return [...groups.values()];
}
