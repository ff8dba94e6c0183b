import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/sample-data/csv.js';
import { CODEFRAME, keywordCodes } from '../../scripts/sample-data/codeframe.js';
import { buildManifest, generateResidentsWave, writeSampleData } from '../../scripts/sample-data/generate.js';
import type { ColumnSpec } from '../../scripts/sample-data/schema.js';

const committedDir = path.resolve(__dirname, '..', '..', 'sample-data');
const manifest = buildManifest();
const residents = manifest.surveys[0]!;
const consultation = manifest.surveys[1]!;
const PNTS = 'Prefer not to say';

interface Table {
  header: string[];
  rows: string[][];
  col(name: string): number;
  values(name: string): string[];
}

function load(file: string, columns?: ColumnSpec[]): Table {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(committedDir, file), 'utf8'));
  const col = (name: string): number => {
    const i = columns ? columns.findIndex((c) => c.name === name) : header!.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${file}`);
    return i;
  };
  return { header: header!, rows, col, values: (name) => rows.map((r) => r[col(name)]!) };
}

const wave2023 = load('residents-survey-2023.csv', residents.columns);
const wave2024 = load('residents-survey-2024.csv', residents.columns);
const consult = load('consultation-2024.csv', consultation.columns);
const benchmark = load('population-benchmark.csv');

function benchmarkShare(characteristic: string, category: (c: string) => boolean): number {
  return benchmark.rows.filter((r) => r[0] === characteristic && category(r[1]!)).reduce((s, r) => s + Number(r[3]), 0);
}

/** Share of substantive answers (no blanks, no Prefer not to say / Don't know) meeting the condition. */
function share(t: Table, name: string, pick: (v: string) => boolean, rowFilter: (r: string[]) => boolean = () => true): number {
  const i = t.col(name);
  const spec = residents.columns[i]!;
  const vals = t.rows.filter(rowFilter).map((r) => r[i]!).filter((v) => v !== '' && !spec.nonSubstantive.includes(v));
  return vals.filter(pick).length / vals.length;
}

const topTwo = (t: Table, name: string, rowFilter?: (r: string[]) => boolean): number => {
  const opts = residents.columns.find((c) => c.name === name)!.options;
  return 100 * share(t, name, (v) => v === opts[0] || v === opts[1], rowFilter);
};
const listensGap = (t: Table, rowFilter?: (r: string[]) => boolean): number =>
  topTwo(t, 'listens_importance', rowFilter) - topTwo(t, 'listens_satisfaction', rowFilter);

describe('sample data reproducibility', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-sample-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('regenerates every committed file byte for byte', () => {
    const written = writeSampleData(tmp);
    expect(written.length).toBe(6);
    for (const name of written) {
      const fresh = fs.readFileSync(path.join(tmp, name));
      const committed = fs.readFileSync(path.join(committedDir, name));
      expect(fresh.equals(committed), `${name} differs from the generator's output; run npm run sample-data`).toBe(true);
    }
    expect(fs.readdirSync(committedDir).sort()).toEqual([...written, 'README.md'].sort());
  });

  it('writes UTF-8 without BOM and with LF line endings only', () => {
    for (const name of fs.readdirSync(committedDir)) {
      const bytes = fs.readFileSync(path.join(committedDir, name));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), name).toBe(false);
      expect(bytes.includes(0x0d), `${name} contains CR`).toBe(false);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes), `${name} is not valid UTF-8`).toBe(true);
    }
  });

  it('generateResidentsWave is deterministic, seed-sensitive and streams the same text', () => {
    const a = generateResidentsWave({ year: 2024, rows: 300, seed: 7 });
    const b = generateResidentsWave({ year: 2024, rows: 300, seed: 7 });
    const c = generateResidentsWave({ year: 2024, rows: 300, seed: 8 });
    expect(a.toCsv()).toBe(b.toCsv());
    expect(a.toCsv()).not.toBe(c.toCsv());
    expect([...a.csvChunks(64)].join('')).toBe(a.toCsv());
    expect([...a.rows()].length).toBe(300);
    expect(parseCsv(a.toCsv()).length).toBe(301);
  });
});

