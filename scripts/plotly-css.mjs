// Writes renderer/features/tables/plotly.css from the Plotly bundle's own table of style rules, which Plotly would
// otherwise add with a <style> element that the app's strict CSP refuses. Run after upgrading Plotly:
//   node scripts/plotly-css.mjs
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const bundle = require.resolve('plotly.js-basic-dist-min');
const { version } = require('plotly.js-basic-dist-min/package.json');
const source = fs.readFileSync(bundle, 'utf8');
const start = source.indexOf('{"X,X div":');
const end = source.indexOf('};for(', start);
if (start < 0 || end < 0) throw new Error(`Cannot find Plotly's style rules in ${bundle}: its layout has changed.`);
// The table is a plain object literal of strings (Node only: this never runs in the app).
const rules = Function(`return ${source.slice(start, end + 1)}`)();
let css = `/*
 * Plotly's own rules (plotly.js-basic-dist-min ${version}), as a file: Plotly adds them with a <style> element at run
 * time, which the strict CSP (style-src 'self') refuses; plotlyLoader.ts tells Plotly they are here already.
 * Written by scripts/plotly-css.mjs from the bundle's table of rules: run it again when Plotly is upgraded.
 */
`;
for (const [selector, body] of Object.entries(rules)) {
  const full = selector.replace(/^,/, ' ,').replace(/X/g, '.js-plotly-plot .plotly').replace(/Y/g, '.plotly-notifier');
  css += `${full} {\n  ${body.split(';').filter(Boolean).join(';\n  ')};\n}\n`;
}
fs.writeFileSync(path.join(import.meta.dirname, '..', 'renderer', 'features', 'tables', 'plotly.css'), css);
