import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepresentationRequest } from '../../../src/contract/index.js';
import { ageRange } from '../../../src/equality/mapping/age-range.js';
import { readDictionary } from '../../../src/equality/mapping/dictionary.js';
import { resolveMapping } from '../../../src/equality/mapping/resolve-mapping.js';
import { saveMapping } from '../../../src/equality/mapping/mapping-store.js';
import { suggestCategory } from '../../../src/equality/mapping/suggest.js';
import { representation } from '../../../src/equality/representation.js';
import { characteristicOf, ETHNIC_HIGH_LEVEL, STANDARD_CHARACTERISTICS } from '../../../src/equality/standard-categories.js';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { sampleDataDir } from '../../../src/paths.js';
import { ensureSampleProject } from '../../../src/sample/build-sample-project.js';
import { HAVE_REAL_FIXTURES, realFixture } from '../../support/shared-fixtures.js';
import { tempDir } from '../../support/temp-dir.js';

const standard = (key: string) => STANDARD_CHARACTERISTICS.find((c) => c.key === key)!;

describe('age bands are compared by the numbers in their labels', () => {
  it('reads closed, open and "under" bands', () => {
    expect(ageRange('Aged 16 to 24 years')).toEqual({ lo: 16, hi: 24 });
    expect(ageRange('16-24')).toEqual({ lo: 16, hi: 24 });
    expect(ageRange('16–24')).toEqual({ lo: 16, hi: 24 });
    expect(ageRange('75+')).toEqual({ lo: 75, hi: Infinity });
    expect(ageRange('Aged 75 years and over')).toEqual({ lo: 75, hi: Infinity });
    expect(ageRange('Under 16')).toEqual({ lo: 0, hi: 15 });
    expect(ageRange('Aged 15 years and under')).toEqual({ lo: 0, hi: 15 });
    expect(ageRange('Prefer not to say')).toBeNull();
  });

  it('suggests the same band, a containing band, or the answer as its own band over finer census bands', () => {
    const age = standard('age_band');
    const census = ['Aged 15 years and under', 'Aged 16 to 24 years', 'Aged 25 to 34 years', 'Aged 75 years and over'];
    expect(suggestCategory('16-24', census, age)).toEqual({ category: 'Aged 16 to 24 years', reason: 'numbers' });
    expect(suggestCategory('75+', census, age)).toEqual({ category: 'Aged 75 years and over', reason: 'numbers' });
    expect(suggestCategory('Under 16', census, age)).toEqual({ category: 'Aged 15 years and under', reason: 'numbers' });
    expect(suggestCategory('80-84', census, age)).toEqual({ category: 'Aged 75 years and over', reason: 'numbers' });
    expect(suggestCategory('16-34', census, age)).toEqual({ category: '16-34', reason: 'own-band' });
    expect(suggestCategory('Prefer not to say', census, age)).toEqual({ category: null, reason: 'none' });
  });
});

describe('answers are suggested a standard category', () => {
  it('"F", "Woman" and "Female" are Female; Welsh wording too', () => {
    const sex = standard('sex');
    for (const answer of ['F', 'Woman', 'female ', 'FEMALE', 'Benyw']) expect(suggestCategory(answer, ['Female', 'Male'], sex).category, answer).toBe('Female');
    expect(suggestCategory('M', ['Female', 'Male'], sex)).toEqual({ category: 'Male', reason: 'synonym' });
    expect(suggestCategory('Non-binary', ['Female', 'Male'], sex)).toEqual({ category: null, reason: 'none' });
  });

  it('a detailed ethnic group counts in its high-level group, or in the census category naming it', () => {
    const ethnic = standard('ethnic_group');
    const high = ETHNIC_HIGH_LEVEL.map((c) => c.en);
    expect(suggestCategory('Asian, Asian British or Asian Welsh: Pakistani', high, ethnic).category).toBe('Asian, Asian British or Asian Welsh');
    expect(suggestCategory('Pakistani', high, ethnic).category).toBe('Asian, Asian British or Asian Welsh');
    // Census 2021's 8-category table puts Gypsy or Irish Traveller, Roma and Other White together; its White British
    // label orders the nations differently from the 19-category one.
    const eight = ['White: English, Welsh, Scottish, Northern Irish or British', 'White: Irish', 'White: Gypsy or Irish Traveller, Roma or Other White'];
    expect(suggestCategory('White: Roma', eight, ethnic).category).toBe('White: Gypsy or Irish Traveller, Roma or Other White');
    expect(suggestCategory('White: Welsh, English, Scottish, Northern Irish or British', eight, ethnic)).toEqual({ category: eight[0], reason: 'same' });
  });

  it('finds the characteristic a column or ONS variable is about', () => {
    expect(characteristicOf('Ethnic group (8 categories)')?.key).toBe('ethnic_group');
    expect(characteristicOf('Gender identity (7 categories)')?.key).toBe('gender_identity');
    expect(characteristicOf('What is your sex?')?.key).toBe('sex');
    expect(characteristicOf('age_band')?.key).toBe('age_band');
    expect(characteristicOf('Which ward do you live in?')).toBeNull();
  });

  it('every standard category has Welsh wording, and ethnic group has the 19 detailed and 5 high-level ONS categories', () => {
    for (const c of STANDARD_CHARACTERISTICS) for (const k of c.categories) expect(k.cy, `${c.key}: ${k.en}`).not.toBe('');
    const ethnic = standard('ethnic_group').categories;
    expect(ethnic.filter((c) => c.group).length).toBe(19);
    expect(ethnic.filter((c) => !c.group).length).toBe(5);
  });
});

