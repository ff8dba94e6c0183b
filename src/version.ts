import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

/** Heard's version, from package.json (one place to change it). */
export const version: string = (
  JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
