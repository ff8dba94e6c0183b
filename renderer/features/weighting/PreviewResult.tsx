import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo, RakeResult } from '../../../src/contract/index.js';
import { cellLabel, marginLabel, type Formats } from './words';

interface PreviewResultProps {
  result: RakeResult;
  columns: readonly ColumnInfo[];
  format: Formats;
}

/** Below this share of the total, a margin is met as exactly as the figures can show. */
const NEGLIGIBLE = 0.000001;

/**
 * What raking achieved, before anything is saved: whether it converged, how precise the weighted results will be
 * (efficiency, effective sample size), each margin's categories against their targets, and how the weights spread.
 */
export function PreviewResult({ result, columns, format }: PreviewResultProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const excluded = result.excluded.reduce((n, e) => n + e.respondents, 0);
  const d = result.distribution;

  useEffect(() => {
    headingRef.current?.focus();
  }, [result]);

  return (
    <section className="weighting-result" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('weighting.result.title')}
      </h2>
      <p className="lead">
        {result.converged
          ? t('weighting.result.converged', { count: result.iterations, iterations: format.whole(result.iterations) })
          : t('weighting.result.notConverged', { count: result.iterations, iterations: format.whole(result.iterations) })}{' '}
        {result.maxError < NEGLIGIBLE
          ? t('weighting.result.metExactly')
          : t('weighting.result.metWithin', { share: format.percent(result.maxError) })}
      </p>
      <dl className="summary-list weighting-facts">
        <div>
          <dt>{t('weighting.result.efficiency')}</dt>
          <dd data-fact="efficiency">{format.percent(result.efficiency)}</dd>
        </div>
        <div>
          <dt>{t('weighting.result.nEff')}</dt>
          <dd data-fact="nEff">{format.whole(result.nEff)}</dd>
        </div>
        <div>
          <dt>{t('weighting.result.rows')}</dt>
          <dd data-fact="rows">{format.whole(result.rows)}</dd>
        </div>
        <div>
          <dt>{t('weighting.result.excluded')}</dt>
          <dd data-fact="excluded">{format.whole(excluded)}</dd>
        </div>
        <div>
          <dt>{t('weighting.result.total')}</dt>
          <dd data-fact="total">{format.people(result.total)}</dd>
        </div>
      </dl>
      <p className="weighting-explain">
        {t('weighting.result.efficiencyExplained', {
          efficiency: format.percent(result.efficiency),
          nEff: format.whole(result.nEff),
          rows: format.whole(result.rows),
        })}
      </p>
      {excluded > 0 && (
        <>
          <p>{t('weighting.result.excludedIntro', { count: excluded, n: format.whole(excluded) })}</p>
          <ul className="plain-list excluded-list">
            {result.excluded.map((e) => (
              <li key={e.reason}>{t('weighting.result.excludedReason', { count: e.respondents, n: format.whole(e.respondents), reason: e.reason })}</li>
            ))}
          </ul>
        </>
      )}
      {result.trimming && (
        <p>
          {t('weighting.result.trimmed', {
            k: format.weight(result.trimming.k),
            cap: format.weight(result.trimming.cap),
            count: result.trimming.capped,
            capped: format.whole(result.trimming.capped),
          })}
        </p>
      )}

      <h3>{t('weighting.result.marginsTitle')}</h3>
      <p className="hint">{t('weighting.result.marginsIntro')}</p>
      {result.margins.map((margin) => (
        <MarginAchieved key={margin.variables.join('\u0000')} margin={margin} columns={columns} format={format} />
      ))}

      <h3>{t('weighting.result.distributionTitle')}</h3>
      <p className="hint">{t('weighting.result.distributionIntro')}</p>
      <div className="table-wrap">
        <table className="table distribution-table">
          <caption className="visually-hidden">{t('weighting.result.distributionTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('weighting.result.min')}
              </th>
              <th scope="col" className="numeric">
                {t('weighting.result.q1')}
              </th>
              <th scope="col" className="numeric">
                {t('weighting.result.median')}
              </th>
              <th scope="col" className="numeric">
                {t('weighting.result.q3')}
              </th>
              <th scope="col" className="numeric">
                {t('weighting.result.max')}
              </th>
              <th scope="col" className="numeric">
                {t('weighting.result.mean')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {[d.min, d.q1, d.median, d.q3, d.max, d.mean].map((value, i) => (
                <td key={i} className="numeric">
                  {format.weight(value)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <WeightSpread distribution={d} format={format} />
      <p className="hint">{t('weighting.result.spreadKey')}</p>
      <p>
        {t('weighting.result.ratio', { ratio: format.weight(d.max / d.mean) })}
        {!result.trimming && ` ${t('weighting.result.ratioAdvice')}`}
      </p>
    </section>
  );
}

function MarginAchieved({ margin, columns, format }: { margin: RakeResult['margins'][number]; columns: readonly ColumnInfo[]; format: Formats }) {
  const { t } = useTranslation();
  const name = marginLabel(columns, margin.variables);
  return (
    <div className="table-wrap">
      <table className="table achieved-table" data-margin={margin.variables.join(' × ')}>
        <caption className="achieved-caption">{t('weighting.result.marginCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{name}</th>
            <th scope="col" className="numeric">
              {t('weighting.result.respondents')}
            </th>
            <th scope="col" className="numeric">
              {t('weighting.result.target')}
            </th>
            <th scope="col" className="numeric">
              {t('weighting.result.achieved')}
            </th>
            <th scope="col" className="numeric">
              {t('weighting.result.difference')}
            </th>
            <th scope="col" className="numeric">
              {t('weighting.result.perRespondent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {margin.cells.map((cell) => (
            <tr key={cell.values.join('\u0000')}>
              <th scope="row" className="respondent-text">
                {cellLabel(cell.values)}
              </th>
              <td className="numeric">{format.whole(cell.respondents)}</td>
              <td className="numeric">{format.people(cell.target)}</td>
              <td className="numeric">{format.people(cell.achieved)}</td>
              <td className="numeric">{format.signed(cell.achieved - cell.target)}</td>
              <td className="numeric">{cell.respondents > 0 ? format.weight(cell.achieved / cell.respondents) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {margin.givenTotal !== null && (
        <p className="hint">{t('weighting.result.rescaled', { name, given: format.people(margin.givenTotal) })}</p>
      )}
    </div>
  );
}

/**
 * The five-number summary drawn as a box on a line from the smallest to the largest weight: decoration for the
 * table above it, which says the same in numbers, so it is hidden from screen readers.
 */
function WeightSpread({ distribution: d, format }: { distribution: RakeResult['distribution']; format: Formats }) {
  const span = d.max - d.min || 1;
  const at = (value: number) => `${(100 * (value - d.min)) / span}%`;
  return (
    <div className="weight-spread" aria-hidden="true">
      <div className="weight-spread-line" />
      <div className="weight-spread-box" style={{ left: at(d.q1), width: `calc(${at(d.q3)} - ${at(d.q1)})` }} />
      <div className="weight-spread-median" style={{ left: at(d.median) }} />
      <span className="weight-spread-end weight-spread-min">{format.weight(d.min)}</span>
      <span className="weight-spread-end weight-spread-max">{format.weight(d.max)}</span>
    </div>
  );
}