describe.skipIf(!HAVE_REAL_FIXTURES)('free-text self-descriptions through the real analysts\' dictionaries (../shared/fixtures/real/codeframes)', () => {
  it('gender: what was typed is coded by the dictionary, then mapped; "unclear" codings are left to the user', () => {
    const dictionary = readDictionary(realFixture('codeframes', 'rstudio_2019_opentext_gender_dictionary.csv'));
    const sex = standard('sex');
    // Rows of the file: "men,male", "masculin,male", "-male,male".
    expect(suggestCategory('masculin', ['Female', 'Male'], sex, dictionary)).toEqual({ category: 'Male', reason: 'dictionary' });
    expect(suggestCategory('Men', ['Female', 'Male'], sex, dictionary)).toEqual({ category: 'Male', reason: 'synonym' });
    expect(suggestCategory('-male', ['Female', 'Male'], sex, dictionary).category).toBe('Male');
    const unclear = [...dictionary].filter(([, coded]) => coded === 'unclear').map(([typed]) => typed);
    expect(unclear.length).toBeGreaterThan(0);
    for (const typed of unclear) expect(suggestCategory(typed, ['Female', 'Male'], sex, dictionary).category, typed).toBeNull();
  });

  it('ethnicity: the dictionary codes typed answers to a high-level group where one exists', () => {
    const dictionary = readDictionary(realFixture('codeframes', 'rstudio_2019_opentext_ethnicity_dictionary.csv'));
    const ethnic = standard('ethnic_group');
    const high = ETHNIC_HIGH_LEVEL.map((c) => c.en);
    // Row of the file: "white,White".
    expect(suggestCategory('white', high, ethnic, dictionary).category).toBe('White');
    const codedWhite = [...dictionary].filter(([, coded]) => coded === 'White').map(([typed]) => typed);
    for (const typed of codedWhite) expect(suggestCategory(typed, high, ethnic, dictionary).category, typed).toBe('White');
    // "Hispanic or Latinx" is not an ONS group: no suggestion, the user decides.
    const hispanic = [...dictionary].find(([, coded]) => coded === 'Hispanic or Latinx')![0];
    expect(suggestCategory(hispanic, high, ethnic, dictionary).category).toBeNull();
  });
});

