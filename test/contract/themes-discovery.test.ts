import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend.js';
import { main } from '../../src/cli.js';
import { HeardError } from '../../src/contract/index.js';
import type { RpcClient } from '../../src/rpc/client.js';
import { redactText } from '../../src/themes/redact.js';
import { sampleOverRpc } from '../support/sample-rpc.js';
import { tempDir } from '../support/temp-dir.js';

// themes.discover over the rpc server (which checks each response against the contract) on the sample project, and
// heard themes discover printing the same candidates. Discovery's quality is tested in test/unit/themes.
describe('themes.discover and heard themes discover', () => {
  const dir = tempDir();
  let backend: Backend;
  let api: RpcClient;
  let waveId: number;
  beforeAll(async () => {
    ({ backend, api } = await sampleOverRpc(path.join(dir, 'data')));
    waveId = (await api.call('surveys.list', {})).find((s) => s.kind === 'consultation')!.waves[0]!.id;
  }, 60_000);
  afterAll(async () => {
    api?.close();
    await backend?.close();
  });

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--data-dir', path.join(dir, 'cli')], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  }

  it('finds candidates in the consultation comments with terms, sizes and quotes masked by default', async () => {
    const d = await api.call('themes.discover', { waveId, question: 'comments' });
    expect(d).toMatchObject({ question: 'comments', label: 'Comments on the plan', rows: 1500, seed: 1 });
    expect(d.candidates.length).toBe(d.k);
    expect(d.candidates.reduce((s, c) => s + c.size, 0) + d.blank + d.ungrouped).toBe(1500);
    for (const c of d.candidates) {
      expect(c.quotes.length).toBeGreaterThan(0);
      for (const q of c.quotes) expect(q.responseId).toMatch(/^TC24-\d{4}$/);
    }
    const quotes = d.candidates.flatMap((c) => c.quotes);
    expect(quotes.every((q) => !q.redacted.includes('@') && !/07700 900/.test(q.redacted))).toBe(true);
    for (const q of quotes) expect(q.redacted).toBe(redactText(q.text));
  });

  it('honours k and seed, and refuses what is not a free-text question with a reason', async () => {
    const six = await api.call('themes.discover', { waveId, question: 'comments', k: 6, quotes: 2 });
    expect(six.candidates).toHaveLength(6);
    expect(six.candidates.every((c) => c.quotes.length <= 2)).toBe(true);
    await expect(api.call('themes.discover', { waveId, question: 'ward' })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/"ward" is not a free-text question.*comments, welsh_language_effects/),
    });
    await expect(api.call('themes.discover', { waveId, question: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.call('themes.discover', { waveId, question: 'comments', k: 1 })).rejects.toBeInstanceOf(HeardError);
  });

  it('prints the same candidates on the command line as JSON: name, terms, size and example response ids', async () => {
    const d = await api.call('themes.discover', { waveId, question: 'comments', k: 10 });
    const r = await cli('themes', 'discover', '--project', 'sample', '--survey', 'Town Centre Consultation', '--question', 'comments', '--k', '10', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout) as { question: string; k: number; rows: number; blank: number; ungrouped: number; candidates: { name: string; terms: string[]; size: number; examples: string[] }[] };
    expect(Object.keys(doc)).toEqual(['question', 'k', 'rows', 'blank', 'ungrouped', 'candidates']);
    expect(doc.candidates).toEqual(d.candidates.map((c) => ({ name: c.name, terms: c.terms, size: c.size, examples: c.quotes.map((q) => q.responseId) })));
    const text = await cli('themes', 'discover', '--project', 'sample', '--survey', 'Town Centre Consultation', '--question', 'comments', '--k', '10');
    expect(text.stdout).toContain(`${d.candidates[0]!.size} `);
    expect(text.stdout).toContain(d.candidates[0]!.name);
  });

  it('says what is wrong on the command line, exit 1', async () => {
    expect(await cli('themes')).toMatchObject({ code: 1, stderr: expect.stringContaining('needs a subcommand: discover') });
    expect(await cli('themes', 'discover', '--project', 'sample', '--survey', 'Town Centre Consultation', '--question', 'comments', '--k', '100')).toMatchObject({
      code: 1,
      stderr: 'heard: --k must be between 2 and 40, not 100.\n',
    });
    expect(await cli('themes', 'discover', '--project', 'sample', '--survey', 'Town Centre Consultation')).toMatchObject({ code: 1, stderr: 'heard: --question VARIABLE is required.\n' });
  });
});
