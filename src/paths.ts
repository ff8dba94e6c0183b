import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Heard keeps its own files (recent list, the sample project): HEARD_HOME, else a per-user folder. */
export function defaultDataDir(): string {
  if (process.env.HEARD_HOME) return path.resolve(process.env.HEARD_HOME);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Heard');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Heard');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'heard');
}

/** The package root (where package.json, sample-data/ and dist/ live), from dist/src/ or src/ alike. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the Heard package root');
    dir = up;
  }
  return dir;
}

export function sampleDataDir(): string {
  return path.join(packageRoot(), 'sample-data');
}

export function rendererDir(): string {
  return path.join(packageRoot(), 'dist', 'renderer');
}
