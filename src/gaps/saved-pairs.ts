import { HeardError } from '../contract/index.js';
import type { SavedGapTarget } from '../contract/gaps.js';
import type { ProjectFile, Tx } from '../engine/project-file.js';
import type { Side } from './detect-pairs.js';

/*
 * What the user said about pairs and targets, kept per survey so it holds for every wave (migration 5).
 *
 * Pairing builds on the pair key the import stores in questions.pair (the 'metadata' source of detect-pairs.ts):
 * confirming or making a pair writes the same key for its two questions in survey_pairs, which overrides
 * questions.pair by question name; unpairing writes a NULL key, which also keeps the question out of the automatic
 * passes (names, wording) so that it stays unpaired until the user pairs it by hand.
 */

type Reader = Pick<ProjectFile, 'read'>;

/** The user's word on one question: its pair key (null: unpaired by the user) and the side it was given. */
export interface SavedPairing {
  pair: string | null;
  side: Side | null;
}

export async function surveyOfWave(project: Reader, waveId: number): Promise<number> {
  const [row] = await project.read('SELECT survey_id FROM waves WHERE id = $1', [waveId]);
  if (!row) throw new HeardError('not_found', `There is no wave ${waveId} in this project.`);
  return Number(row.survey_id);
}

export async function savedPairings(project: Reader, surveyId: number): Promise<Map<string, SavedPairing>> {
  const rows = await project.read('SELECT name, pair, side FROM survey_pairs WHERE survey_id = $1', [surveyId]);
  return new Map(rows.map((r) => [String(r.name), { pair: r.pair === null ? null : String(r.pair), side: r.side === null ? null : (String(r.side) as Side) }]));
}

/** The targets saved for a survey's pairs, by "importance\u0001satisfaction". */
export async function savedTargets(project: Reader, surveyId: number): Promise<Map<string, SavedGapTarget>> {
  const rows = await project.read(
    'SELECT importance, satisfaction, target_value, target_year, direction, baseline_value, baseline_year FROM gap_targets WHERE survey_id = $1',
    [surveyId],
  );
  return new Map(
    rows.map((r) => [
      targetKey(String(r.importance), String(r.satisfaction)),
      {
        value: Number(r.target_value),
        year: Number(r.target_year),
        direction: String(r.direction) as 'lower' | 'higher',
        baseline: r.baseline_value === null ? null : { value: Number(r.baseline_value), year: Number(r.baseline_year) },
      },
    ]),
  );
}

export const targetKey = (importance: string, satisfaction: string) => `${importance}\u0001${satisfaction}`;

export interface PairNames {
  importance: string;
  satisfaction: string;
}

/**
 * Confirms a pair, or pairs two questions by hand: both get one key, in one transaction. A pair confirmed as found
 * keeps its key (so charts and targets stay put); a new pairing gets a key of its own, made from the two names, that
 * no question's imported key can share. A former partner of either question keeps its own key alone, so it is free
 * to be paired again.
 */
export async function savePair(project: ProjectFile, waveId: number, names: PairNames, foundKey: string | null): Promise<void> {
  const surveyId = await surveyOfWave(project, waveId);
  await checkQuestions(project, waveId, names);
  const key = foundKey ?? `${names.importance}+${names.satisfaction}`;
  await project.write(async (tx) => {
    await upsert(tx, surveyId, names.importance, key, 'importance');
    await upsert(tx, surveyId, names.satisfaction, key, 'satisfaction');
    await audit(tx, 'save_pair', { surveyId, ...names, key });
  });
}

/** Unpairs two questions for every wave of the survey; a target saved for them is kept, should they be paired again. */
export async function unpair(project: ProjectFile, waveId: number, names: PairNames): Promise<void> {
  const surveyId = await surveyOfWave(project, waveId);
  await checkQuestions(project, waveId, names);
  await project.write(async (tx) => {
    await upsert(tx, surveyId, names.importance, null, 'importance');
    await upsert(tx, surveyId, names.satisfaction, null, 'satisfaction');
    await audit(tx, 'unpair', { surveyId, ...names });
  });
}

export async function saveTarget(project: ProjectFile, waveId: number, names: PairNames, target: SavedGapTarget): Promise<void> {
  const surveyId = await surveyOfWave(project, waveId);
  await checkQuestions(project, waveId, names);
  if (target.baseline && target.baseline.year >= target.year) {
    throw new HeardError('bad_request', `The baseline year (${target.baseline.year}) must come before the target year (${target.year}).`);
  }
  await project.write(async (tx) => {
    await tx.run(
      `INSERT OR REPLACE INTO gap_targets (survey_id, importance, satisfaction, target_value, target_year, direction, baseline_value, baseline_year, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_timestamp)`,
      [surveyId, names.importance, names.satisfaction, target.value, target.year, target.direction, target.baseline?.value ?? null, target.baseline?.year ?? null],
    );
    await audit(tx, 'save_target', { surveyId, ...names, target });
  });
}

export async function deleteTarget(project: ProjectFile, waveId: number, names: PairNames): Promise<void> {
  const surveyId = await surveyOfWave(project, waveId);
  await project.write(async (tx) => {
    const [found] = await tx.read('SELECT 1 FROM gap_targets WHERE survey_id = $1 AND importance = $2 AND satisfaction = $3', [surveyId, names.importance, names.satisfaction]);
    if (!found) throw new HeardError('not_found', `There is no target saved for ${names.importance} and ${names.satisfaction}.`);
    await tx.run('DELETE FROM gap_targets WHERE survey_id = $1 AND importance = $2 AND satisfaction = $3', [surveyId, names.importance, names.satisfaction]);
    await audit(tx, 'delete_target', { surveyId, ...names });
  });
}

/** Both questions must be closed questions of this wave, and two different ones. */
async function checkQuestions(project: Reader, waveId: number, names: PairNames): Promise<void> {
  if (names.importance === names.satisfaction) throw new HeardError('bad_request', 'The importance and satisfaction items must be two different questions.');
  const rows = await project.read("SELECT name FROM questions WHERE wave_id = $1 AND name IN ($2, $3) AND type IN ('likert', 'single')", [waveId, names.importance, names.satisfaction]);
  const found = new Set(rows.map((r) => String(r.name)));
  for (const [side, name] of [['importance', names.importance], ['satisfaction', names.satisfaction]] as const) {
    if (!found.has(name)) throw new HeardError('not_found', `This wave has no closed question "${name}" to use as the ${side} item.`);
  }
}

async function upsert(tx: Tx, surveyId: number, name: string, pair: string | null, side: Side): Promise<void> {
  await tx.run('INSERT OR REPLACE INTO survey_pairs (survey_id, name, pair, side, updated_at) VALUES ($1, $2, $3, $4, current_timestamp)', [surveyId, name, pair, side]);
}

async function audit(tx: Tx, action: string, detail: object): Promise<void> {
  await tx.run('INSERT INTO audit_log (action, detail) VALUES ($1, $2)', [action, JSON.stringify(detail)]);
}
