import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapItemFigure, GapPair, GapResult } from '../../../src/contract/index.js';
import type { Numbers } from '../tables/words';
import { TargetForm } from './TargetForm';
import type { GapPairsState } from './useGapPairs';
import { gapWords, intervalWords, statusLabel, statusWords, targetWords } from './words';

interface GapCardProps {
  pair: GapPair;
  result: GapResult;
  waveYear: number | null;
  numbers: Numbers;
  change: GapPairsState['change'];
}

/** One pair's headline: the gap with its interval first, then the two figures it is made of, then its target. */
export function GapCard({ pair, result, waveYear, numbers, change }: GapCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const h = result.headline;
  const hidden = h.flag === 'hidden' || h.gap === null;
  const itemLabel = (side: 'importance' | 'satisfaction', top: string[]) => {
    const answers = top.join(t('gaps.card.plus'));
    if (side === 'importance') return result.units === 'score' ? t('gaps.card.importanceMean') : t('gaps.card.importanceTop', { answers });
    return result.units === 'score' ? t('gaps.card.satisfactionMean') : t('gaps.card.satisfactionTop', { answers });
  };
  const item = (side: 'importance' | 'satisfaction', figure: GapItemFigure, top: string[]) => {
    const value =
      figure.estimate === null
        ? t('gaps.card.none')
        : result.units === 'score'
          ? t('gaps.card.mean', { value: numbers.two.format(figure.estimate) })
          : t('gaps.card.percent', { value: numbers.one.format(figure.estimate) });
    return (
      <div className="summary-row" data-side={side}>
        <dt>{itemLabel(side, top)}</dt>
        <dd>
          <span className="gap-item-figure">{hidden ? t('gaps.card.hiddenMarker') : value}</span>{' '}
          <span className="gap-item-base">
            {t('gaps.card.base', { n: numbers.whole.format(figure.base), nEff: numbers.one.format(figure.nEff) })}
          </span>
        </dd>
      </div>
    );
  };
  return (
    <article className="card gap-card" aria-labelledby={headingId} data-pair={pair.key}>
      <h3 id={headingId}>{pair.label}</h3>
      {hidden ? (
        <p className="gap-figure">
          <span className="gap-headline">{t('gaps.card.hiddenMarker')}</span> {t('gaps.card.hidden')}
        </p>
      ) : (
        <p className="gap-figure">
          <span className="visually-hidden">{t('gaps.card.gapLabel')} </span>
          <span className="gap-headline">{gapWords(t, h.gap!, result.units, numbers)}</span>{' '}
          <span className="gap-interval">{intervalWords(t, h.ci, result.units, numbers)}</span>
          {h.flag === 'low' && <strong className="flag-low"> {t('gaps.card.lowMarker')}</strong>}
        </p>
      )}
      <p className="hint">{result.units === 'score' ? t('gaps.card.explainScore') : t('gaps.card.explainPoints')}</p>
      <dl className="gap-items">
        {item('importance', h.importance, result.topImportance)}
        {item('satisfaction', h.satisfaction, result.topSatisfaction)}
      </dl>
      {h.flag === 'low' && <p className="hint">{t('gaps.card.low')}</p>}
      <div className="gap-target">
        <h4>{t('gaps.target.title')}</h4>
        {pair.target ? (
          <>
            <p className="gap-target-goal">{targetWords(t, pair.target, numbers)}</p>
            {result.target ? (
              <p className="gap-target-status" data-status={result.target.status}>
                <strong className={`tag gap-status gap-status-${result.target.status}`}>{statusLabel(t, result.target.status)}</strong>{' '}
                {statusWords(t, result.target, pair.target, h.ci !== null, numbers)}
                {waveYear !== null && ` ${t('gaps.status.wave', { year: waveYear })}`}
              </p>
            ) : (
              <p className="hint">{t('gaps.target.notForMeans')}</p>
            )}
          </>
        ) : (
          <p className="hint">{t('gaps.target.none')}</p>
        )}
        {editing ? (
          <TargetForm
            pair={pair}
            onCancel={() => setEditing(false)}
            onSave={async (target) => {
              await change('gaps.saveTarget', { importance: pair.importance.name, satisfaction: pair.satisfaction.name, target });
              setEditing(false);
            }}
            onDelete={
              pair.target
                ? async () => {
                    await change('gaps.deleteTarget', { importance: pair.importance.name, satisfaction: pair.satisfaction.name });
                    setEditing(false);
                  }
                : null
            }
          />
        ) : (
          <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
            {pair.target ? t('gaps.target.change') : t('gaps.target.set')}
            <span className="visually-hidden"> {t('gaps.target.forPair', { pair: pair.label })}</span>
          </button>
        )}
      </div>
    </article>
  );
}
