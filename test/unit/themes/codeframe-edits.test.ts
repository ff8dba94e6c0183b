import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend.js';
import { methods, type MethodName } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importDescribedCsv } from '../../../src/import/import-described-csv.js';
import { tempDir } from '../../support/temp-dir.js';

// Editing a codeframe that already codes answers: merge, split and delete move or retire codes, and each can be undone;
// nets have two levels; a bad codeframe file is refused saying where.
const dir = tempDir();
const ANSWERS = ['Parking is awful', 'Parking and the library', 'More library books please', 'Cost of parking', 'Nothing to add', 'Library hours'];
let backend: Backend;
let waveId: number;
let count = 0;
// As the rpc server does: the request parsed by its schema (defaults filled in), then the handler.
const call = <T>(name: string, params: object) =>
  (backend.handlers as unknown as Record<string, (p: object, ctx: object) => Promise<T>>)[name]!(methods[name as MethodName].request.parse(params) as object, {
    signal: new AbortController().signal,
    progress: () => undefined,
  });

beforeEach(async () => {
  const file = path.join(dir, `p${count++}.heard`);
  const csv = path.join(dir, 'answers.csv');
  fs.writeFileSync(csv, `id,comment\n${ANSWERS.map((a, i) => `R${i + 1},${a}`).join('\n')}\n`);
  const project = await ProjectFile.create(file);
  waveId = await project.write(async (tx) => {
    const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Test', 'consultation') RETURNING id");
    return importDescribedCsv(tx, {
      surveyId: Number(s!.id),
      label: '2024',
      year: 2024,
      file: csv,
      columns: [
        { header: 'id', name: 'id', label: 'Response ID', type: 'id', role: 'respondent_id', options: [], nonSubstantive: [] },
        { header: 'comment', name: 'comment', label: 'Comment', type: 'text', role: 'none', options: [], nonSubstantive: [] },
      ],
    });
  });
  await project.close();
  await backend?.close();
  backend = await createBackend({ dataDir: path.join(dir, 'data'), project: file });
});

interface Frame { id: number; themes: { id: number; code: string; name: string; parent: string | null }[] }
interface Summary { counts: { code: string; n: number; bySource: { human: number } }[]; undo: string | null }
const q = () => ({ waveId, question: 'comment' });

async function coded(): Promise<Frame> {
  const frame = await call<Frame>('themes.createCodeframe', {
    name: 'Town',
    themes: [
      { code: 'PARK', name: 'Parking', keywords: ['park*'] },
      { code: 'LIB', name: 'Library', keywords: ['library'] },
      { code: 'COST', name: 'Cost', keywords: ['cost'] },
    ],
  });
  await call('themes.attach', { ...q(), codeframeId: frame.id });
  await call('themes.apply', { ...q(), trainFromHuman: false, threshold: 0.4 });
  return frame;
}
const counts = async () => Object.fromEntries((await call<Summary>('themes.summary', q())).counts.map((c) => [c.code, c.n]));

