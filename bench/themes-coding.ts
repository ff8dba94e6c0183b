/**
 * Auto-coding and review-queue rows for `npm run bench`: 100,000 written consultation responses (the sample's
 * generator, run for 125,000 respondents since about one in five leaves the comment box empty) coded
 * against a 30-theme codeframe (the sample's 12 themes and 18 more), with 2,000 responses coded by "people" (the
 * generator's keyword coder, imported as human codes) so a calibrated model is learned for every theme. Times
 * themes.apply end to end (read, rules, model training and scoring, writing the codes and the undo snapshot in one
 * transaction) and themes.reviewNext; the baseline is DuckDB reading the 100,000 answers alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODEFRAME, keywordCodes } from '../scripts/sample-data/codeframe.js';
import { generateConsultation } from '../scripts/sample-data/consultation.js';
import { toCsv } from '../scripts/sample-data/csv.js';
import { ProjectFile } from '../src/engine/project-file.js';
import { importDescribedCsv } from '../src/import/import-described-csv.js';
import { sampleDataDir } from '../src/paths.js';
import { readManifest } from '../src/sample/manifest.js';
import { applyCoding } from '../src/themes/apply.js';
import { createCodeframe } from '../src/themes/codeframe-store.js';
import { importCodes } from '../src/themes/import-codes.js';
import { attachCodeframe } from '../src/themes/question-coding.js';
import { answersSql, textQuestion } from '../src/themes/question.js';
import { reviewNext } from '../src/themes/review.js';
import { median, medianMs } from './timing.js';

/** Respondents generated: about 100,000 of them write a comment. */
export const CODING_RESPONDENTS = 125_000;
const QUESTION = 'comments';

/** 18 themes beyond the sample's 12, so the codeframe has the 30 of the target. */
const EXTRA = ['toilets', 'benches', 'litter', 'noise', 'market', 'events', 'signage', 'heritage', 'housing', 'youth', 'dogs', 'pavements', 'cafes', 'roadworks', 'taxis', 'trees', 'lighting', 'flowers'];

export async function benchThemeCoding(dir: string, respondents = CODING_RESPONDENTS): Promise<string[][]> {
  const { header, rows } = generateConsultation(2024, respondents);
  const csv = path.join(dir, 'consultation-bench.csv');
  fs.writeFileSync(csv, toCsv(header, rows));
  const survey = readManifest(sampleDataDir()).surveys.find((s) => s.kind === 'consultation')!;
  const project = await ProjectFile.create(path.join(dir, 'themes-bench.heard'));
  try {
    const waveId = await project.write(async (tx) => {
      const [s] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Bench consultation', 'consultation') RETURNING id");
      return importDescribedCsv(tx, { surveyId: Number(s!.id), label: '2024', year: 2024, file: csv, columns: survey.columns });
    });
    const themes = [
      ...CODEFRAME.map((c) => ({ code: c.code, name: c.theme, keywords: c.keywords.map((k) => (/\p{L}$/u.test(k) ? `${k}*` : k)) })),
      ...EXTRA.map((word) => ({ name: word[0]!.toUpperCase() + word.slice(1), keywords: [word] })),
    ];
    const codeframeId = await project.write((tx) => createCodeframe(tx, 'Bench codeframe', '', themes));
    const question = { waveId, question: QUESTION };
    await attachCodeframe(project, { ...question, codeframeId });

    // 2,000 answered responses coded by "people".
    const q = await textQuestion(project, question);
    const answered = (await project.read(`${answersSql(q)} LIMIT 2000`)).map((r) => ({ row: Number(r._row), text: String(r.text) }));
    const idAt = header.indexOf('Response ID');
    const codesCsv = path.join(dir, 'bench-codes.csv');
    fs.writeFileSync(codesCsv, toCsv(['id', ...CODEFRAME.map((c) => c.code)], answered.map(({ row, text }) => {
      const codes = keywordCodes(text);
      return [rows[row]![idAt]!, ...CODEFRAME.map((c) => (codes.includes(c.code) ? '1' : '0'))];
    })));
    await importCodes(project, { ...question, path: codesCsv });

    let coded = 0;
    let trained = 0;
    const applyMs = await medianMs(async () => {
      const r = await applyCoding(project, { ...question, trainFromHuman: true });
      [coded, trained] = [r.coded, r.model.themes.length];
    }, 3);
    // CPU time of one more run (this process, DuckDB's threads included): on a machine shared with others the wall
    // time above stretches with their load, this much less.
    const cpu = process.cpuUsage();
    await applyCoding(project, { ...question, trainFromHuman: true });
    const { user, system } = process.cpuUsage(cpu);
    const readMs = await medianMs(() => project.read(answersSql(q)), 3);

    const nextMs: number[] = [];
    const skip: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      const item = await reviewNext(project, { ...question, skip });
      nextMs.push(performance.now() - start);
      skip.push(item.response!.row);
    }
    return [
      [
        `auto-coding ${coded.toLocaleString('en-GB')} responses × 30 themes (rules + model for ${trained} themes learned from 2,000 coded), median of 3`,
        `${(applyMs / 1000).toFixed(2)} s (${((user + system) / 1e6).toFixed(2)} s CPU)`,
        `${(readMs / 1000).toFixed(2)} s DuckDB reading the answers alone`,
        (applyMs / readMs).toFixed(1),
        '< 5 s',
      ],
      [`review queue: next response of ${coded.toLocaleString('en-GB')} (least certain first), median of 30`, `${median(nextMs).toFixed(1)} ms`, '', '', '< 100 ms'],
    ];
  } finally {
    await project.close();
  }
}

if (require.main === module) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-bench-themes-'));
  benchThemeCoding(dir, Number(process.env.HEARD_BENCH_RESPONDENTS ?? CODING_RESPONDENTS))
    .then((rows) => console.log(rows.map((r) => r.join(' | ')).join('\n')))
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
