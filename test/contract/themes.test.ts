import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src/backend.js';
import { sampleDataDir } from '../../src/paths.js';
import { createClient, type RpcClient } from '../../src/rpc/client.js';
import { createLoopbackPair } from '../../src/rpc/loopback.js';
import { serveRpc } from '../../src/rpc/server.js';
import { tempDir } from '../support/temp-dir.js';

// The themes.* contract over the rpc server (which checks every reply against its schema), on the sample
// consultation: codeframes from a file, a question coded with one, people's decisions winning, undo, codes in and out.
describe('themes.* over the rpc server', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  let waveId: number;
  const question = 'comments';
  beforeAll(async () => {
    backend = await createBackend({ dataDir: path.join(dir, 'data'), project: 'sample', sampleDir: sampleDataDir() });
    const [serverEnd, clientEnd] = createLoopbackPair();
    serveRpc(serverEnd, backend.handlers);
    api = createClient(clientEnd);
    const survey = (await api.call('surveys.list', {})).find((s) => s.kind === 'consultation')!;
    waveId = survey.waves[0]!.id;
  }, 60_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  it('lists the free-text questions of the consultation', async () => {
    const questions = await api.call('themes.questions', { waveId });
    expect(questions.map((q) => q.question)).toEqual(['organisation', 'comments', 'welsh_language_effects']);
    expect(questions[0]!.responses).toBeGreaterThan(0);
  });

  it('imports a codeframe from CSV, codes a question with it, and exports it back the same', async () => {
    const frame = await api.call('themes.importCodeframe', { path: path.join(sampleDataDir(), 'codeframe.csv'), name: 'Town centre (test)' });
    expect(frame.themes.map((t) => t.code)).toEqual(['PARK', 'COST', 'ACCESS', 'PROCESS', 'ENV', 'WELSH', 'SAFETY', 'BUSINESS', 'TRANSPORT', 'LIBRARY', 'SUPPORT', 'OPPOSE']);
    expect(frame.themes[0]!.keywords).toContain('car park');
    const summary = await api.call('themes.attach', { waveId, question, codeframeId: frame.id });
    expect(summary.codeframe?.id).toBe(frame.id);
    expect(summary.counts).toHaveLength(12);
    expect(summary.sentiment.positive + summary.sentiment.neutral + summary.sentiment.negative).toBe(summary.responses);
    const out = path.join(dir, 'frame.json');
    await api.call('themes.exportCodeframe', { codeframeId: frame.id, path: out });
    const again = await api.call('themes.importCodeframe', { path: out, name: 'Round trip' });
    expect(again.themes.map(({ id: _i, ...t }) => t)).toEqual(frame.themes.map(({ id: _i, ...t }) => t));
  });

  it('records a person\'s decisions, takes the response out of the queue when done, and undoes', async () => {
    const first = await api.call('themes.reviewNext', { waveId, question });
    const response = first.response!;
    expect(response.text.length).toBeGreaterThan(0);
    const frame = (await api.call('themes.codeframes', {})).find((f) => f.name === 'Town centre (test)')!;
    const themes = (await api.call('themes.codeframe', { codeframeId: frame.id })).themes;
    const park = themes.find((t) => t.code === 'PARK')!;
    const cost = themes.find((t) => t.code === 'COST')!;
    const decided = await api.call('themes.decide', { waveId, question, row: response.row, decisions: [{ themeId: park.id, present: true }, { themeId: cost.id, present: false }], done: true, who: 'tester' });
    expect(decided.response!.reviewed).toBe(true);
    expect(decided.response!.codes.map((c) => [c.code, c.present, c.source, c.who])).toEqual([['PARK', true, 'human', 'tester'], ['COST', false, 'human', 'tester']]);
    expect(decided.remaining).toBe(first.remaining - 1);
    const next = await api.call('themes.reviewNext', { waveId, question });
    expect(next.response!.row).not.toBe(response.row);
    let summary = await api.call('themes.summary', { waveId, question });
    expect(summary.counts.find((c) => c.code === 'PARK')!.bySource.human).toBe(1);
    expect(summary.undo).toMatch(/PARK/);

    expect((await api.call('themes.undo', { waveId, question })).undone).toMatch(/\+PARK −COST reviewed/);
    summary = await api.call('themes.summary', { waveId, question });
    expect(summary.counts.find((c) => c.code === 'PARK')!.n).toBe(0);
    expect(summary.reviewed).toBe(0);
    const history = await api.call('themes.history', { waveId, question });
    expect(history[0]!.action).toBe('undo');
    expect(history[1]).toMatchObject({ action: 'review', undone: true, who: 'tester' });
  });

  it('imports codes from a spreadsheet (adding unknown themes), exports them, and scores them against a gold file', async () => {
    const page = await api.call('themes.responses', { waveId, question, limit: 40 });
    const ids = page.responses.map((r) => r.responseId!);
    const file = path.join(dir, 'codes.csv');
    const rows = ids.map((id, i) => `${id},${i % 2},${i % 3 === 0 ? 1 : 0},${i % 5 === 0 ? 1 : ''}`);
    fs.writeFileSync(file, ['Response ID,PARK,Cost and value for money,Bus lanes', ...rows].join('\n'));
    const result = await api.call('themes.importCodes', { waveId, question, path: file });
    expect(result.matched).toBe(40);
    expect(result.addedThemes).toEqual(['Bus lanes']);
    expect(result.counts.find((c) => c.code === 'PARK')!.bySource.human).toBe(20);
    expect(result.counts.find((c) => c.code === 'COST')!.bySource.human).toBe(14);
    expect(result.counts.find((c) => c.name === 'Bus lanes')!.n).toBe(8);

    const out = path.join(dir, 'out.csv');
    const written = await api.call('themes.exportCodes', { waveId, question, path: out });
    expect(written.themes).toBe(13);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,PARK,COST,ACCESS,PROCESS,ENV,WELSH,SAFETY,BUSINESS,TRANSPORT,LIBRARY,SUPPORT,OPPOSE,BUS_LANES'.replace(/^id/, lines[0]!.split(',')[0]!));
    const second = lines.find((l) => l.startsWith(`${ids[1]},`))!;
    expect(second.split(',').slice(1, 3)).toEqual(['1', '0']);

    // The gold file is the import itself: complete agreement, kappa 1 for every theme.
    const agreement = await api.call('themes.evaluate', { waveId, question, path: file });
    expect(agreement).toMatchObject({ n: 40, f1: 1, kappa: { PARK: 1, COST: 1, BUS_LANES: 1 } });
  });

  it('refuses a codes file with an unknown respondent, and changes nothing', async () => {
    const before = await api.call('themes.summary', { waveId, question });
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'Response ID,PARK\nNOPE-1,1\n');
    await expect(api.call('themes.importCodes', { waveId, question, path: file })).rejects.toThrow(/NOPE-1.*line 2/);
    expect(await api.call('themes.summary', { waveId, question })).toEqual(before);
  });
});
