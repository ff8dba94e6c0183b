import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, BreakdownGroup, BreakdownMeasure } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { FormGroup } from '../../components/form/FormGroup';
import { EqualityError } from './EqualityError';
import { useEqualityNumbers, type EqualityNumbers } from './numbers';
import type { EqualitySetup } from './useEqualitySetup';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; result: Breakdown } | { state: 'failed'; error: unknown };

/**
 * Outcomes by group: an outcome for each group of a characteristic (or two at once), each against everyone else, in
 * words as well as figures, with [c] and [low] where the counts are too small; and the significant differences as
 * sentences to copy into an equality impact assessment.
 */
export function BreakdownSection({ setup }: { setup: EqualitySetup }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const likert = setup.outcomes.filter((o) => o.kind === 'likert');
  const [outcome, setOutcome] = useState(likert.find((o) => o.role === 'satisfaction')?.name ?? likert[0]?.name ?? '');
  // 'theme': a coded question's theme, asked for as the top-box % of that one answer.
  const [measure, setMeasure] = useState<BreakdownMeasure | 'theme'>('top');
  const [theme, setTheme] = useState('');
  const [by, setBy] = useState(setup.characteristics.find((c) => c.characteristic === 'age_band')?.name ?? setup.characteristics[0]?.name ?? '');
  const [by2, setBy2] = useState('');
  const [weight, setWeight] = useState('');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run.state === 'ready') resultRef.current?.querySelector<HTMLElement>('.equality-result-title')?.focus();
  }, [run]);
  const listFor = (m: BreakdownMeasure | 'theme') => (m === 'gap' ? setup.outcomes.filter((o) => o.role === 'importance') : m === 'theme' ? setup.themes : likert);
  const outcomes = listFor(measure);
  const themeChoices = measure === 'theme' ? (setup.themes.find((o) => o.name === outcome)?.categories ?? []).filter((c) => c !== 'No theme') : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRun({ state: 'running' });
    try {
      const asked = measure === 'theme' ? { measure: 'top' as const, top: [theme || themeChoices[0]!] } : { measure };
      const result = await api.call('equality.breakdown', { waveId: setup.waveId, outcome, ...asked, by, by2: by2 || null, weight: weight || null });
      setRun({ state: 'ready', result });
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  };

  return (
    <section className="equality-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('equality.bd.title')}</h2>
      <p className="hint">{t('equality.bd.intro')}</p>
      <form className="equality-form" onSubmit={(e) => void submit(e)} aria-label={t('equality.bd.formLabel')}>
        <FormGroup id={`${id}-measure`} label={t('equality.bd.measure')}>
          {(aria) => (
            <select
              id={`${id}-measure`}
              className="select"
              {...aria}
              value={measure}
              onChange={(e) => {
                const next = e.target.value as BreakdownMeasure | 'theme';
                setMeasure(next);
                const list = listFor(next);
                if (!list.some((o) => o.name === outcome)) setOutcome(list[0]?.name ?? '');
                setTheme('');
                if (next === 'gap') setBy2('');
              }}
            >
              <option value="top">{t('equality.bd.measures.top')}</option>
              <option value="mean">{t('equality.bd.measures.mean')}</option>
              <option value="gap">{t('equality.bd.measures.gap')}</option>
              {setup.themes.length > 0 && <option value="theme">{t('equality.bd.measures.theme')}</option>}
            </select>
          )}
        </FormGroup>
        <FormGroup id={`${id}-outcome`} label={t('equality.bd.outcome')}>
          {(aria) => (
            <select id={`${id}-outcome`} className="select" {...aria} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {outcomes.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        {measure === 'theme' && (
          <FormGroup id={`${id}-theme`} label={t('equality.bd.theme')}>
            {(aria) => (
              <select id={`${id}-theme`} className="select" {...aria} value={theme || themeChoices[0] || ''} onChange={(e) => setTheme(e.target.value)}>
                {themeChoices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
        )}
        <FormGroup id={`${id}-by`} label={t('equality.bd.by')}>
          {(aria) => (
            <select id={`${id}-by`} className="select" {...aria} value={by} onChange={(e) => setBy(e.target.value)}>
              {setup.characteristics.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        {measure !== 'gap' && (
          <FormGroup id={`${id}-by2`} label={t('equality.bd.by2')} hint={t('equality.bd.by2Hint')}>
            {(aria) => (
              <select id={`${id}-by2`} className="select" {...aria} value={by2} onChange={(e) => setBy2(e.target.value)}>
                <option value="">{t('equality.bd.none')}</option>
                {setup.characteristics
                  .filter((c) => c.name !== by)
                  .map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.label}
                    </option>
                  ))}
              </select>
            )}
          </FormGroup>
        )}
        <FormGroup id={`${id}-weight`} label={t('equality.bd.weight')} hint={t('equality.bd.weightHint')}>
          {(aria) => (
            <select id={`${id}-weight`} className="select" {...aria} value={weight} onChange={(e) => setWeight(e.target.value)}>
              <option value="">{t('equality.bd.unweighted')}</option>
              {setup.weights.map((w) => (
                <option key={w.name} value={w.name}>
                  {w.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <button type="submit" className="button" disabled={!outcome || !by || run.state === 'running'}>
          {t('equality.bd.show')}
        </button>
      </form>
      <div ref={resultRef}>
        {run.state === 'running' && <p role="status">{t('equality.bd.running')}</p>}
        {run.state === 'failed' && <EqualityError error={run.error} />}
        {run.state === 'ready' && <BreakdownResult result={run.result} />}
      </div>
    </section>
  );
}

function BreakdownResult({ result }: { result: Breakdown }) {
  const { t } = useTranslation();
  const n = useEqualityNumbers();
  const id = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const fig = (v: number | null) => (v === null ? '–' : figure(result, v, n));
  const withheld = (g: BreakdownGroup) => g.flag === 'c' || g.flag === 'hidden';
  const significant = result.groups.filter((g) => g.significant);
  const lines = significant.map((g) => {
    const values = {
      outcome: result.outcomeLabel,
      group: g.group,
      value: fig(g.estimate),
      rest: fig(g.rest.estimate),
      n: n.whole(g.n),
      difference: t('equality.bd.points', { value: result.measure === 'mean' ? n.score(Math.abs(g.difference!)) : n.points(Math.abs(g.difference!)).replace('+', '') }),
      p: n.p(g.p_adjusted ?? g.p!),
    };
    return g.difference! < 0 ? t('equality.bd.sentence.lower', values) : t('equality.bd.sentence.higher', values);
  });
  const titleValues = { outcome: result.outcomeLabel, by: result.byLabel, top: result.top.join(' + ') };
  const title =
    result.measure === 'top' ? t('equality.bd.resultTitle.top', titleValues) : result.measure === 'mean' ? t('equality.bd.resultTitle.mean', titleValues) : t('equality.bd.resultTitle.gap', titleValues);
  const valueHeading = result.measure === 'top' ? t('equality.bd.col.value.top') : result.measure === 'mean' ? t('equality.bd.col.value.mean') : t('equality.bd.col.value.gap');
  const summary =
    lines.length === 0
      ? `${result.outcomeLabel}, ${result.byLabel}: ${t('equality.bd.noDifferences')}`
      : [t('equality.bd.summaryHead', { outcome: result.outcomeLabel, by: result.byLabel }), ...lines.map((l) => `- ${l}`)].join('\n');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="equality-result" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="equality-result-title" tabIndex={-1}>
        {title}
      </h3>
      <p>
        {result.weight ? t('equality.bd.weighted', { weight: result.weight }) : t('equality.bd.unweightedNote')}{' '}
        {t('equality.bd.overall', { value: fig(result.overall.estimate), n: n.whole(result.overall.n) })}
      </p>
      <div className="equality-summary">
        <h4>{t('equality.bd.summaryTitle')}</h4>
        {lines.length === 0 ? (
          <p>{t('equality.bd.noDifferences')}</p>
        ) : (
          <ul className="equality-sentences">
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('equality.bd.copy')}
        </button>
        <span role="status" className="hint">
          {copied === 'copied' ? t('equality.bd.copied') : copied === 'failed' ? t('equality.bd.copyFailed') : ''}
        </span>
      </div>
      <table className="table equality-table">
        <caption className="table-caption">{t('equality.bd.caption', { outcome: result.outcomeLabel, by: result.byLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('equality.bd.col.group')}</th>
            <th scope="col" className="numeric">{valueHeading}</th>
            <th scope="col" className="numeric">{t('equality.bd.col.interval')}</th>
            <th scope="col" className="numeric">{t('equality.bd.col.n')}</th>
            <th scope="col" className="numeric">{t('equality.bd.col.rest')}</th>
            <th scope="col">{t('equality.bd.col.compared')}</th>
          </tr>
        </thead>
        <tbody>
          {result.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              {withheld(g) ? (
                <>
                  <td className="numeric">{g.flag === 'c' ? '[c]' : '[x]'}</td>
                  <td className="numeric">–</td>
                  <td className="numeric">{g.flag === 'c' ? '[c]' : n.whole(g.n)}</td>
                  <td className="numeric">–</td>
                  <td>{g.flag === 'c' ? t('equality.bd.confidential') : t('equality.bd.hidden')}</td>
                </>
              ) : (
                <>
                  <td className="numeric">
                    {fig(g.estimate)}
                    {g.flag === 'low' ? ' [low]' : ''}
                  </td>
                  <td className="numeric">{g.ci ? t('equality.interval', { lo: fig(g.ci[0]), hi: fig(g.ci[1]) }) : '–'}</td>
                  <td className="numeric">{n.whole(g.n)}</td>
                  <td className="numeric">{fig(g.rest.estimate)}</td>
                  <td>{compared(t, g, result, n)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('equality.bd.key')}</p>
      {result.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
    </section>
  );
}

function figure(result: Breakdown, v: number, n: EqualityNumbers): string {
  return result.measure === 'top' ? n.pct(v) : result.measure === 'mean' ? n.score(v) : n.points(v);
}

function compared(t: TFunction, g: BreakdownGroup, result: Breakdown, n: EqualityNumbers): string {
  if (g.difference === null || g.p === null) return t('equality.bd.notTested');
  const size = t('equality.bd.points', { value: result.measure === 'mean' ? n.score(Math.abs(g.difference)) : n.points(Math.abs(g.difference)).replace('+', '') });
  if (!g.significant) return t('equality.bd.noClear', { p: n.p(g.p_adjusted ?? g.p) });
  const values = { size, p: n.p(g.p_adjusted ?? g.p) };
  return g.difference < 0 ? t('equality.bd.lower', values) : t('equality.bd.higher', values);
}
