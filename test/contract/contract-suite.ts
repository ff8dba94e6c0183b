import fs from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeardError, type Progress } from '../../src/contract/index.js';
import type { RpcClient } from '../../src/rpc/client.js';

export const MINI_SAMPLE = path.join(__dirname, '..', 'fixtures', 'mini-sample');

export interface Connection {
  client: RpcClient;
  dataDir: string;
  close(): Promise<void>;
}

async function failure(promise: Promise<unknown>): Promise<HeardError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HeardError);
  return err as HeardError;
}

/** The contract, held to the same expectations over every transport. */
export function contractSuite(transport: string, connect: () => Promise<Connection>): void {
  describe(`contract over ${transport}`, () => {
    let conn: Connection;
    let api: RpcClient;
    beforeAll(async () => {
      conn = await connect();
      api = conn.client;
    });
    afterAll(() => conn?.close());

    it('starts with no project and says so when one is needed', async () => {
      expect(await api.call('projects.current', {})).toBeNull();
      const err = await failure(api.call('surveys.list', {}));
      expect(err.code).toBe('no_project');
      expect(err.message).toBe('Open a project first.');
    });

    it('opens the sample project, reporting progress as it builds', async () => {
      const progress: Progress[] = [];
      const info = await api.call('projects.openSample', {}, { onProgress: (p) => progress.push(p) });
      expect(info).toMatchObject({ name: 'Sample project', isSample: true });
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ done: 2, total: 2 });
      expect(await api.call('projects.current', {})).toEqual(info);
    });

    it('lists surveys with their waves in year order', async () => {
      const surveys = await api.call('surveys.list', {});
      expect(surveys).toHaveLength(1);
      expect(surveys[0]).toMatchObject({ name: "Mini Residents' Survey", kind: 'survey' });
      expect(surveys[0]!.waves.map((w) => [w.label, w.year, w.rowCount, w.columnCount, w.sourceFile])).toEqual([
        ['2023', 2023, 3, 5, 'mini-2023.csv'],
        ['2024', 2024, 2, 5, 'mini-2024.csv'],
      ]);
    });

    it('describes a wave’s columns with their scale order and non-substantive answers', async () => {
      const [survey] = await api.call('surveys.list', {});
      const columns = await api.call('waves.columns', { waveId: survey!.waves[0]!.id });
      expect(columns.map((c) => [c.name, c.type, c.role])).toEqual([
        ['respondent_id', 'id', 'respondent_id'],
        ['ward', 'single', 'locality'],
        ['overall', 'likert', 'satisfaction'],
        ['comments', 'text', 'none'],
        ['weight', 'weight', 'weight'],
      ]);
      expect(columns[2]!.options[0]).toBe('Very satisfied');
      expect(columns[2]!.nonSubstantive).toEqual(["Don't know"]);
    });

    it('pages responses as Arrow, exactly as in the file', async () => {
      const [survey] = await api.call('surveys.list', {});
      const waveId = survey!.waves[0]!.id;
      const page = await api.call('waves.page', { waveId, offset: 1, limit: 1000 });
      expect([page.offset, page.rowCount, page.totalRows]).toEqual([1, 2, 3]);
      const rows = tableFromIPC(page.arrow).toArray().map((r) => r.toJSON());
      expect(rows).toEqual([
        { respondent_id: 'R002', ward: 'Glan-yr-Afon', overall: "Don't know", comments: null, weight: 0.8 },
        { respondent_id: 'R003', ward: 'Castle', overall: 'Fairly dissatisfied', comments: 'She said "no".\nDiolch yn fawr, £5 <b>bold</b>', weight: 1 },
      ]);
      const beyond = await api.call('waves.page', { waveId, offset: 10, limit: 5 });
      expect([beyond.rowCount, beyond.totalRows]).toEqual([0, 3]);
    });

    it('rejects bad requests with what is wrong, and unknown waves as not found', async () => {
      const bad = await failure(api.call('waves.page', { waveId: 1, offset: 0, limit: 100_000 }));
      expect(bad.code).toBe('bad_request');
      expect(JSON.stringify(bad.detail)).toContain('limit');
      expect((await failure(api.call('waves.columns', { waveId: 9999 }))).code).toBe('not_found');
      expect((await failure(api.call('nope' as never, {} as never))).code).toBe('unknown_method');
    });

    it('creates, lists as recent and reopens a project; refuses missing and foreign files', async () => {
      const file = path.join(conn.dataDir, 'Budget consultation');
      const created = await api.call('projects.create', { path: file });
      expect(created).toMatchObject({ name: 'Budget consultation', isSample: false });
      expect(created.path.endsWith('.heard')).toBe(true);
      expect(await api.call('surveys.list', {})).toEqual([]);
      const recent = await api.call('projects.recent', {});
      expect(recent[0]).toMatchObject({ path: created.path, exists: true });

      expect((await failure(api.call('projects.open', { path: path.join(conn.dataDir, 'missing.heard') }))).code).toBe('not_found');
      const notAProject = path.join(conn.dataDir, 'notes.heard');
      fs.writeFileSync(notAProject, 'not a database');
      expect((await failure(api.call('projects.open', { path: notAProject }))).code).toBe('invalid_project');

      expect(await api.call('projects.open', { path: created.path })).toMatchObject({ name: 'Budget consultation' });
      expect(await api.call('projects.close', {})).toBeNull();
      expect(await api.call('projects.current', {})).toBeNull();
    });
  });
}
