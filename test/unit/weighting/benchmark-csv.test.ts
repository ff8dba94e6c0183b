import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBenchmarkCsv } from '../../../src/weighting/benchmark-csv.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const message = (p: string) => {
  try {
    readBenchmarkCsv(p);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
};

describe('population benchmark files', () => {
  it('reads the sample benchmark: every characteristic, its categories in order, and their populations', () => {
    const sample = path.join(__dirname, '..', '..', '..', 'sample-data', 'population-benchmark.csv');
    const benchmark = readBenchmarkCsv(sample);
    expect(benchmark.file).toBe('population-benchmark.csv');
    const ward = benchmark.characteristics.find((c) => c.name === 'ward')!;
    expect(ward.cells[0]).toEqual({ category: 'Castle', population: 9800 });
    expect(ward.cells.map((c) => c.category)).toContain('Tŷ Gwyn');
    // Every row of the file is one cell of one characteristic.
    const rows = fs.readFileSync(sample, 'utf8').trim().split('\n').length - 1;
    expect(benchmark.characteristics.reduce((n, c) => n + c.cells.length, 0)).toBe(rows);
    const total = (name: string) => benchmark.characteristics.find((c) => c.name === name)!.cells.reduce((s, c) => s + c.population, 0);
    expect(total('age_band')).toBe(total('ward'));
  });

  it('takes columns in any order and case, ignores others, and reads a byte-order mark, quotes and thousands separators', () => {
    const p = file('b.csv', '\ufeffShare,Population,Category,Characteristic\r\n0.5,"9,800","Asian, Asian British",ethnic_group\r\n0.5, 9800 ,White,ethnic_group\r\n\r\n');
    expect(readBenchmarkCsv(p)).toEqual({
      file: 'b.csv',
      characteristics: [
        {
          name: 'ethnic_group',
          cells: [
            { category: 'Asian, Asian British', population: 9800 },
            { category: 'White', population: 9800 },
          ],
        },
      ],
    });
  });

  it('says which row is wrong and why', () => {
    expect(message(file('c.csv', 'characteristic,category,population\nward,Castle,many\n'))).toBe(
      'Row 2 of c.csv (ward: Castle) has population "many"; it must be a number, 0 or more.',
    );
    expect(message(file('d.csv', 'characteristic,category,population\nward,,10\n'))).toBe('Row 2 of d.csv (ward) has no category.');
    expect(message(file('e.csv', 'characteristic,category,population\n,Castle,10\n'))).toBe('Row 2 of e.csv has no characteristic.');
    expect(message(file('f.csv', 'characteristic,category,population\nward,Castle,10\nward,Castle,12\n'))).toBe(
      'Row 3 of f.csv gives ward: Castle a second time.',
    );
    expect(message(file('g.csv', 'ward,population\nCastle,10\n'))).toContain('must have columns called "characteristic", "category" and "population"');
    expect(message(file('h.csv', 'characteristic,category,population\n'))).toBe('The benchmark file h.csv has no rows under its heading.');
    expect(message(file('i.csv', 'characteristic,category,population\nward,Castle,10,3\n'))).toBe('Row 2 of i.csv has 4 values; the heading has 3.');
    expect(message(path.join(dir, 'absent.csv'))).toBe(`There is no benchmark file at ${path.join(dir, 'absent.csv')}.`);
    expect(message(dir)).toMatch(/^Cannot read the benchmark file .*: EISDIR\.$/);
  });
});
