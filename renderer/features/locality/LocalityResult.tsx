import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalitySummary } from '../../../src/contract/index.js';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { formatLocales } from '../../i18n';
import { statusWords } from './words';

/** Enough to read through; the rest are a button press away, so every postcode can still be seen. */
const FIRST_SHOWN = 1000;

interface LocalityResultProps {
  waveId: number;
  waveTitle: string | null;
  summary: LocalitySummary;
  onAgain(): void;
}

/** What placing the respondents found: how many were placed, why the others were not, and every postcode to check. */
export function LocalityResult({ waveId, waveTitle, summary, onAgain }: LocalityResultProps) {
  const { t, i18n } = useTranslation();
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);
  const deprivationId = useId();
  const placed = summary.matched + summary.terminated;
  const counts: Array<{ key: string; term: string; value: number }> = [
    { key: 'matched', term: t('locality.done.matched'), value: summary.matched },
    { key: 'terminated', term: t('locality.done.terminated'), value: summary.terminated },
    { key: 'unmatched', term: t('locality.done.unmatched'), value: summary.unmatched },
    { key: 'invalid', term: t('locality.done.invalid'), value: summary.invalid },
    { key: 'partial', term: t('locality.done.partial'), value: summary.partial },
    { key: 'blank', term: t('locality.done.blank'), value: summary.blank },
  ];

  return (
    <>
      {waveTitle && <p className="caption">{waveTitle}</p>}
      <PageHeading title={t('locality.done.title')} />
      <p className="lead">
        {t('locality.done.placed', { count: summary.rows, placed: number.format(placed), total: number.format(summary.rows) })}
      </p>
      <dl className="locality-counts">
        {counts.map(({ key, term, value }) => (
          <div key={key} data-status={key}>
            <dt>{term}</dt>
            <dd>{number.format(value)}</dd>
          </div>
        ))}
        <div data-status="total" className="locality-total">
          <dt>{t('locality.done.total')}</dt>
          <dd>{number.format(summary.rows)}</dd>
        </div>
      </dl>
      <p>{t('locality.done.nobodyDropped')}</p>
      {summary.terminated > 0 && <p>{t('locality.done.terminatedExplained')}</p>}
      <h2 id={deprivationId}>{t('locality.done.deprivation')}</h2>
      <dl className="locality-counts">
        <div data-status="withoutDecile">
          <dt>{t('locality.done.withoutDecile')}</dt>
          <dd>{number.format(summary.withoutDecile)}</dd>
        </div>
      </dl>
      {summary.withoutDecile > 0 && <p>{t('locality.done.withoutDecileExplained')}</p>}
      <ToCheck summary={summary} number={number} />
      <div className="button-group">
        <a className="button" href={hrefFor({ page: 'wave', waveId })}>
          {t('locality.done.viewResponses')}
        </a>
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t('locality.done.again')}
        </button>
        <a href={hrefFor({ page: 'data' })}>{t('notFound.backToData')}</a>
      </div>
    </>
  );
}

/** Every postcode that could not be placed, or is out of date. Respondents' text: plain text only, never markup. */
function ToCheck({ summary, number }: { summary: LocalitySummary; number: Intl.NumberFormat }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const list = summary.unmatchedList;
  const shown = showAll ? list : list.slice(0, FIRST_SHOWN);
  return (
    <section className="problems-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('locality.list.title')} <span className="count-tag">{number.format(list.length)}</span>
      </h2>
      {list.length === 0 ? (
        <p>{t('locality.list.none')}</p>
      ) : (
        <>
          <p>{t('locality.list.intro')}</p>
          {summary.blank > 0 && <p className="hint">{t('locality.list.blankNotListed')}</p>}
          {shown.length < list.length && (
            <p className="hint">{t('locality.list.limited', { shown: number.format(shown.length), total: number.format(list.length) })}</p>
          )}
          <div className="table-wrap">
            <table className="table problems-table locality-table">
              <caption className="visually-hidden">{t('locality.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric col-line">
                    {t('locality.list.row')}
                  </th>
                  <th scope="col" className="col-postcode">
                    {t('locality.list.postcode')}
                  </th>
                  <th scope="col">{t('locality.list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr key={entry._row}>
                    {/* Rows are numbered from 1, as in the responses grid. */}
                    <th scope="row" className="numeric">
                      {number.format(entry._row + 1)}
                    </th>
                    <td className="respondent-text raw-text">{entry.postcode_raw ?? ''}</td>
                    <td>{statusWords(t, entry.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length < list.length && (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setShowAll(true)}>
                {t('locality.list.showAll', { total: number.format(list.length) })}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
