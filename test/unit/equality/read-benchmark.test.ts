import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBenchmarkFile } from '../../../src/equality/benchmark/read-benchmark.js';
import { HAVE_REAL_FIXTURES, realFixture } from '../../support/shared-fixtures.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir();
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const message = (p: string) => {
  try {
    readBenchmarkFile(p);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
};

describe('population benchmark files: characteristic, category, population', () => {
  it('reads the sample benchmark: every characteristic, its categories in order, and their populations', () => {
    const sample = path.join(__dirname, '..', '..', '..', 'sample-data', 'population-benchmark.csv');
    const benchmark = readBenchmarkFile(sample);
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
    expect(readBenchmarkFile(p)).toEqual({
      file: 'b.csv',
      format: 'characteristic-category',
      area: null,
      notes: [],
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
    expect(message(file('g.csv', 'ward,people\nCastle,10\n'))).toContain('must have columns called "characteristic", "category" and "population"');
    expect(message(file('h.csv', 'characteristic,category,population\n'))).toBe('The benchmark file h.csv has no rows under its heading.');
    expect(message(file('i.csv', 'characteristic,category,population\nward,Castle,10,3\n'))).toBe('Row 2 of i.csv has 4 values; the heading has 3.');
    expect(message(path.join(dir, 'absent.csv'))).toBe(`There is no benchmark file at ${path.join(dir, 'absent.csv')}.`);
    expect(message(dir)).toMatch(/^Cannot read the benchmark file .*: EISDIR\.$/);
  });
});

describe('population benchmark files: category, population', () => {
  it('names the characteristic from the first heading, or as asked', () => {
    const p = file('wards.csv', 'ward,population\nCastle,"9,800"\nStation,10200\n');
    const read = readBenchmarkFile(p);
    expect(read.format).toBe('category-population');
    expect(read.characteristics).toEqual([{ name: 'ward', cells: [{ category: 'Castle', population: 9800 }, { category: 'Station', population: 10200 }] }]);
    expect(readBenchmarkFile(p, { characteristic: 'ward_2022' }).characteristics[0]!.name).toBe('ward_2022');
    expect(readBenchmarkFile(file('sex.csv', 'category,population\nFemale,5\nMale,4\n')).characteristics[0]!.name).toBe('sex');
    expect(message(file('bad.csv', 'ward,population\nCastle,lots\n'))).toBe('Row 2 of bad.csv (ward: Castle) has population "lots"; it must be a number, 0 or more.');
  });

  it('reads a Windows-1252 file as the import would (Ynys Môn, Tŷ is not in 1252 so ô stands in)', () => {
    const p = path.join(dir, 'cp1252.csv');
    fs.writeFileSync(p, Buffer.concat([Buffer.from('area,population\nYnys M'), Buffer.from([0xf4]), Buffer.from('n,69961\n')]));
    expect(readBenchmarkFile(p).characteristics[0]!.cells[0]).toEqual({ category: 'Ynys Môn', population: 69961 });
  });
});

describe('ONS custom dataset downloads', () => {
  const ons = (rows: string[]) =>
    file(
      'ons.csv',
      ['Lower tier local authorities Code,Lower tier local authorities,Sex (2 categories) Code,Sex (2 categories),Age (3 categories) Code,Age (3 categories),Observation', ...rows].join('\n'),
    );
  const small = [
    'W06000001,Isle of Anglesey,1,Female,-8,Does not apply,0',
    'W06000001,Isle of Anglesey,1,Female,1,Aged 15 years and under,5',
    'W06000001,Isle of Anglesey,1,Female,2,Aged 16 to 64 years,20',
    'W06000001,Isle of Anglesey,2,Male,1,Aged 15 years and under,6',
    'W06000001,Isle of Anglesey,2,Male,2,Aged 16 to 64 years,18',
    'W06000002,Gwynedd,1,Female,1,Aged 15 years and under,100',
    'W06000002,Gwynedd,2,Male,2,Aged 16 to 64 years,200',
  ];

  it('sums each variable over the others for the chosen area (by code or name), leaving out "Does not apply"', () => {
    const read = readBenchmarkFile(ons(small), { area: 'isle of anglesey' });
    expect(read.format).toBe('ons-custom');
    expect(read.area).toEqual({ code: 'W06000001', name: 'Isle of Anglesey' });
    // Female 5 + 20 = 25, Male 6 + 18 = 24; under 16 5 + 6 = 11, 16–64 20 + 18 = 38.
    expect(read.characteristics).toEqual([
      { name: 'sex', label: 'Sex (2 categories)', cells: [{ category: 'Female', population: 25 }, { category: 'Male', population: 24 }] },
      { name: 'age_band', label: 'Age (3 categories)', cells: [{ category: 'Aged 15 years and under', population: 11 }, { category: 'Aged 16 to 64 years', population: 38 }] },
    ]);
    expect(readBenchmarkFile(ons(small), { area: 'W06000002', variable: 'age' }).characteristics).toEqual([
      { name: 'age_band', label: 'Age (3 categories)', cells: [{ category: 'Aged 15 years and under', population: 100 }, { category: 'Aged 16 to 64 years', population: 200 }] },
    ]);
  });

  it('asks for an area when the file has several, and names what is wrong', () => {
    expect(message(ons(small))).toBe(
      'The benchmark file ons.csv covers 2 lower tier local authorities: choose one by its code or name (for example W06000001 Isle of Anglesey, W06000002 Gwynedd).',
    );
    const read = (options: Parameters<typeof readBenchmarkFile>[1]) => {
      try {
        readBenchmarkFile(ons(small), options);
      } catch (err) {
        return (err as Error).message;
      }
      return null;
    };
    expect(read({ area: 'Cardiff' })).toBe('The benchmark file ons.csv has no area "Cardiff" (by code or name) among its 2 lower tier local authorities.');
    expect(read({ area: 'Gwynedd', variable: 'religion' })).toBe('The benchmark file ons.csv has no variable "religion". Its variables are: Sex (2 categories); Age (3 categories).');
    expect(message(ons(['W06000001,Isle of Anglesey,1,Female,1,Aged 15 years and under,five']))).toBe(
      'Row 2 of ons.csv (Isle of Anglesey) has Observation "five" in column 7; it must be a number, 0 or more.',
    );
  });
});

describe.skipIf(!HAVE_REAL_FIXTURES)('ONS Census 2021 downloads in ../shared (several local authorities)', () => {
  const census = (name: string) => realFixture('census2021', name);

  it('Wrexham ethnic group: each category is its gender-identity rows added up', () => {
    const read = readBenchmarkFile(census('ons_RM038_gender_identity_by_ethnic_group_ltla.csv'), { area: 'W06000006', variable: 'ethnic' });
    expect(read.area).toEqual({ code: 'W06000006', name: 'Wrexham' });
    const [ethnic] = read.characteristics;
    expect(ethnic!.name).toBe('ethnic_group');
    // The file's four Asian rows for Wrexham: 0 (does not apply) + 1611 + 11 + 144.
    expect(ethnic!.cells[0]).toEqual({ category: 'Asian, Asian British or Asian Welsh', population: 1611 + 11 + 144 });
    expect(ethnic!.cells.map((c) => c.category)).toHaveLength(7);
    expect(ethnic!.cells.reduce((s, c) => s + c.population, 0)).toBe(110274);
  });

  it('Stevenage religion and gender identity from one table, by name; Blaenau Gwent sexual orientation', () => {
    const read = readBenchmarkFile(census('ons_gender_identity_by_religion_ltla.csv'), { area: 'Stevenage' });
    expect(read.characteristics.map((c) => c.name)).toEqual(['gender_identity', 'religion']);
    const religion = read.characteristics[1]!;
    // Muslim: 0 + 1796 + 26 + 152.
    expect(religion.cells.find((c) => c.category === 'Muslim')!.population).toBe(1974);
    expect(religion.cells.reduce((s, c) => s + c.population, 0)).toBe(71237);
    const so = readBenchmarkFile(census('ons_gender_identity_by_sexual_orientation_ltla.csv'), { area: 'Blaenau Gwent', variable: 'sexual orientation' });
    expect(so.characteristics[0]!.cells).toEqual([
      { category: 'Straight or Heterosexual', population: 49953 },
      { category: 'Lesbian, Gay, Bisexual, or Other (LGB+)', population: 1277 },
      { category: 'Not answered', population: 3914 },
    ]);
  });

  it('tolerates ONS perturbation: the same area read from two tables may differ by a few people, and neither is refused', () => {
    const totals = ['ons_RM038_gender_identity_by_ethnic_group_ltla.csv', 'ons_RM036_gender_identity_by_disability_ltla.csv'].map((f) => {
      const gi = readBenchmarkFile(census(f), { area: 'North West Leicestershire', variable: 'gender identity' }).characteristics[0]!;
      return gi.cells.reduce((s, c) => s + c.population, 0);
    });
    expect(Math.abs(totals[0]! - totals[1]!) / totals[0]!).toBeLessThan(0.001);
  });
});