describe('editing a codeframe in use', () => {
  it('codes by the rules first', async () => {
    await coded();
    expect(await counts()).toEqual({ PARK: 3, LIB: 3, COST: 1 });
  });

  it('merges themes: responses with either carry the one kept, once; undo brings both back', async () => {
    const frame = await coded();
    const [park, , cost] = frame.themes;
    const merged = await call<Frame>('themes.mergeThemes', { codeframeId: frame.id, from: [cost!.id], into: park!.id });
    expect(merged.themes.map((t) => t.code)).toEqual(['PARK', 'LIB']);
    expect(await counts()).toEqual({ PARK: 3, LIB: 3 });
    expect((await call<{ undone: string }>('themes.undo', q())).undone).toBe('Merged COST into PARK');
    expect(await counts()).toEqual({ PARK: 3, LIB: 3, COST: 1 });
  });

  it('keeps a person\'s decision as a person\'s through a merge', async () => {
    const frame = await coded();
    const [park, lib, cost] = frame.themes;
    await call('themes.decide', { ...q(), row: 4, decisions: [{ themeId: cost!.id, present: true }], done: true, who: 'me' });
    await call('themes.mergeThemes', { codeframeId: frame.id, from: [cost!.id, lib!.id], into: park!.id });
    const s = await call<Summary>('themes.summary', q());
    expect(s.counts.map((c) => [c.code, c.n, c.bySource.human])).toEqual([['PARK', 6, 1]]);
  });

  it('splits a theme: its codes go (kept for undo) and its responses return to the review queue', async () => {
    const frame = await coded();
    const [park] = frame.themes;
    for (let row = 0; row < ANSWERS.length; row++) await call('themes.decide', { ...q(), row, decisions: [], done: true });
    const split = await call<Frame>('themes.splitTheme', { codeframeId: frame.id, themeId: park!.id, into: [{ name: 'Parking charges' }, { name: 'Parking spaces' }] });
    expect(split.themes.map((t) => t.name)).toEqual(['Parking charges', 'Parking spaces', 'Library', 'Cost']);
    expect((await call<{ remaining: number }>('themes.reviewNext', q())).remaining).toBe(3);
    await call('themes.undo', q());
    expect((await call<Frame>('themes.codeframe', { codeframeId: frame.id })).themes.map((t) => t.code)).toEqual(['PARK', 'LIB', 'COST']);
    expect((await call<{ remaining: number }>('themes.reviewNext', q())).remaining).toBe(0);
    expect(await counts()).toEqual({ PARK: 3, LIB: 3, COST: 1 });
  });

  it('deletes a theme and undoes the delete', async () => {
    const frame = await coded();
    await call('themes.deleteTheme', { codeframeId: frame.id, themeId: frame.themes[1]!.id });
    expect(await counts()).toEqual({ PARK: 3, COST: 1 });
    await call('themes.undo', q());
    expect(await counts()).toEqual({ PARK: 3, LIB: 3, COST: 1 });
  });

  it('counts a net once for a response with several of its themes, and keeps nets to two levels', async () => {
    const frame = await coded();
    await call('themes.saveTheme', { codeframeId: frame.id, theme: { code: 'TOWN', name: 'Town centre' } });
    for (const t of frame.themes) await call('themes.saveTheme', { codeframeId: frame.id, themeId: t.id, theme: { code: t.code, name: t.name, keywords: t.code === 'PARK' ? ['park*'] : t.code === 'LIB' ? ['library'] : ['cost'], parent: 'TOWN' } });
    // Parking or library or cost, once each: rows 1–4 and 6.
    expect((await counts()).TOWN).toBe(5);
    await expect(call('themes.saveTheme', { codeframeId: frame.id, theme: { code: 'X', name: 'X', parent: 'PARK' } })).rejects.toThrow(/PARK is itself inside TOWN, and nets have two levels/);
    await expect(call('themes.saveTheme', { codeframeId: frame.id, theme: { code: 'Y', name: 'Y', parent: 'NOPE' } })).rejects.toThrow(/names the net "NOPE", which is not a theme/);
    await expect(call('themes.saveTheme', { codeframeId: frame.id, theme: { code: 'park', name: 'Again' } })).rejects.toThrow(/already has a theme with the code "park"/);
  });

  it('refuses a codeframe file with a row that has no theme name, saying which row', async () => {
    const file = path.join(dir, 'frame.csv');
    fs.writeFileSync(file, 'code,theme,keywords\nPARK,Parking,park*\nLIB,,library\n');
    await expect(call('themes.importCodeframe', { path: file })).rejects.toThrow(/Row 3 of frame\.csv, column theme/);
    fs.writeFileSync(file, 'name,keywords\nParking,park*\n');
    await expect(call('themes.importCodeframe', { path: file })).rejects.toThrow(/needs a heading row with at least "code" and "theme"/);
  });

  it('keeps the latest 20 changes undoable, so repeated auto-coding does not pile up undo data', async () => {
    await coded();
    for (let i = 0; i < 24; i++) await call('themes.apply', { ...q(), trainFromHuman: false, threshold: 0.4 });
    const history = await call<{ action: string }[]>('themes.history', { ...q(), limit: 100 });
    expect(history.filter((h) => h.action === 'apply')).toHaveLength(25);
    let undone = 0;
    while ((await call<{ undone: string | null }>('themes.undo', q())).undone !== null) undone++;
    expect(undone).toBe(20);
    // What is left after undoing all it can is the state 20 runs back: the same codes, since the rules did not change.
    expect(await counts()).toEqual({ PARK: 3, LIB: 3, COST: 1 });
  });
});
