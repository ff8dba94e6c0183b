import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useLoad } from '../data/useLoad';
import { useSurveys } from '../data/useSurveys';
import { NewWeight } from './NewWeight';
import { SavedWeights } from './SavedWeights';
import { useWeightingDraft } from './useWeightingDraft';
import { WaveChooser } from './WaveChooser';

/**
 * Weighting: a wave's weights (design columns and weights saved by raking), and making a new one by raking to
 * population margins: preview what it achieves, then save it under a name every analysis can use.
 */
export function WeightingPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const [waveId, setWaveId] = useState<number | null>(null);

  // Start on the latest wave of the first survey that has one; the user can choose another.
  useEffect(() => {
    if (surveys.state !== 'ready' || waveId !== null) return;
    const first = surveys.value.find((s) => s.waves.length > 0);
    if (first) setWaveId(first.waves[first.waves.length - 1]!.id);
  }, [surveys, waveId]);

  return (
    <div className="weighting-page">
      <PageHeading title={t('pages.weighting.title')} />
      <p className="lead">{t('pages.weighting.description')}</p>
      {surveys.state === 'loading' && <p role="status">{t('weighting.loadingSurveys')}</p>}
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {surveys.state === 'ready' && waveId === null && (
        <p>
          {t('weighting.noWaves')} <a href={hrefFor({ page: 'data' })}>{t('weighting.goToData')}</a>
        </p>
      )}
      {surveys.state === 'ready' && waveId !== null && (
        <>
          <WaveChooser surveys={surveys.value} waveId={waveId} onChange={setWaveId} />
          <WaveWeighting waveId={waveId} />
        </>
      )}
    </div>
  );
}

/** A wave's weights as last read; kept on screen while they are read again after a save or a delete. */
export type WeightList = { waveId: number; state: 'ready'; value: WeightInfo[] } | { waveId: number; state: 'failed'; error: unknown };

/** One wave: its weights, and the form for a new one. The margins being built stay when another wave is chosen. */
function WaveWeighting({ waveId }: { waveId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const columns = useLoad((signal) => api.call('waves.columns', { waveId }, { signal }), [api, waveId]);
  const draft = useWeightingDraft(columns.state === 'ready' ? columns.value : null);
  const [listVersion, setListVersion] = useState(0);
  const [list, setList] = useState<WeightList | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.call('weights.list', { waveId }, { signal: controller.signal }).then(
      (value) => !controller.signal.aborted && setList({ waveId, state: 'ready', value }),
      (error: unknown) => !controller.signal.aborted && setList({ waveId, state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, waveId, listVersion]);

  const weights = list?.waveId === waveId ? list : null;
  const reload = () => setListVersion((v) => v + 1);

  if (columns.state === 'loading' || weights === null) return <p role="status">{t('weighting.loadingWave')}</p>;
  if (columns.state === 'failed') return <ErrorAlert error={columns.error} />;
  return (
    <>
      <SavedWeights waveId={waveId} columns={columns.value} weights={weights} onDeleted={reload} />
      {weights.state === 'ready' && (
        <NewWeight key={waveId} waveId={waveId} columns={columns.value} weights={weights.value} draft={draft} onSaved={reload} />
      )}
    </>
  );
}
