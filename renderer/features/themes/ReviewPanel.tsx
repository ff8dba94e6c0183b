import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Codeframe, CodedResponse, ReviewItem } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { QuoteText } from './QuoteText';
import { reviewAction } from './reviewKeys';
import { ThemesError } from './ThemesError';

interface ReviewPanelProps {
  waveId: number;
  question: string;
  codeframe: Codeframe | null;
  onChanged(): Promise<void>;
}

type Queue = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; item: ReviewItem } | { state: 'failed'; error: unknown };

/**
 * The review queue, least certain first: the answer, the themes the auto-coding gave it (ticked), and four actions,
 * each a button and a single-key shortcut while the panel has focus (they can be turned off).
 */
export function ReviewPanel({ waveId, question, codeframe, onChanged }: ReviewPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const [queue, setQueue] = useState<Queue>({ state: 'idle' });
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [skipped, setSkipped] = useState<number[]>([]);
  const [shortcuts, setShortcuts] = useState(true);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const answerRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const themes = [...(codeframe?.themes ?? [])].sort((a, b) => a.position - b.position);

  const show = useCallback((item: ReviewItem) => {
    setQueue({ state: 'ready', item });
    setTicked(new Set(item.response?.codes.filter((c) => c.present).map((c) => c.themeId) ?? []));
  }, []);

  const next = useCallback(
    async (skip: number[]) => {
      setQueue((q) => (q.state === 'ready' ? q : { state: 'loading' }));
      try {
        show(await api.call('themes.reviewNext', { waveId, question, skip }));
      } catch (error) {
        setQueue({ state: 'failed', error });
      }
    },
    [api, waveId, question, show],
  );

  useEffect(() => {
    if (codeframe) void next([]);
  }, [codeframe?.id, next]);

  const response: CodedResponse | null = queue.state === 'ready' ? queue.item.response : null;

  /** Records the decision on every theme (ticked or not) and moves on; the response leaves the queue. */
  const decide = async (present: (themeId: number) => boolean, words: string) => {
    if (!response || busy) return;
    setBusy(true);
    try {
      const decisions = themes.map((th) => ({ themeId: th.id, present: present(th.id) }));
      await api.call('themes.decide', { waveId, question, row: response.row, decisions, done: true });
      setSaid(words);
      await next(skipped);
      setBusy(false);
      answerRef.current?.focus();
      // The page's counts follow; the next answer does not wait for them.
      void onChanged();
    } catch (error) {
      setBusy(false);
      setQueue({ state: 'failed', error });
    }
  };
  const accept = () => void decide((id) => ticked.has(id), t('themes.review.saidAccepted'));
  const reject = () => void decide(() => false, t('themes.review.saidRejected'));
  const skip = () => {
    if (!response) return;
    const more = [...skipped, response.row];
    setSkipped(more);
    setSaid(t('themes.review.saidSkipped'));
    void next(more).then(() => answerRef.current?.focus());
  };
  const toggle = (themeId: number) => setTicked((s) => (s.has(themeId) ? new Set([...s].filter((x) => x !== themeId)) : new Set([...s, themeId])));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!shortcuts || !response) return;
    const target = event.target as HTMLElement;
    const action = reviewAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, targetTag: target.tagName, targetType: (target as HTMLInputElement).type });
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'accept') accept();
    else if (action.kind === 'reject') reject();
    else if (action.kind === 'next') skip();
    else if (action.kind === 'add') addRef.current?.focus();
    else if (themes[action.index]) toggle(themes[action.index]!.id);
  };

  const codeOf = (themeId: number) => response?.codes.find((c) => c.themeId === themeId);
  const unticked = themes.filter((th) => !ticked.has(th.id));
  return (
    <section className="themes-section" aria-labelledby="themes-review">
      <h2 id="themes-review" tabIndex={-1}>
        {t('themes.review.title')}
      </h2>
      <p>{t('themes.review.intro')}</p>
      {!codeframe && <p className="inset">{t('themes.review.noCodeframe')}</p>}
      {queue.state === 'loading' && <p role="status">{t('themes.review.loading')}</p>}
      {queue.state === 'failed' && <ThemesError error={queue.error} />}
      {codeframe && queue.state === 'ready' && !response && <p className="inset">{t('themes.review.empty')}</p>}
      {codeframe && response && (
        <div className="review-panel" onKeyDown={onKeyDown}>
          <div className="checkbox">
            <input id={`${base}-keys`} type="checkbox" className="checkbox-input" checked={shortcuts} onChange={(e) => setShortcuts(e.target.checked)} />
            <label htmlFor={`${base}-keys`} className="checkbox-label">
              {t('themes.review.useShortcuts')}
            </label>
          </div>
          {shortcuts && (
            <p id={`${base}-keyhelp`} className="review-keys">
              {t('themes.review.keys')}
            </p>
          )}
          <p className="hint" aria-live="polite">
            {said} {t('themes.review.remaining', { n: queue.state === 'ready' ? queue.item.remaining.toLocaleString('en-GB') : '' })}
          </p>
          <div ref={answerRef} className="review-answer" tabIndex={0} aria-labelledby={`${base}-answer-title`} aria-describedby={shortcuts ? `${base}-keyhelp` : undefined}>
            <h3 id={`${base}-answer-title`} className="review-answer-title">
              {t('themes.review.answerTitle', { id: response.responseId ?? String(response.row + 1) })}
            </h3>
            <blockquote className="review-text">
              <QuoteText text={response.text} />
            </blockquote>
            <p className="secondary">
              {t('themes.review.about', {
                language: response.language === 'cy' ? t('themes.review.welsh') : t('themes.review.english'),
                sentiment: response.sentiment === 'positive' ? t('themes.sentiment.positive') : response.sentiment === 'negative' ? t('themes.sentiment.negative') : t('themes.sentiment.neutral'),
                certainty: response.certainty === null ? t('themes.review.uncoded') : `${Math.round(response.certainty * 100)}%`,
              })}
            </p>
          </div>
          <fieldset className="fieldset review-themes">
            <legend className="legend">{t('themes.review.themesLegend')}</legend>
            <ol className="review-theme-list">
              {themes.map((th, i) => {
                const code = codeOf(th.id);
                return (
                  <li key={th.id} className="checkbox">
                    <input id={`${base}-t${th.id}`} type="checkbox" className="checkbox-input" checked={ticked.has(th.id)} onChange={() => toggle(th.id)} />
                    <label htmlFor={`${base}-t${th.id}`} className="checkbox-label">
                      {i < 9 && shortcuts && <kbd aria-hidden="true">{i + 1}</kbd>} {th.name}
                      {code && code.present && (
                        <span className="secondary">
                          {' '}
                          {code.source === 'model'
                            ? t('themes.review.byModel', { pct: Math.round((code.confidence ?? 0) * 100) })
                            : code.source === 'rule'
                              ? t('themes.review.byRule')
                              : t('themes.review.byPerson')}
                        </span>
                      )}
                    </label>
                  </li>
                );
              })}
            </ol>
          </fieldset>
          {unticked.length > 0 && (
            <div className="form-group">
              <label htmlFor={`${base}-add`} className="label">
                {t('themes.review.add')}
              </label>
              <select
                id={`${base}-add`}
                ref={addRef}
                className="select"
                value=""
                aria-keyshortcuts={shortcuts ? 'T' : undefined}
                onChange={(e) => {
                  if (e.target.value) toggle(Number(e.target.value));
                  answerRef.current?.focus();
                }}
              >
                <option value="">{t('themes.review.addPlaceholder')}</option>
                {unticked.map((th) => (
                  <option key={th.id} value={th.id}>
                    {th.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="button-group">
            <button type="button" className="button" disabled={busy} onClick={accept} aria-keyshortcuts={shortcuts ? 'A' : undefined}>
              {t('themes.review.accept')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={reject} aria-keyshortcuts={shortcuts ? 'R' : undefined}>
              {t('themes.review.reject')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={skip} aria-keyshortcuts={shortcuts ? 'N' : undefined}>
              {t('themes.review.next')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
