import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFile } from '../../../src/engine/project-file.js';
import { importFile } from '../../../src/import/import-file.js';
import { HAVE_REAL_FIXTURES, NO_FIXTURES_REASON, realFixture } from '../../support/shared-fixtures.js';
import { tempDir } from '../../support/temp-dir.js';

/** Every real export: the respondent count, layout and a label each, as PROVENANCE.md records them. */
const EXPORTS: Array<{ file: string; rows: number; layout: string; label?: RegExp }> = [
  { file: 'qualtrics/qualtRics_sample.csv', rows: 1, layout: 'qualtrics' },
  { file: 'qualtrics/qualtRics_sample_legacy.csv', rows: 1, layout: 'qualtrics-legacy' },
  { file: 'qualtrics/QualtricsTools_Sample_Survey_Insights.csv', rows: 5, layout: 'qualtrics' },
  { file: 'qualtrics/QualtricsTools_Sample_Survey_Legacy.csv', rows: 5, layout: 'qualtrics-legacy' },
  { file: 'qualtrics/QualtricsTools_Test_Survey_for_Coded_Comments.csv', rows: 10, layout: 'qualtrics' },
  { file: 'surveymonkey/fivethirtyeight_steak-risk-survey.csv', rows: 550, layout: 'surveymonkey', label: /lottery/i },
  { file: 'surveymonkey/fivethirtyeight_comma-survey.csv', rows: 1129, layout: 'plain', label: /Oxford\) comma/i },
  { file: 'surveymonkey/fivethirtyeight_flying-etiquette.csv', rows: 1040, layout: 'plain', label: /recline/i },
  { file: 'google_forms/cs50_2019_favorite_tv_shows_form_responses_1.csv', rows: 490, layout: 'google-forms', label: /title/i },
  { file: 'google_forms/cs50_2020_favorite_tv_shows_form_responses_1.csv', rows: 514, layout: 'google-forms', label: /genres/i },
  { file: 'google_forms/rstudio_2019_Spanish_R_Community_Survey_Responses.csv', rows: 338, layout: 'google-forms', label: /¿/ },
  { file: 'google_forms/rstudio_2019_Spanish_R_Community_Survey_Responses.xlsx', rows: 338, layout: 'google-forms', label: /¿/ },
  // PROVENANCE counts 12 records, but the twelfth is the empty line after the last newline: 10 respondents.
  { file: 'limesurvey/chi_material_results-survey332449_v2018-07-06.csv', rows: 10, layout: 'limesurvey' },
  { file: 'spss/pyreadstat_sample.sav', rows: 5, layout: 'spss' },
  { file: 'spss/haven_umlauts.sav', rows: 4, layout: 'spss', label: /ä-umlaut/ },
  { file: 'spss/haven_labelled-num-na.sav', rows: 2, layout: 'spss' },
];

describe.skipIf(!HAVE_REAL_FIXTURES)('importing the real exports', () => {
  const dir = tempDir();
  for (const expected of EXPORTS) {
    it(`${expected.file}: ${expected.rows} respondents, ${expected.layout} layout`, async () => {
      const project = await ProjectFile.create(path.join(dir, `${path.basename(expected.file)}.heard`));
      try {
        const outcome = await importFile(project, { path: realFixture('survey_exports', expected.file) });
        expect(outcome.rows + outcome.rejected).toBe(expected.rows);
        expect(outcome.rejected).toBe(0);
        expect(outcome.layout).toBe(expected.layout);
        if (expected.label) expect(outcome.columns.map((c) => c.label).join('\n')).toMatch(expected.label);
        const [count] = await project.read(`SELECT count(*)::INTEGER AS n FROM wave_${outcome.waveId}`);
        expect(count!.n).toBe(expected.rows);
      } finally {
        await project.close();
      }
    });
  }
});

describe.skipIf(HAVE_REAL_FIXTURES)('importing the real exports', () => {
  it.skip(NO_FIXTURES_REASON, () => undefined);
});
