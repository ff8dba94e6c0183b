import { DataType, tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { readerToArrowIpc } from '../../../src/engine/arrow-page.js';

describe('Arrow pages', () => {
  it('carries text (any script), numbers, booleans, dates, enums and nulls exactly', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const reader = await c.runAndReadAll(`
      SELECT * FROM (VALUES
        ('Tŷ Gwyn, £5 "quoted"\nline two', 1.25::DOUBLE, 7::BIGINT, true, DATE '2024-03-01', 'Very'::ENUM('Very', 'Fairly')),
        (NULL, NULL, NULL, NULL, NULL, NULL),
        ('', -0.5, 9007199254740991::BIGINT, false, DATE '2023-12-31', 'Fairly'),
        ('😀 emoji <script>', 0, 0, NULL, NULL, NULL)
      ) t(text, num, big, flag, day, scale)`);
    const rows = tableFromIPC(readerToArrowIpc(reader)).toArray().map((r) => r.toJSON());
    expect(rows).toEqual([
      { text: 'Tŷ Gwyn, £5 "quoted"\nline two', num: 1.25, big: 7, flag: true, day: '2024-03-01', scale: 'Very' },
      { text: null, num: null, big: null, flag: null, day: null, scale: null },
      { text: '', num: -0.5, big: 9007199254740991, flag: false, day: '2023-12-31', scale: 'Fairly' },
      { text: '😀 emoji <script>', num: 0, big: 0, flag: null, day: null, scale: null },
    ]);
    c.closeSync();
    db.closeSync();
  });

  it('sends closed answers as a dictionary of their options, keeping answers that are none of them exactly', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const options = ['Very satisfied', 'Fairly satisfied', "Don't know"];
    const answers = ['Fairly satisfied', null, 'Very satisfied', 'Quite happy (written in)', "Don't know", 'Quite happy (written in)', 'Fairly satisfied'];
    const position = `list_position(['Very satisfied', 'Fairly satisfied', 'Don''t know']::VARCHAR[], answer)`;
    const rows = answers.map((a, i) => `(${i + 1}, ${a === null ? 'NULL' : `'${a.replace(/'/g, "''")}'`})`).join(', ');
    const reader = await c.runAndReadAll(
      `SELECT id, ${position}::INTEGER, CASE WHEN ${position} IS NULL THEN answer END FROM (VALUES ${rows}) t(id, answer) ORDER BY id`,
    );
    const table = tableFromIPC(readerToArrowIpc(reader, [{ name: 'id' }, { name: 'satisfaction', options }]));
    const column = table.getChild('satisfaction')!;
    expect(DataType.isDictionary(column.type)).toBe(true);
    expect(Array.from({ length: table.numRows }, (_, i) => column.get(i))).toEqual(answers);
    expect(Array.from(table.getChild('id')!, Number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    c.closeSync();
    db.closeSync();
  });

  it('handles an empty result', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const reader = await c.runAndReadAll("SELECT 'x' AS a, 1.0::DOUBLE AS b WHERE false");
    const table = tableFromIPC(readerToArrowIpc(reader));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    c.closeSync();
    db.closeSync();
  });
});
