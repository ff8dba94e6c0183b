import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { sampleDataDir } from '../../src/paths.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
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
    ({ backend, api } = await sampleOverRpc(path.join(dir, 'data')));
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
    expect(frame.themes[0]!.keywords).toContain('car park*');
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

  describe('auto-coding', () => {
    // The sample opens with its codeframe on the comments, auto-coded by the keyword rules.
    const sampleFrame = async () => (await api.call('themes.codeframes', {})).find((f) => f.name === 'Town Centre Plan consultation')!;
    const rowsWith = async (code: string) => {
      const frame = await api.call('themes.codeframe', { codeframeId: (await sampleFrame()).id });
      const theme = frame.themes.find((t) => t.code === code)!;
      return { theme, page: await api.call('themes.responses', { waveId, question, themeId: theme.id, limit: 500 }) };
    };

    it('opens the sample with the comments coded by rules, and re-applies with progress', async () => {
      await api.call('themes.attach', { waveId, question, codeframeId: (await sampleFrame()).id });
      const before = await api.call('themes.summary', { waveId, question });
      expect(before.counts.find((c) => c.code === 'LIBRARY')!.bySource.rule).toBeGreaterThan(100);
      const progress: string[] = [];
      const result = await api.call('themes.apply', { waveId, question, trainFromHuman: false }, { onProgress: (p) => progress.push(p.message ?? '') });
      expect(progress).toContain('Coding');
      expect(result.model.trained).toBe(false);
      expect(result.coded + result.human).toBe(before.responses);
      expect(result.counts.map((c) => c.n)).toEqual(before.counts.map((c) => c.n));
      const { page } = await rowsWith('LIBRARY');
      expect(page.responses.every((r) => r.codes.some((c) => c.code === 'LIBRARY' && c.present))).toBe(true);
    });

    it('keeps a person\'s rejection of a rule code when auto-coding runs again, and learns from reviewed responses', async () => {
      const { theme, page } = await rowsWith('PARK');
      const target = page.responses.find((r) => !r.reviewed)!;
      await api.call('themes.decide', { waveId, question, row: target.row, decisions: [{ themeId: theme.id, present: false }], done: true, who: 'officer' });
      // Review enough responses for a model: accept what the rules said.
      for (let i = 0; i < 60; i++) {
        const next = await api.call('themes.reviewNext', { waveId, question });
        await api.call('themes.decide', { waveId, question, row: next.response!.row, decisions: [], done: true });
      }
      const result = await api.call('themes.apply', { waveId, question, trainFromHuman: true });
      expect(result.human).toBeGreaterThanOrEqual(61);
      // The rule still finds parking words in it, but the person said no, and that stands.
      expect((await rowsWith('PARK')).page.responses.map((r) => r.row)).not.toContain(target.row);
      expect(result.model.trained).toBe(true);
      expect(result.model.examples).toBeGreaterThanOrEqual(61);
      // The agreement compares the rule codes of the reviewed responses with the people's: the rejection counts against.
      const summary = await api.call('themes.summary', { waveId, question });
      expect(summary.agreement.n).toBeGreaterThanOrEqual(61);
      expect(summary.agreement.f1).toBeLessThan(1);
    });

    it('undoes an auto-coding run, putting back the codes it replaced', async () => {
      const before = await api.call('themes.summary', { waveId, question });
      await api.call('themes.apply', { waveId, question, trainFromHuman: true, threshold: 0.05 });
      const changed = await api.call('themes.summary', { waveId, question });
      expect(changed.counts.map((c) => c.n)).not.toEqual(before.counts.map((c) => c.n));
      expect((await api.call('themes.undo', { waveId, question })).undone).toMatch(/^Auto-coded/);
      expect((await api.call('themes.summary', { waveId, question })).counts).toEqual(before.counts);
    });

    it('leaves the codes as they were when auto-coding is cancelled part way', async () => {
      const before = await api.call('themes.summary', { waveId, question });
      const controller = new AbortController();
      const call = api.call('themes.apply', { waveId, question, trainFromHuman: true, threshold: 0.05 }, {
        signal: controller.signal,
        // Cancel once the new codes are being written.
        onProgress: (p) => (p.message === 'Saving the codes' ? controller.abort() : undefined),
      });
      await expect(call).rejects.toMatchObject({ code: 'cancelled' });
      expect(await api.call('themes.summary', { waveId, question })).toEqual(before);
    });
  });

  it('offers a coded question as a table variable: the prevalence of each theme among those who wrote something', async () => {
    const summary = await api.call('themes.summary', { waveId, question });
    const variable = (await api.call('tables.variables', { waveId })).find((v) => v.name === `theme:${question}`)!;
    expect(variable).toMatchObject({ kind: 'multi', asRow: true, asColumn: false });
    expect(variable.categories).toEqual([...summary.counts.map((c) => c.name), 'No theme']);
    const table = await api.call('tables.crosstab', { waveId, row: variable.name });
    expect(table.bases[0]!.n).toBe(summary.responses);
    for (const c of summary.counts) {
      const cell = table.cells.find((x) => x.row === c.name)!;
      expect(cell.n).toBe(c.n);
      expect(cell.pct).toBeCloseTo(c.pct, 10);
    }
    const none = table.cells.find((x) => x.row === 'No theme')!;
    expect(none.n).toBe(summary.responses - summary.coded);
    // By a closed question, and filtered to one theme.
    const byChannel = await api.call('tables.crosstab', { waveId, row: variable.name, col: 'channel' });
    expect(byChannel.bases.reduce((s, b) => s + b.n, 0)).toBe(summary.responses);
    const library = summary.counts.find((c) => c.code === 'LIBRARY')!;
    const filtered = await api.call('tables.crosstab', { waveId, row: 'channel', where: [{ column: variable.name, value: library.name }] });
    expect(filtered.bases[0]!.n).toBe(library.n);
  });
});
