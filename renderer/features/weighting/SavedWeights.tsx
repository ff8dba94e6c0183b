import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo, WeightInfo } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useApi } from '../../api';
import type { WeightList } from './WeightingPage';
import { marginLabel, useFormats, variableLabel } from './words';

interface SavedWeightsProps {
  waveId: number;
  columns: readonly ColumnInfo[];
  weights: WeightList;
  onDeleted(): void;
}

type Deleting = { name: string; state: 'asking' | 'working' } | { name: string; state: 'failed'; error: unknown };

/** The wave's weights: design columns from the data, and weights saved by raking, which can be deleted. */
export function SavedWeights({ waveId, columns, weights, onDeleted }: SavedWeightsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormats();
  const headingId = useId();
  const confirmHeadingRef = useRef<HTMLHeadingElement>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  /** Where focus goes back to when the question is dismissed. */
  const returnTo = useRef<HTMLButtonElement | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (deleting?.state === 'asking') confirmHeadingRef.current?.focus();
  }, [deleting?.name, deleting?.state]);

  useEffect(() => {
    if (deleted) statusRef.current?.focus();
  }, [deleted]);

  const ask = (name: string, button: HTMLButtonElement) => {
    returnTo.current = button;
    setDeleted(null);
    setDeleting({ name, state: 'asking' });
  };
  const cancel = () => {
    setDeleting(null);
    returnTo.current?.focus();
  };
  const confirm = async (name: string) => {
    setDeleting({ name, state: 'working' });
    try {
      await api.call('weights.delete', { waveId, name });
      setDeleting(null);
      setDeleted(name);
      onDeleted();
    } catch (error) {
      setDeleting({ name, state: 'failed', error });
    }
  };

  return (
    <section className="weighting-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weighting.saved.title')}</h2>
      {deleted && (
        <p role="status" className="inset" tabIndex={-1} ref={statusRef}>
          {t('weighting.saved.deleted', { name: deleted })}
        </p>
      )}
      {weights.state === 'failed' && <ErrorAlert error={weights.error} />}
      {weights.state === 'ready' && weights.value.length === 0 && <p>{t('weighting.saved.none')}</p>}
      {weights.state === 'ready' && weights.value.length > 0 && (
        <div className="table-wrap">
          <table className="table weights-table">
            <caption className="visually-hidden">{t('weighting.saved.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('weighting.saved.name')}</th>
                <th scope="col">{t('weighting.saved.kind')}</th>
                <th scope="col" className="numeric">
                  {t('weighting.saved.efficiency')}
                </th>
                <th scope="col" className="numeric">
                  {t('weighting.saved.nEff')}
                </th>
                <th scope="col">{t('weighting.saved.made')}</th>
                <th scope="col">{t('weighting.saved.how')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('weighting.saved.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {weights.value.map((weight) => (
                <tr key={weight.name}>
                  <th scope="row" className="weight-name">
                    {weight.name}
                  </th>
                  <td>{weight.kind === 'design' ? t('weighting.saved.design') : t('weighting.saved.raked')}</td>
                  <td className="numeric">{format.percent(weight.efficiency)}</td>
                  <td className="numeric">{format.whole(weight.nEff)}</td>
                  <td>{weight.raking ? format.when(weight.raking.createdAt) : t('weighting.saved.withData')}</td>
                  <td>
                    <HowMade weight={weight} columns={columns} />
                  </td>
                  <td>
                    {weight.kind === 'raked' && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={(event) => ask(weight.name, event.currentTarget)}
                        disabled={deleting?.state === 'working'}
                      >
                        {t('weighting.saved.delete')}
                        <span className="visually-hidden"> {weight.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <div className="warning-panel weighting-confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <h3 id={`${headingId}-confirm`} tabIndex={-1} ref={confirmHeadingRef}>
            {t('weighting.saved.confirmTitle', { name: deleting.name })}
          </h3>
          <p>{t('weighting.saved.confirmBody')}</p>
          {deleting.state === 'failed' && <ErrorAlert error={deleting.error} />}
          <div className="button-group">
            <button type="button" className="button button-warning" onClick={() => void confirm(deleting.name)} disabled={deleting.state === 'working'}>
              {deleting.state === 'working' ? t('weighting.saved.deleting') : t('weighting.saved.confirmYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={cancel} disabled={deleting.state === 'working'}>
              {t('weighting.saved.confirmNo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** How a raked weight was made, in a line or two; a design weight came with the data. */
function HowMade({ weight, columns }: { weight: WeightInfo; columns: readonly ColumnInfo[] }) {
  const { t } = useTranslation();
  const format = useFormats();
  const raking = weight.raking;
  if (!raking) return <>{t('weighting.saved.designHow')}</>;
  return (
    <>
      <span className="weight-margins">{raking.margins.map((m) => marginLabel(columns, m.variables)).join('; ')}</span>
      <span className="hint weight-detail">
        {raking.baseWeight
          ? t('weighting.saved.fromBase', { base: variableLabel(columns, raking.baseWeight) })
          : t('weighting.saved.fromNothing')}
        {raking.trimming && ` ${t('weighting.saved.trimmed', { k: format.weight(raking.trimming.k) })}`}
      </span>
    </>
  );
}
