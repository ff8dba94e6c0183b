import { placeWave } from '../../locality/place-wave.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** heard locality: postcodes to ward, LSOA, local authority and deprivation decile; nobody dropped. */
export async function localityCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'postcodes', 'onspd', 'deprivation', 'index']);
  const summary = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return placeWave(project, {
      waveId,
      postcodeColumn: required(values.postcodes, '--postcodes COLUMN'),
      directoryPath: values.onspd,
      deprivationPath: values.deprivation,
      deprivationIndex: values.index,
    });
  });
  if (values.json) {
    printJson(out, summary);
    return 0;
  }
  out.stdout(
    `${summary.matched} of ${summary.rows} respondents placed; ${summary.terminated} terminated postcodes (placed, flagged), ` +
      `${summary.unmatched} not in the directory, ${summary.invalid} not postcodes, ${summary.partial} partial, ${summary.blank} blank.\n`,
  );
  for (const u of summary.unmatchedList.slice(0, 20)) out.stdout(`  row ${u._row + 1}: "${u.postcode_raw ?? ''}" (${u.status})\n`);
  if (summary.unmatchedList.length > 20) out.stdout(`  … and ${summary.unmatchedList.length - 20} more (use --json for all).\n`);
  return 0;
}
