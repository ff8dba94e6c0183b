import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HeardError } from '../../../src/contract/index.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importFile, planImport } from '../../../src/import/import-file.js';
import { importProblems } from '../../../src/import/problems.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
let n = 0;
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
};
const newProject = () => ProjectFile.create(path.join(dir, `p${n++}.heard`));

async function snapshot(project: ProjectFile) {
  return {
    tables: await project.read("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1"),
    surveys: await project.read('SELECT * FROM surveys ORDER BY id'),
    waves: await project.read('SELECT id FROM waves ORDER BY id'),
    flagged: await project.read('SELECT count(*)::INTEGER AS n FROM flagged_values'),
  };
}

const LIKERT = ['Very satisfied', 'Fairly satisfied', 'Neither satisfied nor dissatisfied', 'Fairly dissatisfied', 'Very dissatisfied'];
function residents(rows: number, years: (i: number) => string = (i) => String((i * 7) % 61)): string {
  const lines = ['Respondent ID,Age band,How satisfied are you with your local area?,Years lived in the area,Comments'];
  for (let i = 1; i <= rows; i++) {
    lines.push([`R${i}`, ['16-24', '25-34', '35-44', '65-74'][i % 4], LIKERT[i % 5], years(i), i % 3 ? `"Comment ${i}, with a comma"` : ''].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('importFile: faithful', () => {
  it('keeps every data record: rows plus rejected records equal the data rows, with line numbers', async () => {
    const text = `${residents(6)}R7,25-34,Very satisfied,1,ok,one field too many\r\nR8,16-24,Fairly satisfied,2,"fine"\r\n`;
    const project = await newProject();
    const outcome = await importFile(project, { path: write('broken.csv', text) });
    expect(outcome.rows + outcome.rejected).toBe(8);
    expect(outcome.rejected).toBe(1);
    const problems = await importProblems(project, outcome.waveId, 100);
    expect(problems.rejected[0]).toMatchObject({ line: 8 });
    expect(problems.rejected[0]!.raw).toContain('one field too many');
    const ids = await project.read(`SELECT respondent_id FROM wave_${outcome.waveId} ORDER BY rowid`);
    expect(ids.map((r) => r.respondent_id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R8']);
    await project.close();
  });

  it('imports a file whose records end in more than one way, far past the rows it samples, losing nothing', async () => {
    // CRLF rows (from residents()), then LF and CR-only rows 25,000 lines down, with breaks inside quoted answers.
    const text = `${residents(25_000)}R25001,16-24,Very satisfied,3,"two\nlines"\nR25002,25-34,Fairly satisfied,4,last\r`;
    const project = await newProject();
    const plan = await planImport(project, { path: write('mixed.csv', text) });
    expect(plan.columns).toHaveLength(5);
    const outcome = await importFile(project, { path: write('mixed2.csv', text) });
    expect([outcome.rows, outcome.rejected]).toEqual([25_002, 0]);
    const tail = await project.read(`SELECT respondent_id, comments FROM wave_${outcome.waveId} WHERE rowid >= 24999 ORDER BY rowid`);
    expect(tail).toEqual([
      { respondent_id: 'R25000', comments: 'Comment 25000, with a comma' },
      { respondent_id: 'R25001', comments: 'two\nlines' },
      { respondent_id: 'R25002', comments: 'last' },
    ]);
    await project.close();
  });

  it('flags a word in a numeric column: never a silent 0 or blank', async () => {
    const text = residents(40, (i) => (i === 7 ? 'three' : String((i * 7) % 61)));
    const project = await newProject();
    const outcome = await importFile(project, { path: write('flag.csv', text) });
    const children = outcome.columns.find((c) => c.name.includes('years'))!;
    expect(children.type).toBe('numeric');
    expect(children.role).toBe('none'); // "lived in the area" is a count, not a place
    expect(outcome.flagged).toBe(1);
    const problems = await importProblems(project, outcome.waveId, 100);
    expect(problems.flagged).toEqual([{ row: 6, column: children.name, raw: 'three', reason: 'not a number' }]);
    const [cell] = await project.read(`SELECT ${children.name} AS v FROM wave_${outcome.waveId} WHERE rowid = 6`);
    expect(cell!.v).toBeNull();
    await project.close();
  });

  it('reads a number with spaces around it, and leaves a cell of spaces blank without flagging it', async () => {
    const text = residents(40, (i) => (i === 3 ? ' 12 ' : i === 4 ? '   ' : i === 5 ? '\t' : String((i * 7) % 61)));
    const project = await newProject();
    const outcome = await importFile(project, { path: write('spaces.csv', text) });
    const years = outcome.columns.find((c) => c.name.includes('years'))!;
    expect(years.type).toBe('numeric');
    const cells = await project.read(`SELECT ${years.name} AS v FROM wave_${outcome.waveId} WHERE rowid BETWEEN 2 AND 4 ORDER BY rowid`);
    expect(cells.map((c) => c.v)).toEqual([12, null, null]);
    // A tab is not a space: rather than guess, it is shown as a flagged value.
    expect((await importProblems(project, outcome.waveId, 100)).flagged).toEqual([{ row: 4, column: years.name, raw: '\t', reason: 'not a number' }]);
    await project.close();
  });

  it('stores closed answers dictionary-compressed and free text and ids with FSST, as the question types say', async () => {
    const file = path.join(dir, `p${n++}.heard`);
    const project = await ProjectFile.create(file);
    const outcome = await importFile(project, { path: write('storage.csv', residents(3000)) });
    await project.close(); // checkpoints: the rows go from the write-ahead log into compressed segments
    const reopened = await ProjectFile.open(file);
    const rows = await reopened.read(
      `SELECT column_name AS name, list(DISTINCT compression ORDER BY compression) AS methods FROM pragma_storage_info('wave_${outcome.waveId}')
       WHERE segment_type = 'VARCHAR' GROUP BY 1 ORDER BY 1`,
    );
    const byType = Object.fromEntries(outcome.columns.map((c) => [c.name, c.type]));
    expect(rows.map((r) => [byType[String(r.name)], r.methods])).toEqual(
      expect.arrayContaining([
        ['id', ['FSST']],
        ['likert', ['Dictionary']],
        ['single', ['Dictionary']],
        ['text', ['FSST']],
      ]),
    );
    await reopened.close();
  });

  it('recognises the scale, orders it best first and records the survey model', async () => {
    const project = await newProject();
    const outcome = await importFile(project, { path: write('scale.csv', residents(30)), surveyName: 'Residents', year: 2024 });
    const scale = outcome.columns.find((c) => c.label.startsWith('How satisfied'))!;
    expect(scale).toMatchObject({ type: 'likert', options: LIKERT });
    expect(outcome).toMatchObject({ surveyName: 'Residents', waveLabel: '2024', rows: 30, layout: 'plain' });
    await project.close();
  });

  it('reads a Windows-1252 file with the right characters', async () => {
    const text = 'Caf\u00e9 visited?,Resident\u2019s ward\r\nYes,Caerd\u00e9f\r\nNo,Castle\r\n';
    const project = await newProject();
    const outcome = await importFile(project, { path: write('cp1252.csv', iconv.encode(text, 'win1252')) });
    expect(outcome.encoding).toBe('windows-1252');
    expect(outcome.columns.map((c) => c.label)).toEqual(['Caf\u00e9 visited?', 'Resident\u2019s ward']);
    const rows = await project.read(`SELECT * FROM wave_${outcome.waveId} ORDER BY rowid`);
    expect(Object.values(rows[0]!)).toEqual(['Yes', 'Caerd\u00e9f']);
    await project.close();
  });

  it('skips heading rows that hold line breaks inside quotes', async () => {
    const text = 'Respondent ID,"How satisfied are you\nwith the council?",\n,Response,Other (please specify)\n1,Very satisfied,\n2,Fairly satisfied,"multi\nline"\n';
    const project = await newProject();
    const outcome = await importFile(project, { path: write('monkey.csv', text) });
    expect(outcome.layout).toBe('surveymonkey');
    expect(outcome.rows).toBe(2);
    const rows = await project.read(`SELECT * FROM wave_${outcome.waveId} ORDER BY rowid`);
    expect(rows.map((r) => Object.values(r)[0])).toEqual(['1', '2']);
    await project.close();
  });
});

describe('importFile: all or nothing', () => {
  it('leaves the project as it was when the file is not a survey export', async () => {
    const project = await newProject();
    await importFile(project, { path: write('first.csv', residents(5)) });
    const before = await snapshot(project);
    const junk = write('report.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0), Buffer.from([0xff, 0xfe, 0x00])]));
    const err = await importFile(project, { path: junk }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(HeardError);
    expect((err as HeardError).code).toBe('invalid_file');
    expect((err as HeardError).message).toContain('report.pdf');
    expect(await snapshot(project)).toEqual(before);
    await project.close();
  });

  it('leaves the project as it was when cancelled part-way', async () => {
    const project = await newProject();
    const big = write('big.csv', residents(400_000));
    const before = await snapshot(project);
    const controller = new AbortController();
    const work = importFile(project, { path: big }, { signal: controller.signal, onProgress: (p) => p.done >= 10 && controller.abort() });
    const err = await work.then(() => null, (e: unknown) => e);
    expect((err as HeardError).code).toBe('cancelled');
    expect(await snapshot(project)).toEqual(before);
    await project.close();
  });

  it('recognises the same file imported again, and imports it again only when told to', async () => {
    const project = await newProject();
    const file = write('again.csv', residents(10));
    const first = await importFile(project, { path: file, surveyName: 'Again', waveLabel: 'A' });
    const err = await importFile(project, { path: file, surveyName: 'Again', waveLabel: 'B' }).then(() => null, (e: unknown) => e);
    expect((err as HeardError).code).toBe('duplicate_import');
    expect((err as HeardError).message).toContain('Again (A)');
    const plan = await planImport(project, { path: file });
    expect(plan.duplicateOf).toMatchObject({ surveyName: 'Again', waveLabel: 'A' });
    const second = await importFile(project, { path: file, surveyName: 'Again', waveLabel: 'B', allowDuplicate: true });
    expect(second.surveyId).toBe(first.surveyId);
    expect(second.rows).toBe(10);
    await project.close();
  });

  it('reuses the reviewed model for the next wave of the same survey', async () => {
    const project = await newProject();
    const plan = await planImport(project, { path: write('w1.csv', residents(20)) });
    const reviewed = plan.columns.map(({ header: _h, question: _q, option: _o, code: _c, ...model }) =>
      model.name.includes('years') ? { ...model, type: 'text' as const, label: 'Years in the area' } : model,
    );
    const first = await importFile(project, { path: write('w1.csv', residents(20)), surveyName: 'Panel', waveLabel: '2023', model: reviewed });
    expect(first.columns.find((c) => c.name.includes('years'))).toMatchObject({ type: 'text', label: 'Years in the area' });
    const second = await importFile(project, { path: write('w2.csv', residents(25)), surveyId: first.surveyId, waveLabel: '2024' });
    expect(second.columns.find((c) => c.name.includes('years'))).toMatchObject({ type: 'text', label: 'Years in the area' });
    await project.close();
  });
});

describe('importFile: tidy answers', () => {
  it('matches closed answers with stray spaces to their option, and treats a cell of spaces as no answer', async () => {
    const lines = ['Respondent ID,How satisfied are you with your local area?'];
    for (let i = 1; i <= 30; i++) lines.push(`R${i},${LIKERT[i % 5]}`);
    lines.push('R31, Very satisfied ', 'R32,   ');
    const project = await newProject();
    const outcome = await importFile(project, { path: write('spaces.csv', `${lines.join('\n')}\n`) });
    const scale = outcome.columns[1]!;
    expect(scale.type).toBe('likert');
    expect(outcome.flagged).toBe(0);
    const rows = await project.read(`SELECT ${scale.name} AS v FROM wave_${outcome.waveId} WHERE rowid >= 30 ORDER BY rowid`);
    expect(rows).toEqual([{ v: 'Very satisfied' }, { v: null }]);
    await project.close();
  });
});
