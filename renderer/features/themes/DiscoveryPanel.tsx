import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCOVERY_MAX_K, DISCOVERY_MIN_K, type Codeframe, type Discovery } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { FormGroup } from '../../components/form/FormGroup';
import { CandidateCard } from './CandidateCard';
import { draftsFrom, mergeSelected, themeFrom, type CandidateDraft } from './candidates';
import { ThemesError } from './ThemesError';

interface DiscoveryPanelProps {
  waveId: number;
  question: string;
  label: string;
  codeframe: Codeframe | null;
  onChanged(): Promise<void>;
}

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; found: Discovery } | { state: 'failed'; error: unknown };

/** Find themes: candidate themes from the answers, which the officer renames, merges, accepts or discards. */
export function DiscoveryPanel({ waveId, question, label, codeframe, onChanged }: DiscoveryPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const [k, setK] = useState('');
  const [kError, setKError] = useState<string | undefined>();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [drafts, setDrafts] = useState<CandidateDraft[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const runs = useRef(0);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const discover = async (event: FormEvent) => {
    event.preventDefault();
    const asked = k.trim() === '' ? undefined : Number(k);
    if (asked !== undefined && !(Number.isInteger(asked) && asked >= DISCOVERY_MIN_K && asked <= DISCOVERY_MAX_K)) {
      setKError(t('themes.discovery.kError', { min: DISCOVERY_MIN_K, max: DISCOVERY_MAX_K }));
      return;
    }
    setKError(undefined);
    setRun({ state: 'running' });
    try {
      const found = await api.call('themes.discover', { waveId, question, ...(asked === undefined ? {} : { k: asked }) });
      setDrafts(draftsFrom(found.candidates, ++runs.current));
      setRun({ state: 'ready', found });
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  };

  // Take keyboard and screen reader users to the suggestions they asked for.
  useEffect(() => {
    if (run.state === 'ready') resultRef.current?.focus();
  }, [run]);

  const update = (key: string, patch: Partial<CandidateDraft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  // One at a time: the first accepted theme creates the codeframe the next ones go into.
  const [saving, setSaving] = useState(false);
  const accept = async (draft: CandidateDraft) => {
    setSaveError(null);
    setSaving(true);
    try {
      const theme = themeFrom(draft);
      if (codeframe) {
        await api.call('themes.saveTheme', { codeframeId: codeframe.id, theme });
      } else {
        const created = await api.call('themes.createCodeframe', { name: t('themes.discovery.newCodeframe', { question: label }), themes: [theme] });
        await api.call('themes.attach', { waveId, question, codeframeId: created.id });
      }
      await onChanged();
      update(draft.key, { status: 'accepted', selected: false });
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const selected = drafts.filter((d) => d.selected && d.status === 'open').length;
  const found = run.state === 'ready' ? run.found : null;
  const answered = found ? found.rows - found.blank : 0;
  return (
    <section className="themes-section" aria-labelledby="themes-discover">
      <h2 id="themes-discover" tabIndex={-1}>
        {t('themes.discovery.title')}
      </h2>
      <p>{t('themes.discovery.intro')}</p>
      <form className="themes-discover-form" onSubmit={(e) => void discover(e)} noValidate>
        <FormGroup id={`${base}-k`} label={t('themes.discovery.k')} hint={t('themes.discovery.kHint')} error={kError}>
          {(aria) => <input id={`${base}-k`} className="input input-year" inputMode="numeric" value={k} onChange={(e) => setK(e.target.value)} {...aria} autoComplete="off" />}
        </FormGroup>
        <div className="button-group">
          <button type="submit" className="button" disabled={run.state === 'running'}>
            {found ? t('themes.discovery.again') : t('themes.discovery.run')}
          </button>
        </div>
      </form>
      {run.state === 'running' && <p role="status">{t('themes.discovery.running')}</p>}
      {run.state === 'failed' && <ThemesError error={run.error} />}
      {found && (
        <>
          <h3 ref={resultRef} tabIndex={-1} className="themes-result-title">
            {t('themes.discovery.found', { k: found.candidates.length, answered: answered.toLocaleString('en-GB') })}
          </h3>
          <p className="hint">{t('themes.discovery.notGrouped', { ungrouped: found.ungrouped.toLocaleString('en-GB'), blank: found.blank.toLocaleString('en-GB') })}</p>
          {saveError !== null && <ThemesError error={saveError} />}
          <div className="button-group themes-merge">
            <button type="button" className="button button-secondary" disabled={selected < 2} onClick={() => setDrafts(mergeSelected)}>
              {t('themes.discovery.merge')}
            </button>
            <p className="hint" aria-live="polite">
              {t('themes.discovery.selected', { n: selected })}
            </p>
          </div>
          <ol className="candidate-list">
            {drafts.map((draft) => (
              <CandidateCard key={draft.key} draft={draft} answered={answered} saving={saving} onChange={(patch) => update(draft.key, patch)} onAccept={() => void accept(draft)} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
