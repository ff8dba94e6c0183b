import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useSurveys } from '../data/useSurveys';
import { initialChoice, keepForWave, toRequest, type TableChoice } from './choice';
import { TableError } from './TableError';
import { TableForm } from './TableForm';
import { TableResult, type ShownTable } from './TableResult';
import { useWaveOptions } from './useWaveOptions';
import './tables.css';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; shown: ShownTable } | { state: 'failed'; error: unknown };

/**
 * Tables: any closed question by any characteristic, place or other question, for some respondents or all, weighted
 * or not, with column percentages, intervals, comparison letters, bases, the test in words, a chart and an export.
 */
export function TablesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const [choice, setChoice] = useState<TableChoice | null>(null);
  const options = useWaveOptions(choice?.waveId ?? null);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (surveys.state === 'ready' && choice === null) setChoice(initialChoice(surveys.value));
  }, [surveys, choice]);

  // When a wave's questions arrive, let go of choices the wave does not have.
  const ready = options.state === 'ready' && options.value.waveId === choice?.waveId ? options.value : null;
  useEffect(() => {
    if (!ready) return;
    setChoice((current) => (current ? keepForWave(current, ready.variables, ready.weights.map((w) => w.name)) : current));
  }, [ready]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  // Take keyboard and screen reader users to what they asked for, or to what went wrong.
  useEffect(() => {
    if (run.state === 'ready') resultRef.current?.querySelector<HTMLElement>('.table-result-title')?.focus();
  }, [run]);

  const show = async (asked: TableChoice) => {
    if (!ready || surveys.state !== 'ready') return;
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const request = toRequest(asked);
    setRun({ state: 'running' });
    try {
      const table = await api.call('tables.crosstab', request, { signal: controller.signal });
      if (controllerRef.current !== controller) return;
      const survey = surveys.value.find((s) => s.id === asked.surveyId);
      setRun({
        state: 'ready',
        shown: {
          request,
          table,
          rowVariable: ready.variables.find((v) => v.name === table.row),
          variables: ready.variables,
          surveyName: survey?.name ?? '',
          waveLabel: survey?.waves.find((w) => w.id === asked.waveId)?.label ?? '',
          weightLabel: table.weight ? (ready.weights.find((w) => w.name === table.weight)?.label ?? table.weight) : null,
        },
      });
    } catch (error) {
      if (controllerRef.current !== controller || controller.signal.aborted) return;
      setRun({ state: 'failed', error });
    }
  };

  const noSurveys = surveys.state === 'ready' && choice === null && initialChoice(surveys.value) === null;
  return (
    <div className="tables-page">
      <PageHeading title={t('tables.title')} />
      <p className="lead">{t('tables.intro')}</p>
      {surveys.state === 'loading' && <p role="status">{t('tables.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {noSurveys && (
        <p className="inset">
          {t('tables.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('tables.importLink')}</a>
        </p>
      )}
      {options.state === 'failed' && <ErrorAlert error={options.error} />}
      {surveys.state === 'ready' && choice && (
        <TableForm
          surveys={surveys.value}
          choice={choice}
          variables={ready?.variables ?? null}
          weights={ready?.weights ?? []}
          onChange={setChoice}
          onSubmit={(asked) => void show(asked)}
        />
      )}
      <div ref={resultRef} className="tables-result-area">
        {run.state === 'running' && <p role="status">{t('tables.running')}</p>}
        {run.state === 'failed' && <TableError error={run.error} />}
        {run.state === 'ready' && <TableResult shown={run.shown} />}
      </div>
    </div>
  );
}
