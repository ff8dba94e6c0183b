import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/sample-data/csv.js';
import { discoverThemes, type Discovery } from '../../../src/themes/discovery/discover.js';
import { tfIdf } from '../../../src/themes/discovery/tfidf.js';
import { Tokeniser } from '../../../src/themes/discovery/tokens.js';
import { HAVE_REAL_FIXTURES, NO_FIXTURES_REASON, realFixture } from '../../support/shared-fixtures.js';
import { generatingThemes } from './generating-themes.js';

/** Share of responses in each candidate that share its commonest label, over every labelled response grouped. */
function purity(found: Discovery, labelOf: (i: number) => string | null): { purity: number; majorities: Set<string>; labelled: number } {
  let majority = 0;
  let labelled = 0;
  const majorities = new Set<string>();
  for (const c of found.candidates) {
    const counts = new Map<string, number>();
    for (const i of c.members) {
      const label = labelOf(i);
      if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (!top) continue;
    majority += top[1];
    majorities.add(top[0]);
    labelled += [...counts.values()].reduce((a, b) => a + b, 0);
  }
  return { purity: majority / labelled, majorities, labelled };
}

describe('TF-IDF', () => {
  it('weighs terms as 1 + ln(tf) times ln((1 + n) / (1 + df)) + 1, with unit-length vectors (checked by hand)', () => {
    const t = new Tokeniser();
    const docs = ['parking parking charges', 'parking spaces', 'library books'].map((s) => t.terms(s));
    const model = tfIdf(docs, { minDocs: 1, maxShare: 1, maxTerms: 100 });
    // Document 1: "park" twice (df 2 of 3), "charg" once (df 1), and the pairs "park park" and "park charg" once (df 1).
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    const raw = { park: (1 + Math.log(2)) * idf(2), charg: idf(1), 'park park': idf(1), 'park charg': idf(1) };
    const norm = Math.hypot(...Object.values(raw));
    const v = model.vectors[0]!;
    const weights = Object.fromEntries([...v.indices].map((d, j) => [model.terms[d]!, v.values[j]!]));
    for (const [term, w] of Object.entries(raw)) expect(weights[term]).toBeCloseTo(w / norm, 12);
    expect(Object.keys(weights)).toHaveLength(4);
  });

  it('leaves out stop words and numbers, and names terms in the words people wrote', () => {
    const t = new Tokeniser();
    const terms = [...t.terms("It's a waste of money, in 2024 the libraries' budget was £4m.").counts.keys()];
    expect(terms).toEqual(expect.arrayContaining(['wast', 'monei', 'wast monei', 'librari', 'budget']));
    expect(terms.some((term) => /\d|\bthe\b|\bof\b|\bit\b/.test(term))).toBe(false);
    expect(t.display('wast monei')).toBe('waste money');
  });
});

describe('discovery on the sample consultation', () => {
  const file = path.resolve(__dirname, '..', '..', '..', 'sample-data', 'consultation-2024.csv');
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const texts = rows.map((r) => r[header!.indexOf('Please explain your answers, or tell us anything else about the draft Town Centre Plan.')]!);
  const generated = texts.map(generatingThemes);
  // Responses written from exactly one of the codeframe's themes: the ones whose right group is unambiguous.
  const single = (i: number) => (generated[i]!.size === 1 ? [...generated[i]!][0]! : null);
  const found = discoverThemes(texts);

  it('chooses between 8 and 20 candidates and accounts for every response', () => {
    expect(found.k).toBeGreaterThanOrEqual(8);
    expect(found.k).toBeLessThanOrEqual(20);
    const grouped = found.candidates.reduce((s, c) => s + c.size, 0);
    expect(grouped + found.ungrouped.length + found.blank.length).toBe(texts.length);
    expect(found.blank.length).toBe(texts.filter((t) => t.trim() === '').length);
    const members = found.candidates.flatMap((c) => c.members);
    expect(new Set([...members, ...found.ungrouped, ...found.blank]).size).toBe(texts.length);
  });

  it('recovers the themes the comments were generated from', () => {
    const { purity: p, majorities, labelled } = purity(found, single);
    expect(labelled).toBeGreaterThan(300);
    // Chance (every response in the largest theme's group) would be about 0.2; the twelve themes are mostly found.
    expect(p).toBeGreaterThan(0.6);
    expect(majorities.size).toBeGreaterThanOrEqual(10);
  });

  it('names candidates by their key terms and quotes members nearest the centre, no text twice', () => {
    for (const c of found.candidates) {
      expect(c.terms.length).toBeGreaterThan(0);
      expect(c.name).toBe(c.terms.slice(0, 3).join(', '));
      expect(c.quotes.length).toBeGreaterThan(0);
      for (const q of c.quotes) expect(c.members).toContain(q);
      const quoted = c.quotes.map((q) => texts[q]!.toLowerCase().replace(/\W+/g, ' ').trim());
      expect(new Set(quoted).size).toBe(quoted.length);
    }
    // The library campaign (84 near-identical letters) is one candidate, named for the library.
    const campaign = rows.map((_, i) => i).filter((i) => texts[i]!.includes('I am writing to object to the proposal to move Central Library'));
    const home = found.candidates.find((c) => c.members.includes(campaign[0]!))!;
    expect(campaign.filter((i) => home.members.includes(i)).length / campaign.length).toBeGreaterThan(0.9);
    expect(home.terms.join(' ')).toMatch(/library/);
  });

  it('is the same every time for a seed, and gives what the user asks for with k', () => {
    expect(discoverThemes(texts)).toEqual(found);
    const fewer = discoverThemes(texts, { k: 6 });
    const more = discoverThemes(texts, { k: 25 });
    expect(fewer.candidates).toHaveLength(6);
    expect(more.candidates).toHaveLength(25);
    expect(discoverThemes(texts, { seed: 2 }).candidates.map((c) => c.size)).not.toEqual(found.candidates.map((c) => c.size));
  });

  it('copes with nothing to group: all blank, or only "No" and "n/a"', () => {
    expect(discoverThemes(['', '  ', '']).candidates).toEqual([]);
    const none = discoverThemes(['No', 'n/a', 'No.', '']);
    expect(none).toMatchObject({ k: 0, candidates: [], ungrouped: [0, 1, 2], blank: [3] });
  });
});

describe('discovery on real NHS patient comments (pxtextmining phase 1)', () => {
  if (!HAVE_REAL_FIXTURES) {
    it.skip(NO_FIXTURES_REASON, () => undefined);
    return;
  }
  it('groups comments so that candidates agree with the human labels well beyond chance', () => {
    const csv = fs.readFileSync(realFixture('free_text', 'pxtextmining_phase1_text_data.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(10_334);
    const texts = rows.map((r) => r.feedback ?? '');
    const found = discoverThemes(texts);
    expect(found.k).toBeGreaterThanOrEqual(8);
    expect(found.k).toBeLessThanOrEqual(20);
    expect(found.candidates.reduce((s, c) => s + c.size, 0) + found.ungrouped.length + found.blank.length).toBe(10_334);
    const { purity: p } = purity(found, (i) => rows[i]!.label!);
    // The labels are broad and overlap ("Care received", "Staff"); putting every comment in the commonest label
    // scores that label's share, about 0.36 of the grouped comments.
    const shares = new Map<string, number>();
    const grouped = found.candidates.flatMap((c) => c.members);
    for (const i of grouped) shares.set(rows[i]!.label!, (shares.get(rows[i]!.label!) ?? 0) + 1);
    const chance = Math.max(...shares.values()) / grouped.length;
    expect(p).toBeGreaterThan(chance + 0.07);
  });
});
