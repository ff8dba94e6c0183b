import type { ThemeCount } from '../../contract/themes.js';

/** Responses per theme code, in codeframe order, as the themes subcommands print them in JSON. */
export function countsByCode(counts: readonly ThemeCount[]): Record<string, number> {
  return Object.fromEntries(counts.map((c) => [c.code, c.n]));
}

export function renderCounts(counts: readonly ThemeCount[]): string {
  const width = Math.max(4, ...counts.map((c) => c.code.length));
  return `${counts.map((c) => `${c.code.padEnd(width)}  ${String(c.n).padStart(6)}  ${c.pct.toFixed(1).padStart(5)}%  ${c.name}`).join('\n')}\n`;
}
