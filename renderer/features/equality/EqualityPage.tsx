import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useSurveys } from '../data/useSurveys';
import { WaveChooser } from '../weighting/WaveChooser';
import { BenchmarkChooser } from './BenchmarkChooser';
import { BreakdownSection } from './BreakdownSection';
import { RepresentationSection } from './RepresentationSection';
import { useBenchmarks, useEqualitySetup } from './useEqualitySetup';
import './equality.css';

/**
 * Equality: who responded against who lives there (Census 2021 or another benchmark), how each survey's answers count
 * in the population's categories, and how results differ between groups, with the differences in words for an
 * equality impact assessment.
 */
export function EqualityPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const [waveId, setWaveId] = useState<number | null>(null);
  const [benchmarks, reloadBenchmarks] = useBenchmarks();
  const [benchmarkId, setBenchmarkId] = useState<number | null>(null);
  const setup = useEqualitySetup(waveId);

  useEffect(() => {
    if (surveys.state !== 'ready' || waveId !== null) return;
    const first = surveys.value.find((s) => s.waves.length > 0);
    if (first) setWaveId(first.waves[first.waves.length - 1]!.id);
  }, [surveys, waveId]);
  useEffect(() => {
    if (benchmarks.state === 'ready' && benchmarkId === null && benchmarks.value[0]) setBenchmarkId(benchmarks.value[0].id);
  }, [benchmarks, benchmarkId]);

  const noSurveys = surveys.state === 'ready' && !surveys.value.some((s) => s.waves.length > 0);
  return (
    <div className="equality-page">
      <PageHeading title={t('equality.title')} />
      <p className="lead">{t('equality.intro')}</p>
      {surveys.state === 'loading' && <p role="status">{t('equality.loading')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {noSurveys && (
        <p className="inset">
          {t('equality.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('tables.importLink')}</a>
        </p>
      )}
      {surveys.state === 'ready' && waveId !== null && <WaveChooser surveys={surveys.value} waveId={waveId} onChange={setWaveId} legend={t('equality.waveLegend')} />}
      {benchmarks.state === 'failed' && <ErrorAlert error={benchmarks.error} />}
      {benchmarks.state === 'ready' && (
        <BenchmarkChooser
          benchmarks={benchmarks.value}
          benchmarkId={benchmarkId}
          onChoose={setBenchmarkId}
          onSaved={(saved) => {
            setBenchmarkId(saved.id);
            reloadBenchmarks();
          }}
        />
      )}
      {setup.state === 'failed' && <ErrorAlert error={setup.error} />}
      {setup.state === 'loading' && waveId !== null && <p role="status">{t('equality.loading')}</p>}
      {setup.state === 'ready' && benchmarkId !== null && <RepresentationSection key={setup.value.waveId} setup={setup.value} benchmarkId={benchmarkId} />}
      {setup.state === 'ready' && <BreakdownSection key={`bd-${setup.value.waveId}`} setup={setup.value} />}
    </div>
  );
}
