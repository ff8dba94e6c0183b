import type { ReportBlock, ReportModel, ReportTable } from '../contract/report.js';
import { chartTree, svgMarkup } from './chart-svg.js';

/**
 * The report as one self-contained HTML file: no scripts, no external references (styles inline, charts inline SVG),
 * every piece of text escaped (labels and answers come from survey files and respondents), headings in order, tables
 * with captions and scoped headers, and each chart with a title, a description and its figures in the next table.
 */
export function reportHtml(model: ReportModel): string {
  const lang = model.lang === 'cy' ? 'cy' : 'en-GB';
  const anchor = (id: string) => `section-${id}`;
  const contents = model.sections.map((s) => `<li><a href="#${anchor(s.id)}">${esc(s.heading)}</a></li>`).join('');
  const sections = model.sections
    .map((s) => `<section aria-labelledby="${anchor(s.id)}"><h2 id="${anchor(s.id)}">${esc(s.heading)}</h2>${s.blocks.map((b) => block(b, model)).join('\n')}</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(model.title)}</h1><p>${esc(model.subtitle)}</p></header>
<nav aria-labelledby="contents"><h2 id="contents">${esc(model.words.contents)}</h2><ol>${contents}</ol></nav>
<main>
${sections}
</main>
</body>
</html>
`;
}

function block(b: ReportBlock, model: ReportModel): string {
  switch (b.type) {
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'quote':
      return `<blockquote><p>${esc(b.text)}</p></blockquote>`;
    case 'table':
      return table(b);
    case 'chart':
      return `<figure><figcaption><strong>${esc(b.title)}</strong> ${esc(model.words.chartData)}</figcaption>${svgMarkup(chartTree(b))}</figure>`;
  }
}

function table(t: ReportTable): string {
  const head = `<tr>${t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map((r) => `<tr class="${r.kind}"><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => `<td>${esc(c.text)}</td>`).join('')}</tr>`)
    .join('');
  const notes = t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  // A wide table scrolls sideways; as a focusable, named region the keyboard can scroll it too.
  return `<div class="table" id="${esc(t.id)}" role="region" aria-label="${esc(t.caption)}" tabindex="0"><table><caption>${esc(t.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>${notes}</div>`;
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.9rem}h2{font-size:1.45rem;margin-top:2.2rem;border-bottom:2px solid #1d4f91}h3{font-size:1.15rem;margin-top:1.4rem}
a{color:#1d4f91}
.table{overflow-x:auto;margin:1rem 0 1.6rem}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .5rem;vertical-align:top}
thead th{text-align:right;border-bottom:2px solid #0b0c0c}thead th:first-child{text-align:left}
tbody th{text-align:left;font-weight:normal}td{text-align:right;white-space:nowrap}
tr.net th,tr.net td{font-weight:bold;background:#f3f2f1}tr.base th,tr.base td{font-style:italic}
blockquote{margin:.6rem 0 .6rem 1rem;padding-left:.8rem;border-left:4px solid #b1b4b6;font-style:italic}
.note{font-size:.85rem;color:#383f43;margin:.2rem 0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#383f43}
@media print{body{margin:0;max-width:none}h2{break-before:page}nav h2{break-before:auto}.table,figure{break-inside:avoid}}
`;
