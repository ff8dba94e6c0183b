import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapGroup, GapPair, GapResult, TableVariable } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { FormGroup } from '../../components/form/FormGroup';
import { grouped, type VariableGroup } from '../tables/choice';
import type { Numbers } from '../tables/words';
import { gapRequest, type GapChoice } from './choice';
import { QuadrantFigure } from './QuadrantChart';
import { gapWords, intervalWords, versusRestWords } from './words';

interface GroupBreakdownProps {
  choice: GapChoice;
  pairs: GapPair[];
  variables: readonly TableVariable[];
  numbers: Numbers;
}

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; result: GapResult } | { state: 'failed'; error: unknown };

/** One pair's gap by a characteristic or place: each group's gap and whether it differs from the rest. */
export function GroupBreakdown({ choice, pairs, variables, numbers }: GroupBreakdownProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [pairKey, setPairKey] = useState(pairs[0]?.key ?? '');
  const [by, setBy] = useState('');
  const [missing, setMissing] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const resultRef = useRef<HTMLHeadingElement>(null);
  const pair = pairs.find((p) => p.key === pairKey) ?? pairs[0];
  const groupName = (group: VariableGroup) =>
    group === 'questions' ? t('tables.form.groupQuestions') : group === 'characteristics' ? t('tables.form.groupCharacteristics') : t('tables.form.groupPlaces');
  const breakdowns = variables.filter((v) => v.asColumn && v.name !== pair?.importance.name && v.name !== pair?.satisfaction.name);

  // A new wave, weight or method: the breakdown shown no longer matches, so it goes.
  useEffect(() => setRun({ state: 'idle' }), [choice]);
  useEffect(() => {
    if (run.state === 'ready') resultRef.current?.focus();
  }, [run]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pair) return;
    if (!by) {
      setMissing(true);
      document.getElementById(`${id}-by`)?.focus();
      return;
    }
    setMissing(false);
    setRun({ state: 'running' });
    try {
      setRun({ state: 'ready', result: await api.call('gaps.compute', gapRequest(choice, pair, { by })) });
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  };

  return (
    <section className="gaps-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('gaps.groups.title')}</h2>
      <p className="hint">{t('gaps.groups.intro')}</p>
      <form className="tables-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('gaps.groups.title')}>
        <div className="tables-form-pair">
          <FormGroup id={`${id}-pair`} label={t('gaps.groups.pair')}>
            {(aria) => (
              <select id={`${id}-pair`} className="select" {...aria} value={pair?.key ?? ''} onChange={(event) => setPairKey(event.target.value)}>
                {pairs.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <FormGroup id={`${id}-by`} label={t('gaps.groups.by')} error={missing ? t('gaps.groups.byRequired') : undefined}>
            {(aria) => (
              <select id={`${id}-by`} className="select" {...aria} value={by} onChange={(event) => setBy(event.target.value)}>
                <option value="">{t('gaps.groups.choose')}</option>
                {grouped(breakdowns).map((g) => (
                  <optgroup key={g.group} label={groupName(g.group)}>
                    {g.variables.map((v) => (
                      <option key={v.name} value={v.name}>
                        {v.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormGroup>
        </div>
        <button type="submit" className="button">
          {t('gaps.groups.show')}
        </button>
      </form>
      {run.state === 'running' && <p role="status">{t('gaps.groups.running')}</p>}
      {run.state === 'failed' && <ErrorAlert error={run.error} about="analysis" />}
      {run.state === 'ready' && <GroupTable result={run.result} numbers={numbers} headingRef={resultRef} />}
    </section>
  );
}

function GroupTable({ result, numbers, headingRef }: { result: GapResult; numbers: Numbers; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const title = t('gaps.groups.resultTitle', { pair: result.label, by: result.byLabel ?? '' });
  const confidential = result.groups.filter((g) => g.flag === 'c');
  const secondary = confidential.filter((g) => g.suppressed === 'secondary').length;
  const anyHidden = result.groups.some((g) => g.flag === 'hidden');
  const anyLow = result.groups.some((g) => g.flag === 'low');
  const item = (g: GapGroup, side: 'importance' | 'satisfaction') => {
    const f = g[side]!;
    if (f.estimate === null) return t('gaps.card.none');
    return result.units === 'score' ? numbers.two.format(f.estimate) : t('gaps.card.percent', { value: numbers.one.format(f.estimate) });
  };
  return (
    <div className="gaps-groups-result">
      <h3 ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p>
        {t('gaps.groups.overall', { gap: gapWords(t, result.headline.gap!, result.units, numbers), ci: intervalWords(t, result.headline.ci, result.units, numbers) })}
      </p>
      <div className="table-scroll">
        <table className="table gaps-groups">
          <caption className="caption">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{result.byLabel}</th>
              <th scope="col" className="numeric">
                {result.units === 'score' ? t('gaps.groups.gapScore') : t('gaps.groups.gap')}
              </th>
              <th scope="col">{t('gaps.groups.ci')}</th>
              <th scope="col" className="numeric">
                {result.units === 'score' ? t('gaps.groups.importanceMean') : t('gaps.groups.importance')}
              </th>
              <th scope="col" className="numeric">
                {result.units === 'score' ? t('gaps.groups.satisfactionMean') : t('gaps.groups.satisfaction')}
              </th>
              <th scope="col" className="numeric">
                {t('gaps.groups.bases')}
              </th>
              <th scope="col">{t('gaps.groups.vsRest')}</th>
            </tr>
          </thead>
          <tbody>
            {result.groups.map((g) => {
              const marker = g.flag === 'c' ? t('gaps.card.confidentialMarker') : g.flag === 'hidden' ? t('gaps.card.hiddenMarker') : null;
              return (
                <tr key={g.group} data-group={g.group} data-flag={g.flag ?? ''}>
                  <th scope="row">{g.group}</th>
                  {marker ? (
                    <>
                      <td className="numeric" data-figure="gap">
                        {marker}
                      </td>
                      <td>{marker}</td>
                      <td className="numeric">{marker}</td>
                      <td className="numeric">{marker}</td>
                      <td className="numeric">{g.flag === 'c' ? marker : t('gaps.groups.basePair', { imp: numbers.whole.format(g.importance!.base), sat: numbers.whole.format(g.satisfaction!.base) })}</td>
                      <td>{g.flag === 'c' ? (g.suppressed === 'secondary' ? t('gaps.groups.secondary') : t('gaps.groups.confidential')) : t('gaps.groups.hidden')}</td>
                    </>
                  ) : (
                    <>
                      <td className="numeric" data-figure="gap">
                        {g.gap === null ? t('gaps.card.none') : result.units === 'score' ? numbers.two.format(g.gap) : numbers.one.format(g.gap)}
                        {g.flag === 'low' && <strong className="flag-low"> {t('gaps.card.lowMarker')}</strong>}
                      </td>
                      <td>{intervalWords(t, g.ci, result.units, numbers)}</td>
                      <td className="numeric">{item(g, 'importance')}</td>
                      <td className="numeric">{item(g, 'satisfaction')}</td>
                      <td className="numeric">{t('gaps.groups.basePair', { imp: numbers.whole.format(g.importance!.base), sat: numbers.whole.format(g.satisfaction!.base) })}</td>
                      <td>{g.vsRest ? versusRestWords(t, g.vsRest, result.units, numbers) : t('gaps.groups.noTest')}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-notes">
        <h4 className="table-notes-title">{t('gaps.groups.notesTitle')}</h4>
        <ul>
          <li>{t('gaps.groups.noteRest')}</li>
          {confidential.length > 0 && (
            <li data-note="c">
              {t('gaps.groups.noteConfidential', { count: confidential.length - secondary })}
              {secondary > 0 && ` ${t('gaps.groups.noteSecondary', { count: secondary })}`}
            </li>
          )}
          {anyHidden && <li data-note="x">{t('gaps.groups.noteHidden')}</li>}
          {anyLow && <li data-note="low">{t('gaps.groups.noteLow')}</li>}
          {result.notes.map((note) => (
            <li key={note} lang="en-GB">
              {note}
            </li>
          ))}
        </ul>
      </div>
      {result.quadrants.groups && result.quadrants.groups.points.length > 0 && (
        <>
          <h4>{t('gaps.groups.chartTitle', { pair: result.label, by: result.byLabel ?? '' })}</h4>
          <QuadrantFigure chart={result.quadrants.groups} crosshairs={result.quadrants.crosshairs} of="groups" numbers={numbers} />
        </>
      )}
    </div>
  );
}
