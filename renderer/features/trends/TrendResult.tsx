import { useId, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TableVariable, TrendSeries } from '../../../src/contract/index.js';
import { formatLocales } from '../../i18n';
import { numbersFor } from '../tables/words';
import { trendQuestions } from './choice';
import { TrendChart } from './TrendChart';
import { changeSentence, figureWords, matchWords, waveName } from './words';

interface TrendResultProps {
  series: TrendSeries;
  /** Each wave's questions, to pick a different one in a wave. */
  variables: ReadonlyMap<number, TableVariable[]>;
  /** Picks the question to use in a wave (the first wave's question is the one asked for). */
  onMatch(waveId: number, question: string): void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  /** What the user calls the weight (a design weight's column label, or a saved weight's name). */
  weightLabel: string | null;
}

/** The change since the previous wave in words first, then the chart, then every wave with how its question was found. */
export function TrendResult({ series, variables, onMatch, headingRef, weightLabel }: TrendResultProps) {
  const { t, i18n } = useTranslation();
  const numbers = useMemo(() => numbersFor(formatLocales(i18n.language)), [i18n.language]);
  const tableId = useId();
  const severalSurveys = new Set(series.waves.map((w) => w.survey)).size > 1;
  const names = series.waves.map((w) => waveName(w, severalSurveys));
  const sentence = changeSentence(t, series, numbers);
  const f = series.units === 'score' ? numbers.two : numbers.one;
  return (
    <section className="trend-result" aria-labelledby={`${tableId}-heading`}>
      <h2 id={`${tableId}-heading`} ref={headingRef} tabIndex={-1} className="table-result-title">
        {series.label}
      </h2>
      <p className="trend-change">{sentence ?? t('trends.change.single')}</p>
      <ul className="table-context">
        <li>{series.weight ? t('trends.result.weighted', { weight: weightLabel ?? series.weight }) : t('trends.result.unweighted')}</li>
        <li>{aboutMeasure(t, series.measure)}</li>
      </ul>
      <TrendChart series={series} names={names} describedBy={tableId} />
      <div className="table-scroll">
        <table className="table trend-table" id={tableId}>
          <caption className="caption">{t('trends.table.caption', { label: series.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trends.table.wave')}</th>
              <th scope="col" className="numeric">
                {series.units === 'percent' ? t('trends.table.percent') : series.units === 'score' ? t('trends.table.mean') : t('trends.table.gap')}
              </th>
              <th scope="col">{t('trends.table.ci')}</th>
              <th scope="col" className="numeric">
                {t('trends.table.base')}
              </th>
              <th scope="col">{t('trends.table.question')}</th>
              {series.measure === 'top' && <th scope="col">{t('trends.table.top')}</th>}
              {series.measure === 'theme' && <th scope="col">{t('trends.table.theme')}</th>}
            </tr>
          </thead>
          <tbody>
            {series.waves.map((w, i) => (
              <tr key={w.waveId} data-wave={w.waveId}>
                <th scope="row">{names[i]}</th>
                <td className="numeric" data-figure="estimate">
                  {figureWords(t, w.estimate, series.units, numbers)}
                </td>
                <td>{w.ci ? t('trends.table.interval', { lo: f.format(w.ci[0]), hi: f.format(w.ci[1]) }) : t('trends.table.noInterval')}</td>
                <td className="numeric">{t('trends.table.baseValue', { n: numbers.whole.format(w.n), nEff: numbers.one.format(w.nEff) })}</td>
                <td>
                  {i === 0 ? (
                    <span>
                      <code>{w.question}</code> · {matchWords(t, w.matchedBy)}
                    </span>
                  ) : (
                    <MatchPicker
                      waveName={names[i]!}
                      value={w.question}
                      matchedBy={matchWords(t, w.matchedBy)}
                      questions={trendQuestions(variables.get(w.waveId) ?? [], series.measure)}
                      onChange={(question) => onMatch(w.waveId, question)}
                    />
                  )}
                </td>
                {series.measure === 'top' && <td className="trend-top">{w.top.join(t('trends.table.plus'))}</td>}
                {series.measure === 'theme' && <td>{w.theme}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-notes">
        <h3 className="table-notes-title">{t('trends.notes.title')}</h3>
        <ul>
          <li>{t('trends.notes.change')}</li>
          {series.measure === 'top' && <li>{t('trends.notes.top')}</li>}
          {series.measure === 'theme' && <li>{t('trends.notes.theme')}</li>}
          <li>{t('trends.notes.match')}</li>
          {series.notes.map((note) => (
            <li key={note} lang="en-GB">
              {note}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** What each measure is, in words. */
function aboutMeasure(t: TFunction, measure: TrendSeries['measure']): string {
  switch (measure) {
    case 'top':
      return t('trends.result.aboutTop');
    case 'mean':
      return t('trends.result.aboutMean');
    case 'gap':
      return t('trends.result.aboutGap');
    case 'theme':
      return t('trends.result.aboutTheme');
  }
}

function MatchPicker({ waveName, value, matchedBy, questions, onChange }: { waveName: string; value: string; matchedBy: string; questions: { name: string; label: string }[]; onChange(name: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="trend-match">
      <label htmlFor={id} className="visually-hidden">
        {t('trends.table.questionIn', { wave: waveName })}
      </label>
      <select id={id} className="select" value={value} aria-describedby={`${id}-how`} onChange={(event) => onChange(event.target.value)}>
        {questions.map((q) => (
          <option key={q.name} value={q.name}>
            {q.label} ({q.name})
          </option>
        ))}
      </select>
      <span id={`${id}-how`} className="hint">
        {matchedBy}
      </span>
    </div>
  );
}
