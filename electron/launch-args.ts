/**
 * Reading Heard's few command-line flags out of an Electron argv, which also carries the executable, the app path
 * in development (`electron . …`) and Chromium switches we must ignore. Pure, so main and the utility process share
 * it and tests can call it.
 */

/** The value of `--name VALUE` or `--name=VALUE`; the last one wins; undefined when absent or empty. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    } else if (arg.startsWith(`--${name}=`)) {
      value = arg.slice(name.length + 3);
    }
  }
  return value === '' ? undefined : value;
}

/**
 * The project to open at start: `--project FILE|sample`, else a bare `*.heard` path (how Windows and Linux pass a
 * double-clicked file), else the sample project.
 */
export function projectFromArgv(argv: readonly string[]): string {
  return requestedProject(argv) ?? 'sample';
}

/** The project the argv asks for, if it asks for one (a second launch with no file just focuses the window). */
export function requestedProject(argv: readonly string[]): string | undefined {
  const flagged = readFlag(argv, 'project');
  if (flagged !== undefined) return flagged;
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.heard'));
}
