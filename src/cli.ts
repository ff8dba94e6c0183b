import { parseArgs } from 'node:util';
import { HeardError } from './contract/index.js';
import { createBackend } from './backend.js';
import { defaultDataDir } from './paths.js';
import { startWebHost } from './web/host.js';
import { version } from './version.js';

const USAGE = `Usage: heard <command> [options]

Commands:
  serve [--port N] [--project FILE|sample]   Run Heard in your browser (on this computer only)
  surveys --project FILE|sample [--json]     List the surveys and waves in a project

Options:
  --data-dir DIR   Where Heard keeps its own files (default: ${defaultDataDir()})
  --help, --version`;

/** User mistakes exit 1 with one line; anything unexpected exits 2. */
export class UsageError extends Error {}

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };
const processOut: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

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
    if (command === 'serve') return await serve(rest, out);
    if (command === 'surveys') return await surveys(rest, out);
    throw new UsageError(`Unknown command "${command}". Run "heard --help" to see the commands.`);
  } catch (err) {
    if (err instanceof UsageError) {
      out.stderr(`heard: ${err.message}\n`);
      return 1;
    }
    if (err instanceof HeardError && err.code !== 'internal') {
      out.stderr(`heard: ${err.message}\n`);
      return 1;
    }
    out.stderr(`heard: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

const OPTIONS = {
  port: { type: 'string' },
  project: { type: 'string' },
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

function parse(args: string[], allowed: ReadonlyArray<keyof typeof OPTIONS>) {
  let values;
  try {
    values = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  for (const key of Object.keys(values)) {
    if (key !== 'data-dir' && !allowed.includes(key as keyof typeof OPTIONS)) throw new UsageError(`This command does not take --${key}.`);
  }
  return { ...values, dataDir: values['data-dir'] ?? defaultDataDir() };
}

async function serve(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['port', 'project']);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const host = await startWebHost({
    port,
    project: values.project,
    dataDir: values.dataDir,
  });
  out.stdout(`Heard is running at ${host.url}  (press Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

async function surveys(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json']);
  if (!values.project) throw new UsageError('surveys needs --project FILE (or --project sample).');
  const backend = await createBackend({
    project: values.project,
    dataDir: values.dataDir,
  });
  try {
    const signal = new AbortController().signal;
    const list = await backend.handlers['surveys.list']({}, { signal, progress: () => undefined });
    if (values.json) {
      out.stdout(`${JSON.stringify({ surveys: list }, null, 2)}\n`);
    } else {
      for (const survey of list) {
        out.stdout(`${survey.name} (${survey.kind})\n`);
        for (const wave of survey.waves) out.stdout(`  ${wave.label}: ${wave.rowCount} responses, ${wave.columnCount} questions\n`);
      }
      if (list.length === 0) out.stdout('This project has no surveys yet.\n');
    }
    return 0;
  } finally {
    await backend.close();
  }
}