describe('manifest and files agree', () => {
  const files = [
    ...residents.waves.map((w) => [w.file, residents.columns] as const),
    ...consultation.waves.map((w) => [w.file, consultation.columns] as const),
  ];

  it('the committed manifest is the one the generator builds', () => {
    expect(JSON.parse(fs.readFileSync(path.join(committedDir, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it.each(files)('%s: headers match the manifest and rows are rectangular', (file, columns) => {
    const t = load(file, [...columns]);
    expect(t.header).toEqual(columns.map((c) => c.header));
    for (const r of t.rows) expect(r.length).toBe(columns.length);
    expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
  });

  it.each(files)('%s: every coded value is one of its column options', (file, columns) => {
    const t = load(file, [...columns]);
    columns.forEach((c, i) => {
      for (const ns of c.nonSubstantive) expect(c.options).toContain(ns);
      if (c.type === 'likert' || c.type === 'single') {
        const allowed = new Set(['', ...c.options]);
        const bad = t.rows.map((r) => r[i]!).filter((v) => !allowed.has(v));
        expect(bad, `${c.name}`).toEqual([]);
        expect(c.options.length).toBeGreaterThan(1);
      } else expect(c.options, c.name).toEqual([]);
    });
  });

  it.each(files)('%s: ids are unique and non-substantive answers and blanks occur', (file, columns) => {
    const t = load(file, [...columns]);
    const idCol = columns.findIndex((c) => c.role === 'respondent_id');
    expect(new Set(t.rows.map((r) => r[idCol])).size).toBe(t.rows.length);
    columns.forEach((c, i) => {
      if (c.type !== 'likert') return;
      const vals = t.rows.map((r) => r[i]!);
      expect(vals, c.name).toContain("Don't know");
      expect(vals, c.name).toContain('');
    });
  });

  it('each importance/satisfaction pair has exactly one of each', () => {
    const pairs = new Map<string, string[]>();
    for (const c of residents.columns) if (c.pair) pairs.set(c.pair, [...(pairs.get(c.pair) ?? []), c.role]);
    expect([...pairs.keys()]).toEqual(['listens', 'influence', 'waste', 'parks', 'roads', 'libraries']);
    for (const roles of pairs.values()) expect(roles.sort()).toEqual(['importance', 'satisfaction']);
  });

  it('weights are positive numbers averaging 1 and dates are ISO days in the consultation period', () => {
    for (const t of [wave2023, wave2024]) {
      const w = t.values('weight').map(Number);
      expect(w.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
      expect(Math.abs(w.reduce((s, x) => s + x, 0) / w.length - 1)).toBeLessThan(0.001);
    }
    const dates = consult.values('date_received');
    expect(dates.every((d) => /^2024-(09|10|11)-\d\d$/.test(d))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('population benchmark', () => {
  const characteristics = [...new Set(benchmark.rows.map((r) => r[0]!))];

  it('has shares summing to 1 and populations summing to the same total for each characteristic', () => {
    expect(benchmark.header).toEqual(['characteristic', 'category', 'population', 'share']);
    const totals = new Set<number>();
    for (const ch of characteristics) {
      const rows = benchmark.rows.filter((r) => r[0] === ch);
      expect(Math.abs(rows.reduce((s, r) => s + Number(r[3]), 0) - 1), ch).toBeLessThan(1e-9);
      totals.add(rows.reduce((s, r) => s + Number(r[2]), 0));
    }
    expect(totals.size).toBe(1);
  });

  it('spells categories exactly as the survey does, without Prefer not to say', () => {
    expect(characteristics.sort()).toEqual(['age_band', 'disability', 'ethnic_group', 'gender_identity', 'religion', 'sex', 'sexual_orientation', 'ward', 'welsh_language']);
    for (const ch of characteristics) {
      const spec = residents.columns.find((c) => c.name === ch)!;
      const cats = benchmark.rows.filter((r) => r[0] === ch).map((r) => r[1]);
      expect(cats, ch).toEqual(spec.options.filter((o) => !spec.nonSubstantive.includes(o)));
      expect(cats).not.toContain(PNTS);
    }
    expect(benchmark.rows.filter((r) => r[0] === 'ethnic_group')).toHaveLength(19);
  });
});

describe('deliberate patterns in the residents survey', () => {
  it('has the documented row counts', () => {
    expect(wave2023.rows.length).toBe(2512);
    expect(wave2024.rows.length).toBe(2468);
    expect(consult.rows.length).toBe(1500);
  });

  it.each([['2023', wave2023], ['2024', wave2024]] as const)('%s under-represents young, minority ethnic, disabled and two deprived wards', (_, t) => {
    expect(share(t, 'age_band', (v) => v === '16-24')).toBeLessThan(0.6 * benchmarkShare('age_band', (c) => c === '16-24'));
    expect(share(t, 'age_band', (v) => v === '65-74')).toBeGreaterThan(1.3 * benchmarkShare('age_band', (c) => c === '65-74'));
    const minority = (v: string): boolean => !v.startsWith('White:');
    expect(share(t, 'ethnic_group', minority)).toBeLessThan(0.75 * benchmarkShare('ethnic_group', minority));
    const disabled = (v: string): boolean => v.startsWith('Yes');
    expect(share(t, 'disability', disabled)).toBeLessThan(0.95 * benchmarkShare('disability', disabled));
    for (const ward of ['Station', 'Glan-yr-Afon']) {
      expect(share(t, 'ward', (v) => v === ward), ward).toBeLessThan(0.7 * benchmarkShare('ward', (c) => c === ward));
    }
  });

  it('weights restore the population age profile', () => {
    const age = wave2023.col('age_band');
    const weight = wave2023.col('weight');
    const sex = wave2023.col('sex');
    const usable = wave2023.rows.filter((r) => r[age] !== '' && r[sex] !== '');
    const total = usable.reduce((s, r) => s + Number(r[weight]), 0);
    for (const band of ['16-24', '45-54', '75+']) {
      const weighted = usable.filter((r) => r[age] === band).reduce((s, r) => s + Number(r[weight]), 0) / total;
      expect(Math.abs(weighted - benchmarkShare('age_band', (c) => c === band)), band).toBeLessThan(0.002);
    }
  });

  it('has a large listens gap that is wider for disabled and younger respondents', () => {
    const disability = wave2023.col('disability');
    const age = wave2023.col('age_band');
    for (const t of [wave2023, wave2024]) {
      const gapAll = listensGap(t);
      expect(gapAll).toBeGreaterThan(28);
      expect(gapAll).toBeLessThan(42);
      expect(listensGap(t, (r) => r[disability]!.startsWith('Yes')) - listensGap(t, (r) => r[disability] === 'No')).toBeGreaterThan(8);
      expect(listensGap(t, (r) => r[age] === '16-24') - listensGap(t, (r) => ['45-54', '55-64', '65-74', '75+'].includes(r[age]!))).toBeGreaterThan(8);
    }
    expect(listensGap(wave2023)).toBeGreaterThan(35);
  });

  it('2024 improves modestly on listens and declines on roads', () => {
    const listensChange = topTwo(wave2024, 'listens_satisfaction') - topTwo(wave2023, 'listens_satisfaction');
    expect(listensChange).toBeGreaterThan(2);
    expect(listensChange).toBeLessThan(10);
    expect(topTwo(wave2023, 'roads_satisfaction') - topTwo(wave2024, 'roads_satisfaction')).toBeGreaterThan(4);
    expect(Math.abs(topTwo(wave2024, 'waste_satisfaction') - topTwo(wave2023, 'waste_satisfaction'))).toBeLessThan(4);
  });

  it.each([['2023', wave2023], ['2024', wave2024]] as const)('%s uses Prefer not to say and keeps postcode sectors within one ward', (_, t) => {
    for (const c of residents.columns.filter((c) => c.nonSubstantive.includes(PNTS))) expect(t.values(c.name), c.name).toContain(PNTS);
    const wardOf = new Map<string, Set<string>>();
    for (const r of t.rows) {
      const [ward, sector] = [r[t.col('ward')]!, r[t.col('postcode_sector')]!];
      if (ward && sector) wardOf.set(sector, (wardOf.get(sector) ?? new Set()).add(ward));
    }
    expect(wardOf.size).toBeGreaterThan(12);
    for (const [sector, wards] of wardOf) expect(wards.size, sector).toBe(1);
  });

  it.each([['2023', wave2023], ['2024', wave2024]] as const)('%s comments are realistic free text, including fake personal data', (_, t) => {
    const comments = t.values('comments').filter((c) => c !== '');
    expect(comments.length / t.rows.length).toBeGreaterThan(0.35);
    expect(comments.length / t.rows.length).toBeLessThan(0.45);
    for (const re of [/,/, /"/, /\n/, /£/, /@example\.(com|org|net)/, /07700 900\d{3}|029 2018 0\d{3}/, /Mae'r|Cymraeg|Diolch/]) {
      expect(comments.some((c) => re.test(c)), String(re)).toBe(true);
    }
    expect(new Set(comments).size).toBeGreaterThan(0.6 * comments.length);
  });
});

describe('deliberate patterns in the consultation', () => {
  const answers = consult.values('comments').filter((c) => c !== '');
  const codes = answers.map(keywordCodes);

  it('covers every codeframe theme, often several per answer', () => {
    for (const c of CODEFRAME) {
      expect(codes.filter((cs) => cs.includes(c.code)).length / answers.length, c.code).toBeGreaterThan(0.03);
    }
    expect(codes.filter((cs) => cs.length >= 3).length / answers.length).toBeGreaterThan(0.1);
  });

  it('mixes very short, long, Welsh, e-mailed and campaign responses', () => {
    expect(answers.filter((a) => a.length <= 3).length).toBeGreaterThan(30);
    expect(answers.filter((a) => a.length > 500).length).toBeGreaterThan(5);
    const counts = new Map<string, number>();
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    const campaign = [...counts].filter(([a]) => a.includes('Keep Central Library where it is')).reduce((s, [, n]) => s + n, 0);
    expect(campaign).toBeGreaterThan(60);
    const language = consult.col('response_language');
    const comments = consult.col('comments');
    const welshRows = consult.rows.filter((r) => r[language] === 'Cymraeg' && r[comments] !== '');
    expect(welshRows.length).toBeGreaterThan(40);
    expect(welshRows.filter((r) => keywordCodes(r[comments]!).includes('WELSH')).length / welshRows.length).toBeGreaterThan(0.25);
    const channel = consult.col('channel');
    const emails = consult.rows.filter((r) => r[channel] === 'Email');
    expect(emails.every((r) => r[consult.col('agree_overall')] === '')).toBe(true);
    // Apart from campaign e-mails, e-mailed responses are letters with paragraphs.
    expect(emails.filter((r) => !r[comments]!.includes('Keep Central Library')).every((r) => r[comments]!.includes('\n\n'))).toBe(true);
  });

  it('has organisations named only by organisational responses', () => {
    const type = consult.col('respondent_type');
    const org = consult.col('organisation');
    const orgs = consult.rows.filter((r) => r[type] === 'On behalf of an organisation');
    expect(orgs.length).toBeGreaterThan(5);
    expect(orgs.every((r) => r[org] !== '')).toBe(true);
    expect(consult.rows.filter((r) => r[type] !== 'On behalf of an organisation').every((r) => r[org] === '')).toBe(true);
  });

  it('drivers oppose losing the car park more than people who walk', () => {
    const travel = consult.col('travel_mode');
    const green = consult.col('agree_green_space');
    const disagree = (mode: string): number => {
      const vals = consult.rows.filter((r) => r[travel] === mode).map((r) => r[green]!).filter((v) => v && v !== "Don't know");
      return vals.filter((v) => v === 'Tend to disagree' || v === 'Strongly disagree').length / vals.length;
    };
    expect(disagree('Car or van (driver)') - disagree('Walk')).toBeGreaterThan(0.15);
  });
});
