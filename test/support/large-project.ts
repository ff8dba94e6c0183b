import fs from 'node:fs';
import path from 'node:path';
import { ProjectFile } from '../../src/engine/project-file.js';
import { ensureSampleProject } from '../../src/sample/build-sample-project.js';

/**
 * A project holding the sample project's residents' wave repeated to `rows` rows (default 1,000,000), as a survey
 * of its own ("Large survey", wave "Large"), for checking the real backend and grid at that size. Respondent ids are
 * made unique (…-r<copy>) so a test can tell which row it is looking at. Written in row order, so rowid is the row
 * number as for any wave. Takes a few seconds.
 */
export async function makeLargeProject(dir: string, sampleDir: string, rows = 1_000_000): Promise<string> {
  const sample = await ensureSampleProject(path.join(dir, 'sample-build'), sampleDir);
  const file = path.join(dir, 'Large survey.heard');
  fs.copyFileSync(sample, file);
  const project = await ProjectFile.open(file);
  try {
    await project.write(async (tx) => {
      const [source] = await tx.read("SELECT id, row_count FROM waves WHERE label = '2023' ORDER BY id LIMIT 1");
      const sourceId = Number(source!.id);
      const sourceRows = Number(source!.row_count);
      const [survey] = await tx.read("INSERT INTO surveys (name, kind) VALUES ('Large survey', 'survey') RETURNING id");
      const [wave] = await tx.read("SELECT nextval('wave_id_seq') AS id");
      const waveId = Number(wave!.id);
      const copies = Math.ceil(rows / sourceRows);
      await tx.run(`
        CREATE TABLE wave_${waveId} AS
        SELECT w.* REPLACE (w.respondent_id || '-r' || c.range AS respondent_id)
        FROM (SELECT rowid AS source_row, * FROM wave_${sourceId}) w, range(${copies}) c
        WHERE c.range * ${sourceRows} + w.source_row < ${rows}
        ORDER BY c.range, w.source_row`);
      await tx.run(`ALTER TABLE wave_${waveId} DROP COLUMN source_row`);
      await tx.run(
        `INSERT INTO waves (id, survey_id, label, year, table_name, source_file, row_count)
         VALUES ($1, $2, 'Large', 2025, $3, 'generated', $4)`,
        [waveId, Number(survey!.id), `wave_${waveId}`, rows],
      );
      await tx.run(
        `INSERT INTO questions SELECT * REPLACE ($1 AS wave_id) FROM questions WHERE wave_id = $2`,
        [waveId, sourceId],
      );
    });
  } finally {
    await project.close();
  }
  return file;
}
