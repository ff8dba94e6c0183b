import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocales } from '../../i18n';
import type { SurveySummary } from '../../../src/contract/index.js';
import { hrefFor } from '../../app/routes';

/** One survey and its waves, as a table: officers compare waves' sizes at a glance. */
export function SurveyWaves({ survey }: { survey: SurveySummary }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);
  const date = useMemo(() => new Intl.DateTimeFormat(formatLocales(i18n.language), { dateStyle: 'medium' }), [i18n.language]);
  const kind = survey.kind === 'consultation' ? t('data.kind.consultation') : t('data.kind.survey');

  return (
    <section className="survey" aria-labelledby={headingId}>
      <h2 id={headingId} className="survey-title">
        {survey.name} <span className="tag">{kind}</span>
      </h2>
      {survey.waves.length === 0 ? (
        <p>{t('data.noWaves')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table waves-table">
            <caption className="visually-hidden">{t('data.wavesCaption', { survey: survey.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-wave">{t('data.columns.wave')}</th>
                <th scope="col" className="numeric col-number">{t('data.columns.responses')}</th>
                <th scope="col" className="numeric col-number">{t('data.columns.columnCount')}</th>
                <th scope="col" className="col-date">{t('data.columns.imported')}</th>
                <th scope="col" className="col-source">{t('data.columns.source')}</th>
                <th scope="col" className="col-action">
                  <span className="visually-hidden">{t('data.columns.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {survey.waves.map((wave) => (
                <tr key={wave.id}>
                  <th scope="row">{wave.label}</th>
                  <td className="numeric">{number.format(wave.rowCount)}</td>
                  <td className="numeric">{number.format(wave.columnCount)}</td>
                  <td>{formatDate(date, wave.importedAt)}</td>
                  <td className="source-file">{wave.sourceFile}</td>
                  <td>
                    <a className="button button-secondary button-small" href={hrefFor({ page: 'wave', waveId: wave.id })}>
                      {t('data.viewResponses')}
                      <span className="visually-hidden"> {t('data.forWave', { survey: survey.name, wave: wave.label })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : format.format(value);
}
