import { startWebHost } from '../../web/host.js';
import { parse, UsageError, type Out } from '../args.js';

export async function serve(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['port', 'project']);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const host = await startWebHost({ port, project: values.project, dataDir: values.dataDir });
  out.stdout(`Heard is running at ${host.url}  (press Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await host.close();
  return 0;
}
