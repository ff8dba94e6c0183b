import { HeardError } from '../contract/index.js';
import type { ProjectFile } from '../engine/project-file.js';
import { tableVariables, type TableVariableSpec } from '../tables/variables.js';
import { resolveWeight, type WeightSql } from '../weighting/resolve-weight.js';
import { answerSums } from './answer-sums.js';
import type { GapCell } from './gap-figures.js';
import { gapItem, type GapItem } from './gap-item.js';

export interface WaveInfo {
  id: number;
  table: string;
  rows: number;
  year: number | null;
}

export async function waveInfo(project: ProjectFile, waveId: number): Promise<WaveInfo> {
  const [wave] = await project.read('SELECT table_name, row_count, year FROM waves WHERE id = $1', [waveId]);
  if (!wave) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  return { id: waveId, table: String(wave.table_name), rows: Number(wave.row_count), year: wave.year === null ? null : Number(wave.year) };
}

export interface GapSpec {
  importance: string;
  satisfaction: string;
  topImportance?: readonly string[] | null;
  topSatisfaction?: readonly string[] | null;
  weight?: string | null;
  by?: string | null;
}

/** Everything a gap is computed from: the items, breakdown and weight as read for this wave, and the answer cells. */
export interface GapCells {
  wave: WaveInfo;
  variables: TableVariableSpec[];
  imp: GapItem;
  sat: GapItem;
  by: TableVariableSpec | null;
  weight: WeightSql;
  cells: GapCell[];
  /** The N of every variance: rows in the weighted design. */
  designRows: number;
  outsideDesign: number;
}

/**
 * The one pass over the wave a gap needs: respondents grouped by their answers to both items (and the breakdown),
 * each group read once: in each item's valid base, in its top box, its score, and the breakdown groups it is in.
 */
export async function gapCells(project: ProjectFile, waveId: number, spec: GapSpec, signal?: AbortSignal): Promise<GapCells> {
  const wave = await waveInfo(project, waveId);
  const variables = await tableVariables(project, wave.id);
  const imp = gapItem(variables, spec.importance, 'importance', spec.topImportance);
  const sat = gapItem(variables, spec.satisfaction, 'satisfaction', spec.topSatisfaction);
  if (imp.variable.name === sat.variable.name) throw new HeardError('bad_request', 'The importance and satisfaction items must be two different questions.');
  const by = spec.by ? breakdown(variables, spec.by) : null;
  const weight = await resolveWeight(project, wave.id, spec.weight);
  const sums = await answerSums(project, wave, [imp.variable, sat.variable, ...(by ? [by] : [])], weight, signal);
  const cells = sums.combos.map((c) => ({
    ...c,
    imp: imp.classify(c.answers[0]!),
    sat: sat.classify(c.answers[1]!),
    groups: by ? by.categoriesOf(c.answers[2]!) : [],
  }));
  return { wave, variables, imp, sat, by, weight, cells, designRows: sums.designRows, outsideDesign: sums.outsideDesign };
}

/** A breakdown: any closed question or placed locality whose answers put each respondent in at most one group. */
function breakdown(variables: readonly TableVariableSpec[], name: string): TableVariableSpec {
  const found = variables.find((v) => v.name === name);
  if (!found) throw new HeardError('not_found', `This wave has no question "${name}" to break the gap down by. Closed questions can: ${variables.map((v) => v.name).join(', ')}.`);
  if (!found.asColumn) throw new HeardError('bad_request', `"${name}" is a multi-choice question, so one respondent can be in several of its groups; choose a single-answer question.`);
  return found;
}
