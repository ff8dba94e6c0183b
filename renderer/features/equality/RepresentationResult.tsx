import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../src/contract/index.js';
import { useEqualityNumbers } from './numbers';
import { RepresentationChart } from './RepresentationChart';

/**
 * Who answered against who lives there, for one characteristic: the sentences first (the figure people come for),
 * then the chart, the table with every figure, the test of the whole picture, and what was left out.
 */
export function RepresentationResult({ result }: { result: Representation }) {
  const { t } = useTranslation();
  const n = useEqualityNumbers();
  const id = useId();
  const verdict = (flag: 'under' | 'over' | null) => (flag === 'under' ? t('equality.rep.flag.under') : flag === 'over' ? t('equality.rep.flag.over') : t('equality.rep.flag.none'));
  return (
    <section className="equality-result" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="equality-result-title" tabIndex={-1}>
        {t('equality.rep.resultTitle', { characteristic: result.variableLabel, benchmark: result.area ? `${result.benchmark}, ${result.area.name}` : result.benchmark })}
      </h3>
      <p>{t('equality.rep.counted', { count: result.n, n: n.whole(result.n) })}</p>
      <ul className="equality-sentences">
        {result.categories.map((c) => (
          <li key={c.benchmarkCategory} data-flag={c.flag ?? 'none'}>
            {t('equality.rep.sentence', {
              category: c.category,
              population: n.pct(c.population_share),
              share: n.pct(c.share),
              index: c.ri === null ? '–' : n.whole(c.ri),
              verdict: verdict(c.flag),
            })}
          </li>
        ))}
      </ul>
      <RepresentationChart result={result} />
      <table className="table equality-table">
        <caption className="table-caption">{t('equality.rep.tableCaption', { characteristic: result.variableLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('equality.rep.col.category')}</th>
            <th scope="col" className="numeric">{t('equality.rep.col.n')}</th>
            <th scope="col" className="numeric">{t('equality.rep.col.share')}</th>
            <th scope="col" className="numeric">{t('equality.rep.col.interval')}</th>
            <th scope="col" className="numeric">{t('equality.rep.col.population')}</th>
            <th scope="col" className="numeric">{t('equality.rep.col.index')}</th>
            <th scope="col">{t('equality.rep.col.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {result.categories.map((c) => (
            <tr key={c.benchmarkCategory}>
              <th scope="row">{c.category}</th>
              <td className="numeric">{n.whole(c.n)}</td>
              <td className="numeric">{n.pct(c.share)}</td>
              <td className="numeric">{c.ci ? t('equality.interval', { lo: n.pct(c.ci[0]), hi: n.pct(c.ci[1]) }) : '–'}</td>
              <td className="numeric">{n.pct(c.population_share)}</td>
              <td className="numeric">{c.ri === null ? '–' : n.whole(c.ri)}</td>
              <td>{verdict(c.flag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('equality.rep.howFlagged', { under: result.thresholds.underBelow, over: result.thresholds.overAbove })}</p>
      {result.gof && (
        <p>
          {result.gof.p < 0.05
            ? t('equality.rep.gofDiffers', { statistic: n.score(result.gof.statistic), df: result.gof.df, p: n.p(result.gof.p) })
            : t('equality.rep.gofFits', { statistic: n.score(result.gof.statistic), df: result.gof.df, p: n.p(result.gof.p) })}
        </p>
      )}
      {result.excluded.length > 0 && <p className="inset">{t('equality.rep.excluded', { names: result.excluded.map((c) => c.category).join('; ') })}</p>}
      {result.unmapped.length > 0 && (
        <p className="inset">{t('equality.rep.unmapped', { list: result.unmapped.map((u) => `${u.answer} (${n.whole(u.n)})`).join('; ') })}</p>
      )}
    </section>
  );
}