describe('mappings in the sample project', () => {
  const dir = tempDir();
  let project: ProjectFile;
  const waves = new Map<string, number>();
  let consultation: number;

  beforeAll(async () => {
    project = await ProjectFile.open(await ensureSampleProject(dir, sampleDataDir()));
    for (const r of await project.read('SELECT w.id, w.label, s.name FROM waves w JOIN surveys s ON s.id = w.survey_id')) {
      if (String(r.name) === 'Town Centre Consultation') consultation = Number(r.id);
      else waves.set(String(r.label), Number(r.id));
    }
  }, 120_000);
  afterAll(async () => project?.close());

  it('a saved mapping is the survey\'s: the next wave uses it, and it changes the comparison', async () => {
    const benchmark = path.join(sampleDataDir(), 'population-benchmark.csv');
    const source = { file: { path: benchmark } };
    const before = await resolveMapping(project, { waveId: waves.get('2024')!, variable: 'age_band', source });
    expect(before.mapping.entries.map((e) => [e.answer, e.category, e.reason])).toEqual(before.mapping.targets.map((t) => [t, t, 'same']));
    // Put 65-74 and 75+ together as the census's 65-74 category (a user's choice), on the 2023 wave.
    await saveMapping(project, before.mapping.surveyId, 'age_band', [{ answer: '75+', category: '65-74' }]);
    const after = await resolveMapping(project, { waveId: waves.get('2024')!, variable: 'age_band', source });
    expect(after.mapping.entries.find((e) => e.answer === '75+')).toMatchObject({ category: '65-74', reason: 'user' });
    const rep = await representation(project, RepresentationRequest.parse({ waveId: waves.get('2024')!, variable: 'age_band', source }));
    const older = rep.categories.find((c) => c.benchmarkCategory === '65-74')!;
    expect(older.answers).toEqual(['65-74', '75+']);
    expect(older.n).toBe(before.mapping.entries.find((e) => e.answer === '65-74')!.n + before.mapping.entries.find((e) => e.answer === '75+')!.n);
    expect(rep.excluded).toEqual([{ category: '75+', population: 12529 }]);
    expect(rep.notes.join(' ')).toContain('Left out of the population shares, as no answer to Age band counts in them: 75+.');
    await saveMapping(project, before.mapping.surveyId, 'age_band', [{ answer: '75+', category: '75+' }]);
  });

  it('children in the population but not in an adult survey are left out and said so; answers with no category too', async () => {
    const file = path.join(dir, 'ages.csv');
    fs.writeFileSync(file, 'age_band,population\nAged 15 years and under,20000\n16-24,15038\n25-34,16191\n35-44,14661\n45-54,15746\n55-64,16342\n65-74,13493\n75+,12529\n');
    const adult = await representation(project, RepresentationRequest.parse({ waveId: waves.get('2024')!, variable: 'age_band', source: { file: { path: file } } }));
    expect(adult.excluded).toEqual([{ category: 'Aged 15 years and under', population: 20000 }]);
    // The population shares are of the adults only: 15038 of 104000.
    expect(adult.categories[0]!.population_share).toBeCloseTo((100 * 15038) / 104000, 10);
    // The consultation's "Under 16" answers count in the census's under-16 category; without one they are left out.
    const withChildren = await representation(project, RepresentationRequest.parse({ waveId: consultation, variable: 'age_band', source: { file: { path: file } } }));
    expect(withChildren.categories[0]!.benchmarkCategory).toBe('Aged 15 years and under');
    const noChildren = await representation(project, RepresentationRequest.parse({ waveId: consultation, variable: 'age_band', source: { file: { path: path.join(sampleDataDir(), 'population-benchmark.csv') } } }));
    expect(noChildren.unmapped.map((u) => u.answer)).toEqual(['Under 16']);
    expect(noChildren.notes.join(' ')).toMatch(/respondents gave answers that count in no category and are left out: Under 16 \(\d+\)/);
  });

  it('flags need the index past its threshold and the population share outside the interval (sentences say so)', async () => {
    const rep = await representation(project, RepresentationRequest.parse({ waveId: waves.get('2024')!, variable: 'age_band', source: { file: { path: path.join(sampleDataDir(), 'population-benchmark.csv') } } }));
    for (const c of rep.categories) {
      const under = c.ri! < 80 && c.population_share > c.ci![1];
      const over = c.ri! > 125 && c.population_share < c.ci![0];
      expect(c.flag, c.category).toBe(under ? 'under' : over ? 'over' : null);
    }
    const young = rep.categories[0]!;
    // 104 of 2,462 respondents (4.22%, R: test/fixtures/equality/r) against 15,038 of 104,000 residents (14.46%).
    expect(young.sentence).toBe('People aged 16–24 are 14% of residents but 4.2% of respondents (index 29): under-represented.');
    const looser = await representation(project, RepresentationRequest.parse({ waveId: waves.get('2024')!, variable: 'age_band', source: { file: { path: path.join(sampleDataDir(), 'population-benchmark.csv') } }, thresholds: { underBelow: 20, overAbove: 500 } }));
    expect(looser.categories.every((c) => c.flag === null)).toBe(true);
  });
});
