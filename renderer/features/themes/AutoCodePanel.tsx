import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyResult, QuestionCoding } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { ThemesError } from './ThemesError';

interface AutoCodePanelProps {
  waveId: number;
  question: string;
  coding: QuestionCoding;
  hasThemes: boolean;
  onChanged(): Promise<void>;
}

type Run = { state: 'idle' } | { state: 'running'; done: number; total: number | null } | { state: 'done'; result: ApplyResult } | { state: 'failed'; error: unknown };

/** Auto-code every answer no person has coded (rules, plus a classifier once people have coded some), and the counts. */
export function AutoCodePanel({ waveId, question, coding, hasThemes, onChanged }: AutoCodePanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [run, setRun] = useState<Run>({ state: 'idle' });

  const apply = async () => {
    setRun({ state: 'running', done: 0, total: null });
    try {
      const result = await api.call('themes.apply', { waveId, question }, { onProgress: (p) => setRun({ state: 'running', done: p.done, total: p.total }) });
      // The page's counts first, so what the status says and what the tables show agree.
      await onChanged();
      setRun({ state: 'done', result });
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  };

  const counts = [...coding.counts].sort((a, b) => b.n - a.n);
  return (
    <section className="themes-section" aria-labelledby="themes-autocode">
      <h2 id="themes-autocode" tabIndex={-1}>
        {t('themes.autocode.title')}
      </h2>
      <p>{t('themes.autocode.intro')}</p>
      <div className="button-group">
        <button type="button" className="button" disabled={!hasThemes || run.state === 'running'} onClick={() => void apply()}>
          {coding.coded > 0 ? t('themes.autocode.again') : t('themes.autocode.run')}
        </button>
        {!hasThemes && <p className="hint">{t('themes.autocode.needThemes')}</p>}
      </div>
      <div role="status" className="themes-status">
        {run.state === 'running' && t('themes.autocode.running', { n: coding.responses.toLocaleString('en-GB') })}
        {run.state === 'running' && run.total !== null && run.total > 0 && (
          <progress className="themes-progress" max={run.total} value={run.done} aria-label={t('themes.autocode.progress')} />
        )}
        {run.state === 'done' &&
          t('themes.autocode.done', {
            coded: run.result.coded.toLocaleString('en-GB'),
            human: run.result.human.toLocaleString('en-GB'),
            seconds: (run.result.ms / 1000).toFixed(1),
          })}
        {run.state === 'done' && ` ${run.result.model.trained ? t('themes.autocode.model', { n: run.result.model.examples.toLocaleString('en-GB') }) : t('themes.autocode.rulesOnly')}`}
      </div>
      {run.state === 'failed' && <ThemesError error={run.error} />}
      {coding.coded > 0 && (
        <div className="themes-table-wrap">
          <table className="table counts-table">
            <caption className="caption">{t('themes.autocode.caption', { n: coding.responses.toLocaleString('en-GB') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('themes.autocode.theme')}</th>
                <th scope="col" className="numeric">
                  {t('themes.autocode.answers')}
                </th>
                <th scope="col" className="numeric">
                  {t('themes.autocode.share')}
                </th>
                <th scope="col" className="numeric">
                  {t('themes.autocode.byRule')}
                </th>
                <th scope="col" className="numeric">
                  {t('themes.autocode.byModel')}
                </th>
                <th scope="col" className="numeric">
                  {t('themes.autocode.byPerson')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.themeId}>
                  <th scope="row">{c.name}</th>
                  <td className="numeric">{c.n.toLocaleString('en-GB')}</td>
                  <td className="numeric">{`${c.pct.toFixed(1)}%`}</td>
                  <td className="numeric">{c.bySource.rule.toLocaleString('en-GB')}</td>
                  <td className="numeric">{c.bySource.model.toLocaleString('en-GB')}</td>
                  <td className="numeric">{c.bySource.human.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
