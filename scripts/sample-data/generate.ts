/**
 * CLI: `tsx scripts/sample-data/generate.ts [--out DIR]` writes the sample data
 * (default: sample-data/ at the repository root). Output is deterministic, so
 * re-running it on an unchanged script must leave git with nothing to commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeSampleData } from './write.js';

export { writeSampleData, sampleDataFiles, buildManifest, RESIDENT_WAVES } from './write.js';
export { generateResidentsWave, type ResidentsWave, type ResidentsWaveOptions } from './residents.js';
export { generateConsultation } from './consultation.js';

function main(argv: string[]): void {
  let out = path.resolve(__dirname, '..', '..', 'sample-data');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
    else if (arg.startsWith('--out=')) out = path.resolve(arg.slice('--out='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: tsx scripts/sample-data/generate.ts [--out DIR]\n');
      return;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  for (const name of writeSampleData(out)) {
    const bytes = fs.statSync(path.join(out, name)).size;
    process.stdout.write(`${path.join(path.relative(process.cwd(), out) || '.', name)}  ${(bytes / 1024).toFixed(0)} KiB\n`);
  }
}

// Run only when executed directly, not when imported by the tests or the benchmark.
if (/[\\/]scripts[\\/]sample-data[\\/]generate\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main(process.argv.slice(2));
