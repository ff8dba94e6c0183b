// Child process of bench/run.ts: writes a large generated wave to a CSV, so the benchmark's memory figure is the
// import's and not the generator's.
import fs from 'node:fs';
import { generateResidentsWave } from '../scripts/sample-data/generate.js';

const [file, rows] = process.argv.slice(2);
const out = fs.openSync(file!, 'w');
for (const chunk of generateResidentsWave({ year: 2024, rows: Number(rows), seed: 7 }).csvChunks(20_000)) fs.writeSync(out, chunk);
fs.closeSync(out);
