import { Comparison, CrosstabRequest, type Crosstab } from '../../contract/tables.js';
import { applySuppression, netMembers } from '../../stats/disclosure.js';
import { crosstab } from '../../tables/crosstab.js';
import { tableVariables, type TableVariableSpec } from '../../tables/variables.js';
import { parse, printJson, required, UsageError, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** heard table: a crosstab of one wave, as JSON (the contract in README) or as a readable table. */
export async function tableCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'row', 'col', 'weight', 'where', 'compare']);
  const compare = Comparison.safeParse(values.compare ?? 'holm');
  if (!compare.success) throw new UsageError(`--compare must be holm, bh or none, not "${values.compare}".`);
  const where = (values.where ?? []).map((clause) => {
    const at = clause.indexOf('=');
    if (at <= 0) throw new UsageError(`--where takes VARIABLE=VALUE, e.g. --where sex=Female; "${clause}" has no "=".`);
    return { column: clause.slice(0, at), value: clause.slice(at + 1) };
  });
  const [table, rowVariable] = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    const request = CrosstabRequest.parse({ waveId, row: required(values.row, '--row VARIABLE'), col: values.col, weight: values.weight, where, comparison: compare.data });
    const result = await crosstab(project, request);
    return [result, (await tableVariables(project, waveId)).find((v) => v.name === result.row)!] as const;
  });
  if (values.json) printJson(out, contractOf(table));
  else out.stdout(render(table, rowVariable));
  return 0;
}

/** Exactly the fields README documents, in its order. */
function contractOf(t: Crosstab) {
  return {
    row: t.row,
    col: t.col,
    weight: t.weight,
    cells: t.cells.map(({ row, col, n, weighted_n, pct, se, ci, letters, flag }) => ({ row, col, n, weighted_n, pct, se, ci, letters, flag })),
    bases: t.bases.map(({ col, n, weighted_n, n_eff }) => ({ col, n, weighted_n, n_eff })),
    test: t.test && { method: t.test.method, statistic: t.test.statistic, df: t.test.df, p: t.test.p },
  };
}

const WIDTH = 14;

/** A plain-text table with primary and secondary suppression applied, as the exported table shows it. */
function render(t: Crosstab, rowVariable: TableVariableSpec): string {
  const disclosed = applySuppression({ rows: t.rows, cells: t.cells, nets: netMembers(t.rows, rowVariable.categories), columnsAddUp: rowVariable.kind !== 'multi' });
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const labelWidth = Math.min(48, Math.max(12, ...t.rows.map((r) => r.label.length)));
  const line = (label: string, cells: string[]) => `${fit(label, labelWidth)}  ${cells.map((c) => c.padStart(WIDTH)).join(' ')}`.trimEnd();
  const lines = [`${t.rowLabel}${t.colLabel ? ` by ${t.colLabel}` : ''}, ${t.weight ? `weighted by ${t.weight}` : 'unweighted'}: column %`, ''];
  if (t.colLabel) {
    lines.push(line('', t.bases.map((b) => fit(`${b.letter} ${b.col}`, WIDTH).trimEnd())));
  }
  for (const row of t.rows) {
    const cells = disclosed.filter((c) => c.row === row.label);
    lines.push(line(row.label, cells.map((c) => (c.shown === 'c' ? '[c]' : c.shown === 'x' ? '[x]' : `${c.pct.toFixed(1)}${c.low ? ' [low]' : ''}${c.letters.length ? ` ${c.letters.join('')}` : ''}`))));
  }
  lines.push(line('Base (respondents)', t.bases.map((b) => String(b.n))));
  if (t.weight) {
    lines.push(line('Weighted base', t.bases.map((b) => b.weighted_n.toFixed(1))));
    lines.push(line('Effective base', t.bases.map((b) => b.n_eff.toFixed(1))));
  }
  lines.push('');
  if (t.test) lines.push(`${t.test.method} = ${t.test.statistic.toFixed(2)}, df ${t.test.df}, p ${t.test.p < 0.001 ? '< 0.001' : `= ${t.test.p.toFixed(3)}`}`);
  if (t.colLabel) {
    const adjustment = { holm: 'Holm-adjusted within each row', bh: 'Benjamini–Hochberg-adjusted within each row', none: 'not adjusted' }[t.comparison];
    lines.push(`Letters: significantly higher than that column at the 5% level (${adjustment}).`);
  }
  lines.push('[c] fewer than 10 respondents, or withheld so that such a cell cannot be worked out; [x] base below 30, not shown; [low] base below 50, treat with caution.');
  for (const note of t.notes) lines.push(note);
  return `${lines.join('\n')}\n`;
}
