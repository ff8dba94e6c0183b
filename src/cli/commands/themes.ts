import { UsageError, type Out } from '../args.js';
import { themesApplyCommand } from './themes-apply.js';
import { themesDiscoverCommand } from './themes-discover.js';
import { themesEvaluateCommand, themesExportCommand } from './themes-evaluate.js';
import { themesImportCodesCommand } from './themes-import-codes.js';

/** heard themes <subcommand>: each subcommand lives in its own file (themes-<name>.ts). */
const SUBCOMMANDS: Record<string, (args: string[], out: Out) => Promise<number>> = {
  discover: themesDiscoverCommand,
  'import-codes': themesImportCodesCommand,
  apply: themesApplyCommand,
  evaluate: themesEvaluateCommand,
  export: themesExportCommand,
};

export async function themesCommand(args: string[], out: Out): Promise<number> {
  const [sub, ...rest] = args;
  const known = Object.keys(SUBCOMMANDS).join(', ');
  if (sub === undefined || sub.startsWith('-')) throw new UsageError(`"heard themes" needs a subcommand: ${known}.`);
  const run = SUBCOMMANDS[sub];
  if (!run) throw new UsageError(`Unknown subcommand "themes ${sub}". Subcommands: ${known}.`);
  return run(rest, out);
}
