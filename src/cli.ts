import { HeardError } from './contract/index.js';
import { defaultDataDir } from './paths.js';
import { version } from './version.js';
import { UsageError, type Out } from './cli/args.js';
import { exportCommand } from './cli/commands/export.js';
import { gapCommand } from './cli/commands/gap.js';
import { importCommand } from './cli/commands/import.js';
import { localityCommand } from './cli/commands/locality.js';
import { rakeCommand } from './cli/commands/rake.js';
import { reportCommand } from './cli/commands/report.js';
import { representCommand } from './cli/commands/represent.js';
import { breakdownCommand } from './cli/commands/breakdown.js';
import { serve } from './cli/commands/serve.js';
import { questions, surveys } from './cli/commands/surveys.js';
import { tableCommand } from './cli/commands/table.js';
import { themesCommand } from './cli/commands/themes.js';
import { trendCommand } from './cli/commands/trend.js';

export { UsageError } from './cli/args.js';

const USAGE = `Usage: heard <command> [options]

Commands:
  serve [--port N] [--project FILE|sample]            Run Heard in your browser (on this computer only)
  import FILE --project P [--name TEXT] [--wave LABEL] [--year N] [--sheet NAME]
         [--encoding ENC] [--delimiter ,|;|tab|pipe] [--layout auto|plain|surveymonkey|qualtrics|limesurvey]
         [--allow-duplicate] [--json]                 Import a survey export (the project is created if missing)
  surveys --project P [--json]                        List the surveys and waves in a project
  questions --project P --survey S [--wave LABEL] [--json]
                                                      A survey's columns: label, type, role, options
  export --project P --survey S --out FILE.csv [--columns a,b] [--wave LABEL] [--json]
                                                      Write responses to CSV (formulas neutralised)
  locality --project P --survey S --postcodes COLUMN [--onspd FILE] [--deprivation FILE --index IMD2019|WIMD2019]
         [--wave LABEL] [--json]                      Place respondents by postcode: ward, LSOA, local authority, decile
  rake --project P --survey S --margins FILE [--margins FILE ...] [--base-weight W] [--trim K] --save NAME
         [--replace] [--exclude-missing] [--rescale-margins] [--wave LABEL] [--json]
                                                      Rake to population margins and save the weights under NAME
  table --project P --survey S --row VAR [--col VAR] [--weight W] [--where VAR=VALUE ...]
         [--compare holm|bh|none] [--wave LABEL] [--json]
                                                      Crosstab: column %, SEs, CIs, letters, bases, chi-square
  gap --project P --survey S --importance VAR [--satisfaction VAR] [--weight W] [--paired | --mean] [--by VAR]
         [--top-importance "A|B"] [--top-satisfaction "A|B"] [--wave LABEL] [--json]
                                                      Importance less satisfaction, by group against the rest
  trend --project P --surveys S1,S2[,...] --row VAR [--top "A|B"] [--weight W] [--survey S] [--json]
                                                      Top-box % across waves and the latest change
  themes discover --project P --survey S --question VAR [--k N] [--wave LABEL] [--json]
                                                      Candidate themes in a free-text question: terms, size, examples
  report --project P --survey S [--compare S0] --out FILE.(docx|html|xlsx|pdf) [--lang en|cy]
         [--sections a,b,...] [--replace] [--json]     The committee report (sections: summary, methodology,
                                                      headline, responded, groups, themes, trends, appendix)
  represent --project P --survey S --characteristic VAR --benchmark FILE [--area CODE] [--variable NAME]
         [--wave LABEL] [--json]                      Respondents against the population: shares, index, flags
  breakdown --project P --survey S --outcome VAR [--top "A|B"] --by VAR [--by2 VAR] [--weight W]
         [--wave LABEL] [--json]                      Top-box % by group, each against the rest, protected
  themes import-codes --project P --survey S --question VAR --codes FILE [--id-column NAME] [--wave LABEL] [--json]
                                                      Store people's codes from a CSV (id, then one 0/1 column per theme)
  themes apply --project P --survey S --question VAR [--codeframe FILE] [--train-from-human] [--wave LABEL] [--json]
                                                      Auto-code every response no person has coded; counts per theme
  themes evaluate --project P --survey S --question VAR --gold FILE [--id-column NAME] [--wave LABEL] [--json]
                                                      Agreement with a gold file: mean F1 with its 95% interval, kappa
  themes export --project P --survey S --question VAR --out FILE.csv [--wave LABEL] [--json]
                                                      Respondent id plus one 0/1 column per theme

Options:
  --data-dir DIR   Where Heard keeps its own files (default: ${defaultDataDir()})
  --help, --version`;

const COMMANDS: Record<string, (args: string[], out: Out) => Promise<number>> = {
  serve,
  import: importCommand,
  surveys,
  questions,
  export: exportCommand,
  locality: localityCommand,
  table: tableCommand,
  rake: rakeCommand,
  gap: gapCommand,
  trend: trendCommand,
  themes: themesCommand,
  report: reportCommand,
  represent: representCommand,
  breakdown: breakdownCommand,
};

const processOut: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** Exit codes: 0 success; 1 a problem with what was asked (one line on stderr); 2 an internal error. */
export async function main(argv: string[], out: Out = processOut): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === 'help') {
      out.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === '--version') {
      out.stdout(`${version}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`Unknown command "${command}". Run "heard --help" to see the commands.`);
    return await run(rest, out);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof HeardError && err.code !== 'internal')) {
      out.stderr(`heard: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
    out.stderr(`heard: internal error: ${err instanceof Error ? err.message.replace(/\s*\n\s*/g, ' ') : String(err)}\n`);
    return 2;
  }
}
