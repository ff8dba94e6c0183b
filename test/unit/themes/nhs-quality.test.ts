import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ApplyRequest } from '../../../src/contract/themes.js';
import { codingAgreement } from '../../../src/stats/agreement.js';
import { buildCoder, codeText } from '../../../src/themes/auto-code.js';
import { seededRandom } from '../../../src/themes/discovery/seeded-random.js';
import { HAVE_REAL_FIXTURES, NO_FIXTURES_REASON, realFixture } from '../../support/shared-fixtures.js';

// The quality bar on real data: 10,334 NHS patient comments, each with one label given by people (pxtextmining phase
// 1; see PROVENANCE.md). Three quarters (a fixed seeded split) stand for the responses people have coded; the
// classifier learns from them exactly as themes.apply does (same code, the contract's default decision rule) and codes
// the other quarter, which is scored as the Themes page scores agreement: mean per-response F1 with its bootstrap
// interval. A plain TF-IDF + logistic regression baseline reaches about 0.68 on data of this kind; the mark to beat is
// 0.75. With a fixed threshold (0.4, falling back to the likeliest theme at 0.2) this split measured 0.745 (95%
// interval 0.729–0.761); with the expected-F1 set (chosen over the threshold by 3-fold cross-validation inside the
// training three quarters only: 0.725 against 0.713) it measures 0.754 (0.739–0.768). The floor asserted below sits a
// little under that, so a change that loses ground fails; 0.75 itself is inside the noise and is not asserted.
// Also tried by the same inner cross-validation, none better than 0.725 by more than the folds' noise (so not taken):
// L2 strength 1e-5 (0.722) and 1e-4 (0.727), 30 epochs (0.726), naive-Bayes-scaled features (NBSVM; 0.722 at the
// default strength, lower at others), terms in 1 response kept (0.728) or in under 3 dropped (0.722).
describe('auto-coding real NHS patient comments (pxtextmining phase 1)', () => {
  if (!HAVE_REAL_FIXTURES) {
    it.skip(NO_FIXTURES_REASON, () => undefined);
    return;
  }
  it('agrees with the human labels on held-out comments at a mean F1 of at least 0.74', () => {
    const csv = fs.readFileSync(realFixture('free_text', 'pxtextmining_phase1_text_data.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(10_334);
    const labels = [...new Set(rows.map((r) => r.label!))].sort();
    expect(labels).toHaveLength(9);
    const random = seededRandom(2024);
    const held = rows.map(() => random() < 0.25);
    const themeOf = (r: Record<string, string>) => labels.indexOf(r.label!) + 1;
    const coder = buildCoder(
      labels.map((_, i) => ({ id: i + 1, keywords: [], exclusions: [] })),
      rows.filter((_, i) => !held[i]).map((r) => ({ text: r.feedback!, themes: new Set([themeOf(r)]) })),
    );
    expect(coder.modelThemes).toHaveLength(9);
    const threshold = ApplyRequest.parse({ waveId: 0, question: 'q' }).threshold;
    expect(threshold).toBeUndefined(); // the contract's default: the expected-F1 rule
    const test = rows.filter((_, i) => held[i]);
    const people = test.map((r) => new Set([String(themeOf(r))]));
    const machine = test.map((r) => new Set(codeText(coder, r.feedback!, threshold).codes.map((c) => String(c.themeId))));
    const agreement = codingAgreement(people, machine, labels.map((_, i) => String(i + 1)));
    const kappa = labels.map((label, i) => `${label} ${agreement.kappa[String(i + 1)]!.toFixed(2)}`).join('; ');
    console.info(`NHS comments: ${agreement.n} held out, mean F1 ${agreement.f1!.toFixed(3)} (95% CI ${agreement.f1_ci!.map((v) => v.toFixed(3)).join('–')}); kappa: ${kappa}`);
    expect(agreement.n).toBeGreaterThan(2400);
    expect(agreement.f1!).toBeGreaterThanOrEqual(0.74);
    // Every label is found beyond chance, the rare ones (about 1% of comments each) least well.
    for (const k of Object.values(agreement.kappa)) expect(k!).toBeGreaterThan(0.1);
  });
});
