import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PageHeading } from '../../app/PageHeading';
import { hrefFor } from '../../app/routes';
import { useApi } from '../../api';
import { useLoad } from '../data/useLoad';
import { useSurveys } from '../data/useSurveys';
import { latestWave } from '../tables/choice';
import { AutoCodePanel } from './AutoCodePanel';
import { CodeframePanel } from './CodeframePanel';
import { DiscoveryPanel } from './DiscoveryPanel';
import { QualityPanel } from './QualityPanel';
import { QuestionChooser, type QuestionChoice } from './QuestionChooser';
import { ShowPersonalDetails } from './QuoteText';
import { ReviewPanel } from './ReviewPanel';
import { UndoBar } from './UndoBar';
import { useThemeQuestion } from './useThemeQuestion';
import './themes.css';

/**
 * Themes: code a free-text question into themes. Find candidate themes, build the codeframe from them, auto-code
 * every answer, review the least certain answers by keyboard, and see how well the coding agrees with people.
 */
export function ThemesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const surveys = useSurveys();
  const [choice, setChoice] = useState<QuestionChoice | null>(null);
  const [showPersonal, setShowPersonal] = useState(false);
  // After an undo the review queue starts again, since an undone decision puts its answer back in it.
  const [undos, setUndos] = useState(0);
  const personalId = useId();

  useEffect(() => {
    if (surveys.state !== 'ready' || choice !== null) return;
    const survey = surveys.value.find((s) => s.waves.length > 0);
    const wave = survey && latestWave(survey);
    if (wave) setChoice({ waveId: wave.id, question: '' });
  }, [surveys, choice]);

  const waveId = choice?.waveId ?? null;
  const questions = useLoad((signal) => (waveId === null ? Promise.resolve([]) : api.call('themes.questions', { waveId }, { signal })), [api, waveId]);
  const { state, refresh } = useThemeQuestion(waveId, choice?.question ?? '');

  const noSurveys = surveys.state === 'ready' && !surveys.value.some((s) => s.waves.length > 0);
  const ready = choice && choice.question !== '' && state.state === 'ready' ? state.value : null;
  return (
    <ShowPersonalDetails.Provider value={showPersonal}>
      <div className="themes-page">
        <PageHeading title={t('themes.title')} />
        <p className="lead">{t('themes.intro')}</p>
        {surveys.state === 'loading' && <p role="status">{t('themes.loading')}</p>}
        {surveys.state === 'failed' && <ErrorAlert error={surveys.error} />}
        {noSurveys && (
          <p className="inset">
            {t('themes.noSurveys')} <a href={hrefFor({ page: 'import' })}>{t('themes.importLink')}</a>
          </p>
        )}
        {surveys.state === 'ready' && choice && (
          <QuestionChooser surveys={surveys.value} choice={choice} questions={questions.state === 'ready' ? questions.value : null} onChange={setChoice} />
        )}
        {questions.state === 'failed' && <ErrorAlert error={questions.error} />}
        {choice?.question && state.state === 'loading' && <p role="status">{t('themes.loadingQuestion')}</p>}
        {choice?.question && state.state === 'failed' && <ErrorAlert error={state.error} />}
        {choice && ready && (
          <>
            <div className="checkbox themes-personal">
              <input id={personalId} type="checkbox" className="checkbox-input" checked={showPersonal} onChange={(e) => setShowPersonal(e.target.checked)} />
              <label htmlFor={personalId} className="checkbox-label">
                {t('themes.showPersonal')}
              </label>
            </div>
            <nav className="themes-contents" aria-label={t('themes.contents.label')}>
              <ul>
                <li>
                  <a href="#themes-discover" onClick={jump}>{t('themes.discovery.title')}</a>
                </li>
                <li>
                  <a href="#themes-codeframe" onClick={jump}>{t('themes.codeframe.title')}</a>
                </li>
                <li>
                  <a href="#themes-autocode" onClick={jump}>{t('themes.autocode.title')}</a>
                </li>
                <li>
                  <a href="#themes-review" onClick={jump}>{t('themes.review.title')}</a>
                </li>
                <li>
                  <a href="#themes-quality" onClick={jump}>{t('themes.quality.title')}</a>
                </li>
              </ul>
            </nav>
            <dl className="summary-list">
              <div>
                <dt>{t('themes.summary.answers')}</dt>
                <dd>{ready.coding.responses.toLocaleString('en-GB')}</dd>
              </div>
              <div>
                <dt>{t('themes.summary.coded')}</dt>
                <dd>{ready.coding.coded.toLocaleString('en-GB')}</dd>
              </div>
              <div>
                <dt>{t('themes.summary.reviewed')}</dt>
                <dd>{ready.coding.reviewed.toLocaleString('en-GB')}</dd>
              </div>
              <div>
                <dt>{t('themes.summary.codeframe')}</dt>
                <dd>{ready.codeframe?.name ?? t('themes.summary.noCodeframe')}</dd>
              </div>
            </dl>
            <UndoBar
              waveId={choice.waveId}
              question={choice.question}
              last={ready.coding.undo}
              onUndone={async () => {
                await refresh();
                setUndos((n) => n + 1);
              }}
            />
            <DiscoveryPanel key={`d-${choice.waveId}-${choice.question}`} waveId={choice.waveId} question={choice.question} label={ready.coding.label} codeframe={ready.codeframe} onChanged={refresh} />
            <CodeframePanel waveId={choice.waveId} question={choice.question} codeframe={ready.codeframe} counts={ready.coding.counts} onChanged={refresh} />
            <AutoCodePanel key={`a-${choice.waveId}-${choice.question}`} waveId={choice.waveId} question={choice.question} coding={ready.coding} hasThemes={(ready.codeframe?.themes.length ?? 0) > 0} onChanged={refresh} />
            <ReviewPanel key={`r-${choice.waveId}-${choice.question}-${undos}`} waveId={choice.waveId} question={choice.question} codeframe={ready.codeframe} onChanged={refresh} />
            <QualityPanel coding={ready.coding} />
          </>
        )}
      </div>
    </ShowPersonalDetails.Provider>
  );
}

/** In-page links move focus to their section's heading: the address's hash is the page's route, so it stays. */
function jump(event: React.MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const id = event.currentTarget.getAttribute('href')!.slice(1);
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}
