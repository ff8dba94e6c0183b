import { ImportCodesRequest } from '../../contract/themes.js';
import { importCodes } from '../../themes/import-codes.js';
import { parse, printJson, required, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';
import { countsByCode, renderCounts } from './themes-counts.js';

/** heard themes import-codes: human codes from a CSV (respondent id, then one 0/1 column per theme). */
export async function themesImportCodesCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'question', 'codes', 'id-column']);
  const question = required(values.question, '--question VARIABLE');
  const file = required(values.codes, '--codes FILE');
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return importCodes(project, ImportCodesRequest.parse({ waveId, question, path: file, idColumn: values['id-column'] }));
  });
  if (values.json) printJson(out, { matched: result.matched, added_themes: result.addedThemes, counts: countsByCode(result.counts) });
  else {
    const added = result.addedThemes.length ? ` New themes added to the codeframe: ${result.addedThemes.join(', ')}.` : '';
    out.stdout(`Stored the codes of ${result.matched} respondents as people's decisions.${added}\n${renderCounts(result.counts)}`);
  }
  return 0;
}
