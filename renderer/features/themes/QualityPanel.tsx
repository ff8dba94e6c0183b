import { useTranslation } from 'react-i18next';
import type { QuestionCoding } from '../../../src/contract/index.js';

/** Minimum reviewed answers before the codeframe can read "ready" (METHODS, "Free-text coding quality"). */
const READY_REVIEWED = 30;

/** How well the auto-coding agrees with people (F1 with its interval, kappa per theme, "ready"), and sentiment counts. */
export function QualityPanel({ coding }: { coding: QuestionCoding }) {
  const { t } = useTranslation();
  const { agreement, sentiment } = coding;
  const f1 = (x: number) => x.toFixed(2);
  const themeName = (code: string) => coding.counts.find((c) => c.code === code)?.name ?? code;
  const total = sentiment.positive + sentiment.neutral + sentiment.negative;
  const pct = (n: number) => (total > 0 ? `${Math.round((100 * n) / total)}%` : '–');
  return (
    <section className="themes-section" aria-labelledby="themes-quality">
      <h2 id="themes-quality" tabIndex={-1}>
        {t('themes.quality.title')}
      </h2>
      <p className={agreement.ready ? 'quality-verdict quality-ready' : 'quality-verdict'}>
        <strong>{agreement.ready ? t('themes.quality.ready') : t('themes.quality.notReady')}</strong>{' '}
        {agreement.f1 === null
          ? t('themes.quality.noneYet', { n: READY_REVIEWED })
          : t('themes.quality.f1', {
              f1: f1(agreement.f1),
              lo: agreement.f1_ci ? f1(agreement.f1_ci[0]) : '–',
              hi: agreement.f1_ci ? f1(agreement.f1_ci[1]) : '–',
              n: agreement.n.toLocaleString('en-GB'),
            })}
      </p>
      <p className="hint">{t('themes.quality.explain', { n: READY_REVIEWED })}</p>
      {Object.keys(agreement.kappa).length > 0 && (
        <table className="table quality-table">
          <caption className="caption">{t('themes.quality.kappaCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('themes.quality.theme')}</th>
              <th scope="col" className="numeric">
                {t('themes.quality.kappa')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(agreement.kappa).map(([code, kappa]) => (
              <tr key={code}>
                <th scope="row">{themeName(code)}</th>
                <td className="numeric">{kappa === null ? t('themes.quality.kappaUndefined') : kappa.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('themes.sentiment.title')}</h3>
      <table className="table quality-table">
        <caption className="caption">{t('themes.sentiment.caption', { n: total.toLocaleString('en-GB'), welsh: coding.welsh.toLocaleString('en-GB') })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('themes.sentiment.tone')}</th>
            <th scope="col" className="numeric">
              {t('themes.sentiment.answers')}
            </th>
            <th scope="col" className="numeric">
              {t('themes.sentiment.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('themes.sentiment.positive')}</th>
            <td className="numeric">{sentiment.positive.toLocaleString('en-GB')}</td>
            <td className="numeric">{pct(sentiment.positive)}</td>
          </tr>
          <tr>
            <th scope="row">{t('themes.sentiment.neutral')}</th>
            <td className="numeric">{sentiment.neutral.toLocaleString('en-GB')}</td>
            <td className="numeric">{pct(sentiment.neutral)}</td>
          </tr>
          <tr>
            <th scope="row">{t('themes.sentiment.negative')}</th>
            <td className="numeric">{sentiment.negative.toLocaleString('en-GB')}</td>
            <td className="numeric">{pct(sentiment.negative)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
