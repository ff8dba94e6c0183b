import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblems } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { formatLocales } from '../../i18n';
import { useLoad } from '../data/useLoad';
import { useSurveys } from '../data/useSurveys';
import { flagReasonWords, rejectReasonWords } from './words';

/** More than a person would read on one page; the totals still say how many there are. */
const LIMIT = 1000;

/**
 * What an import could not read: whole records the file could not give as a response (by line in the file), and
 * single answers that did not fit their column (by response row, as in the grid). Everything quoted from the file
 * is respondents' text: shown as plain text, never as markup or links.
 */
export function ProblemsPage({ waveId }: { waveId: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const problems = useLoad((signal) => api.call('waves.problems', { waveId, limit: LIMIT }, { signal }), [api, waveId]);
  const columns = useLoad((signal) => api.call('waves.columns', { waveId }, { signal }), [api, waveId]);
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);

  const found =
    surveys.state === 'ready'
      ? surveys.value.flatMap((survey) => survey.waves.map((wave) => ({ survey, wave }))).find((x) => x.wave.id === waveId)
      : undefined;
  const waveTitle = found ? t('wave.title', { survey: found.survey.name, wave: found.wave.label }) : t('wave.loadingTitle');
  const labels = new Map(columns.state === 'ready' ? columns.value.map((c) => [c.name, c.label || c.name]) : []);

  return (
    <>
      <nav aria-label={t('wave.breadcrumbLabel')} className="breadcrumbs">
        <ol>
          <li>
            <a href={hrefFor({ page: 'data' })}>{t('nav.data')}</a>
          </li>
          <li>
            <a href={hrefFor({ page: 'wave', waveId })}>{waveTitle}</a>
          </li>
          <li aria-current="page">{t('problems.title')}</li>
        </ol>
      </nav>
      {found && <p className="caption">{waveTitle}</p>}
      <PageHeading title={t('problems.title')} />
      {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
      {problems.state === 'failed' && <ErrorAlert error={problems.error} />}
      {problems.state === 'loading' && <p role="status">{t('problems.loading')}</p>}
      {problems.state === 'ready' && (
        <>
          <p className="lead">
            {problems.value.totalRejected + problems.value.totalFlagged === 0 ? t('problems.none') : t('problems.intro')}
          </p>
          <Rejected problems={problems.value} number={number} />
          <Flagged problems={problems.value} number={number} labels={labels} />
        </>
      )}
    </>
  );
}

interface SectionProps {
  problems: ImportProblems;
  number: Intl.NumberFormat;
}

interface ProblemSectionProps {
  title: string;
  none: string;
  intro: string;
  shown: number;
  total: number;
  number: Intl.NumberFormat;
  /** The table's header row and body. */
  children: ReactNode;
}

/** One kind of problem: a heading with its count, a sentence when there are none, else the (possibly cut) table. */
function ProblemSection({ title, none, intro, shown, total, number, children }: ProblemSectionProps) {
  const headingId = useId();
  return (
    <section className="problems-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="count-tag">{number.format(total)}</span>
      </h2>
      {total === 0 ? (
        <p>{none}</p>
      ) : (
        <>
          <p>{intro}</p>
          <Limited shown={shown} total={total} number={number} />
          <div className="table-wrap">
            <table className="table problems-table">
              <caption className="visually-hidden">{title}</caption>
              {children}
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Rejected({ problems, number }: SectionProps) {
  const { t } = useTranslation();
  const { rejected, totalRejected } = problems;
  return (
    <ProblemSection
      title={t('problems.rejected.title')}
      none={t('problems.rejected.none')}
      intro={t('problems.rejected.intro')}
      shown={rejected.length}
      total={totalRejected}
      number={number}
    >
      <thead>
        <tr>
          <th scope="col" className="numeric col-line">
            {t('problems.rejected.line')}
          </th>
          <th scope="col" className="col-reason">
            {t('problems.reasonHeading')}
          </th>
          <th scope="col">{t('problems.rejected.raw')}</th>
        </tr>
      </thead>
      <tbody>
        {rejected.map((record, i) => (
          <tr key={i}>
            <th scope="row" className="numeric">
              {record.line === null ? '' : number.format(record.line)}
            </th>
            <td>{rejectReasonWords(t, record.reason)}</td>
            <td className="respondent-text raw-text">{record.raw ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </ProblemSection>
  );
}

function Flagged({ problems, number, labels }: SectionProps & { labels: Map<string, string> }) {
  const { t } = useTranslation();
  const { flagged, totalFlagged } = problems;
  return (
    <ProblemSection
      title={t('problems.flagged.title')}
      none={t('problems.flagged.none')}
      intro={t('problems.flagged.intro')}
      shown={flagged.length}
      total={totalFlagged}
      number={number}
    >
      <thead>
        <tr>
          <th scope="col" className="numeric col-line">
            {t('problems.flagged.row')}
          </th>
          <th scope="col">{t('problems.flagged.column')}</th>
          <th scope="col">{t('problems.flagged.raw')}</th>
          <th scope="col" className="col-reason">
            {t('problems.reasonHeading')}
          </th>
        </tr>
      </thead>
      <tbody>
        {flagged.map((value, i) => (
          <tr key={i}>
            {/* Rows are numbered from 1, as in the responses grid. */}
            <th scope="row" className="numeric">
              {number.format(value.row + 1)}
            </th>
            <td>{labels.get(value.column) ?? value.column}</td>
            <td className="respondent-text raw-text">{value.raw}</td>
            <td>{flagReasonWords(t, value.reason)}</td>
          </tr>
        ))}
      </tbody>
    </ProblemSection>
  );
}

function Limited({ shown, total, number }: { shown: number; total: number; number: Intl.NumberFormat }) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return <p className="hint">{t('problems.limited', { shown: number.format(shown), total: number.format(total) })}</p>;
}
