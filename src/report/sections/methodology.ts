import type { ReportBlock, ReportSection } from '../../contract/report.js';
import { fieldworkDates, type ReportContext } from '../context.js';

/**
 * Methodology, generated from the data: fieldwork dates (when the wave has a date column), responses, the weight and
 * its efficiency (Kish), the margin of error, what "significant" means and the disclosure rules with their symbols.
 */
export async function methodologySection(ctx: ReportContext): Promise<ReportSection> {
  const { t, wave, thresholds } = ctx;
  const blocks: ReportBlock[] = [];
  const sub = (heading: string, ...paragraphs: string[]) => {
    blocks.push({ type: 'heading', text: heading });
    for (const text of paragraphs) blocks.push({ type: 'paragraph', text });
  };

  const dates = await fieldworkDates(ctx);
  const day = new Intl.DateTimeFormat([ctx.lang === 'cy' ? 'cy' : 'en-GB', 'en-GB'], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  sub(t('report.methodology.fieldworkHeading'),
    dates ? t('report.methodology.fieldwork', { from: day.format(dates.from), to: day.format(dates.to) }) : t('report.methodology.fieldworkUnknown'),
    t('report.methodology.responses', { count: wave.rows, n: ctx.num(wave.rows), survey: wave.survey, wave: wave.label, file: wave.sourceFile }),
  );

  const info = ctx.weightInfo;
  const nEff = info ? info.nEff : wave.rows;
  const weighting: string[] = [];
  if (!info) weighting.push(t('report.methodology.unweighted'));
  else {
    weighting.push(
      info.kind === 'design'
        ? t('report.methodology.designWeight', { name: await columnLabel(ctx, info.name) })
        : t('report.methodology.rakedWeight', { name: info.name, margins: info.raking!.margins.map((m) => m.variables.join(' × ')).join(', ') }),
    );
    weighting.push(t('report.methodology.efficiency', { efficiency: ctx.pct(100 * info.efficiency), nEff: ctx.num(Math.round(info.nEff)) }));
  }
  sub(t('report.methodology.weightingHeading'), ...weighting);

  // The widest 95% margin: a 50% figure on everyone, with the weighting's design effect through the effective base.
  const moe = nEff > 0 ? 1.96 * Math.sqrt(2500 / nEff) : null;
  sub(t('report.methodology.marginHeading'), moe === null ? t('report.methodology.marginNone') : t('report.methodology.margin', { moe: ctx.num(moe, 1) }));
  sub(t('report.methodology.significanceHeading'), t('report.methodology.significance'));
  sub(t('report.methodology.suppressionHeading'),
    t('report.methodology.suppression', { suppress: thresholds.suppressBelow, hide: thresholds.hideBelow, low: thresholds.lowBaseBelow }),
    t('report.methodology.symbolsIntro'),
  );
  blocks.push({
    type: 'list',
    items: [
      t('report.symbols.c', { suppress: thresholds.suppressBelow }),
      t('report.symbols.low', { low: thresholds.lowBaseBelow }),
      t('report.symbols.x', { hide: thresholds.hideBelow }),
      t('report.symbols.z'),
    ],
  });
  return { id: 'methodology', heading: t('report.sections.methodology'), blocks };
}

/** A design weight's label as imported ("Design weight"), with its column name when they differ. */
async function columnLabel(ctx: ReportContext, name: string): Promise<string> {
  const [row] = await ctx.project.read("SELECT label FROM questions WHERE wave_id = $1 AND name = $2 AND type = 'weight'", [ctx.wave.id, name]);
  const label = row ? String(row.label) : '';
  return label && label !== name ? `${label} (${name})` : name;
}
