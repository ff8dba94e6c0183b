import { LayoutName } from '../../contract/index.js';
import { importFile } from '../../import/import-file.js';
import { integer, parse, printJson, required, UsageError, type Out } from '../args.js';
import { withProject } from '../project-access.js';

/** heard import FILE --project P: the inferred model is used (the review step is the app's). */
export async function importCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'wave', 'name', 'sheet', 'encoding', 'delimiter', 'layout', 'year', 'kind', 'allow-duplicate'], 1);
  const file = required(values.positionals[0], 'The file to import');
  const layout = values.layout === undefined || values.layout === 'auto' ? undefined : LayoutName.safeParse(values.layout);
  if (layout && !layout.success) throw new UsageError(`--layout must be auto or one of ${LayoutName.options.join(', ')}.`);
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (delimiter !== undefined && ![',', ';', '\t', '|'].includes(delimiter)) throw new UsageError('--delimiter must be one of , ; tab |.');
  if (values.kind !== undefined && values.kind !== 'survey' && values.kind !== 'consultation') throw new UsageError('--kind must be survey or consultation.');

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const outcome = await withProject(
      required(values.project, '--project FILE'),
      values.dataDir,
      (project) =>
        importFile(
          project,
          {
            path: file,
            surveyName: values.name,
            waveLabel: values.wave,
            sheet: values.sheet,
            encoding: values.encoding,
            delimiter: delimiter as ',' | ';' | '\t' | '|' | undefined,
            layout: layout?.data,
            year: integer(values.year, '--year'),
            kind: values.kind as 'survey' | 'consultation' | undefined,
            allowDuplicate: values['allow-duplicate'],
          },
          { signal: controller.signal },
        ),
      { create: true },
    );
    if (values.json) {
      printJson(out, {
        survey: outcome.surveyId,
        surveyName: outcome.surveyName,
        wave: outcome.waveId,
        waveLabel: outcome.waveLabel,
        rows: outcome.rows,
        rejected: outcome.rejected,
        flagged: outcome.flagged,
        layout: outcome.layout,
        encoding: outcome.encoding,
        columns: outcome.columns.map((c) => ({ name: c.name, label: c.label, type: c.type, role: c.role, options: c.options })),
        warnings: outcome.warnings,
      });
    } else {
      out.stdout(`Imported ${outcome.rows} responses into ${outcome.surveyName} (${outcome.waveLabel}), survey ${outcome.surveyId}: ${outcome.layout} layout, ${outcome.encoding}.\n`);
      if (outcome.rejected) out.stdout(`${outcome.rejected} records could not be read; they are kept with their line numbers (see the app's Data page).\n`);
      if (outcome.flagged) out.stdout(`${outcome.flagged} values did not fit their column and are flagged.\n`);
      for (const w of outcome.warnings) out.stdout(`Note: ${w}\n`);
    }
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
