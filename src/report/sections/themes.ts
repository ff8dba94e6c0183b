import type { ReportBlock, ReportCell, ReportSection } from '../../contract/report.js';
import { questionSummary, themeQuestions } from '../../themes/question-coding.js';
import { responsesPage } from '../../themes/codes-read.js';
import { textQuestion } from '../../themes/question.js';
import { REDACTION_LABELS, redactText } from '../../themes/redact.js';
import type { ReportContext } from '../context.js';

/** Quotes shown for each of the most mentioned themes, and how many themes get quotes. */
const QUOTES_PER_THEME = 2;
const THEMES_QUOTED = 3;
const QUOTE_LENGTH = 400;

/**
 * Themes from free text: each coded question's themes as themes.summary counts them (responses carrying the theme,
 * as a % of those who wrote something), withheld as [c] under the disclosure threshold, and a few quotes for the most
 * mentioned themes, masked by src/themes/redact.ts (names, e-mail addresses, phone numbers, postcodes, NI and NHS
 * numbers) in the report's language. A theme too small to show gets no quotes either.
 */
export async function themesSection(ctx: ReportContext): Promise<ReportSection> {
  const { t, project, wave } = ctx;
  const blocks: ReportBlock[] = [];
  const coded = (await themeQuestions(project, wave.id)).filter((q) => q.codeframeId !== null && q.coded > 0);
  for (const question of coded) {
    const summary = await questionSummary(project, { waveId: wave.id, question: question.question });
    const counts = [...summary.counts].sort((a, b) => b.n - a.n);
    const shown = (n: number) => n >= ctx.thresholds.suppressBelow;
    const countCell = (n: number): ReportCell => (shown(n) ? { text: ctx.num(n), value: n } : { text: '[c]', value: null });
    const pctCell = (n: number, pct: number): ReportCell => (shown(n) ? { text: ctx.pct(pct), value: pct } : { text: '[c]', value: null });
    blocks.push({ type: 'heading', text: question.label });
    blocks.push({ type: 'paragraph', text: t('report.themes.coded', { responses: ctx.num(summary.responses), coded: ctx.num(summary.coded), codeframe: summary.codeframe?.name ?? '' }) });
    blocks.push({
      type: 'chart',
      id: `themes-chart-${question.question}`,
      title: t('report.themes.chartTitle', { question: question.label }),
      alt: t('report.themes.chartAlt', { list: counts.map((c) => `${c.name} ${shown(c.n) ? ctx.pct(c.pct) : t('report.chart.withheld')}`).join('; ') }),
      unit: 'percent',
      categories: counts.map((c) => c.name),
      series: [{ name: t('report.themes.pct'), values: counts.map((c) => pctCell(c.n, c.pct)) }],
    });
    blocks.push({
      type: 'table',
      id: `themes-${question.question}`,
      caption: t('report.themes.caption', { question: question.label }),
      head: [t('report.themes.theme'), t('report.themes.responses'), t('report.themes.pct')],
      rows: counts.map((c) => ({ label: c.name, kind: 'option' as const, cells: [countCell(c.n), pctCell(c.n, c.pct)] })),
      notes: [t('report.themes.note')],
    });
    const textQ = await textQuestion(project, { waveId: wave.id, question: question.question });
    for (const theme of counts.filter((c) => shown(c.n)).slice(0, THEMES_QUOTED)) {
      const { responses } = await responsesPage(project, textQ, theme.themeId, 0, QUOTES_PER_THEME);
      if (responses.length === 0) continue;
      blocks.push({ type: 'paragraph', text: t('report.themes.quotesAbout', { theme: theme.name }) });
      for (const r of responses) blocks.push({ type: 'quote', text: shorten(redactText(r.text, REDACTION_LABELS[ctx.lang])) });
    }
  }
  if (coded.length === 0) blocks.push({ type: 'paragraph', text: t('report.themes.none') });
  else blocks.push({ type: 'paragraph', text: t('report.themes.redaction') });
  return { id: 'themes', heading: t('report.sections.themes'), blocks };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1).replace(/\s+\S*$/, '')} …` : flat;
}
