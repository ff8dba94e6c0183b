import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendSeries } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useSurveys } from '../data/useSurveys';
import { useWaveOptions } from '../tables/useWaveOptions';
import { allWaves, initialTrendChoice, toTrendRequest, type TrendChoice } from './choice';
import { TrendForm } from './TrendForm';
import { TrendResult } from './TrendResult';
import { useWavesVariables } from './useWavesVariables';
import './trends.css';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; series: TrendSeries; asked: TrendChoice } | { state: 'failed'; error: unknown };

/**
 * Trends: one question across waves (of a survey, or of several), as a top-box %, a mean score or a gap, with how the
 * question was found in each wave (and a way to pick another), the answers counted in each, and the latest change.
 */
export function TrendsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const [choice, setChoice] = useState<TrendChoice | null>(null);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const waves = useMemo(() => (surveys.state === 'ready' ? allWaves(surveys.value) : []), [surveys]);
  const ordered = waves.filter((w) => choice?.waveIds.includes(w.id));
  const first = ordered[0]?.id ?? null;
  const options = useWaveOptions(first);
  const { variables, error: variablesError } = useWavesVariables(ordered.map((w) => w.id));

  useEffect(() => {
    if (surveys.state === 'ready' && choice === null) setChoice(initialTrendChoice(surveys.value));
  }, [surveys, choice]);
  useEffect(() => () => controllerRef.current?.abort(), []);
  useEffect(() => {
    if (run.state === 'ready') headingRef.current?.focus();
  }, [run]);

  const show = async (asked: TrendChoice) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setRun({ state: 'running' });
    try {
      const series = await api.call('trends.series', toTrendRequest(asked, waves), { signal: controller.signal });
      if (controllerRef.current === controller) setRun({ state: 'ready', series, asked });
    } catch (error) {
      if (controllerRef.current === controller && !controller.signal.aborted) setRun({ state: 'failed', error });
    }
  };

  const ready = options.state === 'ready' && options.value.waveId === first ? options.value : null;
  const noSurveys = surveys.state === 'ready' && initialTrendChoice(surveys.value) === null;
  return (
    <div className="trends-page">
      <PageHeading title={t('pages.trends.title')} />
      <p className="lead">{t('trends.intro')}</p>
      {surveys.state === 'loading' && <p role="status">{t('trends.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {noSurveys && (
        <p className="inset">
          {t('trends.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('trends.importLink')}</a>
        </p>
      )}
      {variablesError !== null && <ErrorAlert error={variablesError} />}
      {choice && surveys.state === 'ready' && (
        <TrendForm
          waves={waves}
          choice={choice}
          questions={first === null ? [] : (variables.get(first) ?? null)}
          weights={ready?.weights ?? []}
          onChange={setChoice}
          onSubmit={(asked) => void show(asked)}
        />
      )}
      <div className="tables-result-area">
        {run.state === 'running' && <p role="status">{t('trends.running')}</p>}
        {run.state === 'failed' && <ErrorAlert error={run.error} about="analysis" />}
        {run.state === 'ready' && (
          <TrendResult
            series={run.series}
            variables={variables}
            headingRef={headingRef}
            weightLabel={run.series.weight ? (ready?.weights.find((w) => w.name === run.series.weight)?.label ?? run.series.weight) : null}
            onMatch={(waveId, question) => {
              const next = { ...run.asked, matches: { ...run.asked.matches, [waveId]: question } };
              setChoice(next);
              void show(next);
            }}
          />
        )}
      </div>
    </div>
  );
}
