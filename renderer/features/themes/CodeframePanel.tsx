import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Codeframe, ThemeCount, ThemeInput } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { CodeframeFiles } from './CodeframeFiles';
import { CodeframeSetup } from './CodeframeSetup';
import { ThemeEditor } from './ThemeEditor';
import { ThemesError } from './ThemesError';

interface CodeframePanelProps {
  waveId: number;
  question: string;
  codeframe: Codeframe | null;
  counts: readonly ThemeCount[];
  onChanged(): Promise<void>;
}

/** The codeframe: its themes (nets first, their themes under them), editing, merging, splitting, files. */
export function CodeframePanel({ waveId, question, codeframe, counts, onChanged }: CodeframePanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [into, setInto] = useState('');
  const [error, setError] = useState<unknown>(null);

  // One change at a time: buttons wait while a change is saved and the table reloads.
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
      // The table shows the change before the form closes, so what the officer sees next is the new codeframe.
      await onChanged();
      setEditing(null);
      setSelected([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!codeframe) {
    return (
      <section className="themes-section" aria-labelledby="themes-codeframe">
        <h2 id="themes-codeframe" tabIndex={-1}>
          {t('themes.codeframe.title')}
        </h2>
        <CodeframeSetup waveId={waveId} question={question} onChanged={onChanged} />
      </section>
    );
  }

  const id = codeframe.id;
  const save = (themeId: number | undefined) => (theme: ThemeInput) => act(() => api.call('themes.saveTheme', { codeframeId: id, ...(themeId ? { themeId } : {}), theme }));
  // Nets first, each followed by its themes; then themes in no net.
  const ordered = [...codeframe.themes].sort((a, b) => a.position - b.position);
  const nets = ordered.filter((th) => th.parent === null);
  const rows = nets.flatMap((n) => [n, ...ordered.filter((th) => th.parent === n.code)]);
  const countOf = (themeId: number) => counts.find((c) => c.themeId === themeId);
  const intoId = Number(into) || selected[0];

  return (
    <section className="themes-section" aria-labelledby="themes-codeframe">
      <h2 id="themes-codeframe" tabIndex={-1}>
        {t('themes.codeframe.title')}
      </h2>
      <p>{t('themes.codeframe.intro', { name: codeframe.name })}</p>
      {error !== null && <ThemesError error={error} />}
      {rows.length === 0 ? (
        <p className="inset">{t('themes.codeframe.empty')}</p>
      ) : (
        <div className="themes-table-wrap">
          <table className="table codeframe-table">
            <caption className="caption">{t('themes.codeframe.caption', { name: codeframe.name })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('themes.codeframe.select')}</span>
                </th>
                <th scope="col">{t('themes.codeframe.theme')}</th>
                <th scope="col">{t('themes.codeframe.code')}</th>
                <th scope="col">{t('themes.codeframe.keywords')}</th>
                <th scope="col" className="numeric">
                  {t('themes.codeframe.responses')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('themes.codeframe.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((theme) => {
                const count = countOf(theme.id);
                const inNet = theme.parent !== null;
                return (
                  <tr key={theme.id} className={inNet ? 'codeframe-child' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        className="checkbox-input"
                        aria-label={t('themes.codeframe.selectTheme', { name: theme.name })}
                        checked={selected.includes(theme.id)}
                        onChange={(e) => setSelected((s) => (e.target.checked ? [...s, theme.id] : s.filter((x) => x !== theme.id)))}
                      />
                    </td>
                    <th scope="row">
                      {inNet && <span className="visually-hidden">{t('themes.codeframe.inNet', { net: nets.find((n) => n.code === theme.parent)?.name ?? theme.parent })}</span>}
                      {theme.name}
                      {theme.description && <span className="codeframe-description">{theme.description}</span>}
                    </th>
                    <td>{theme.code}</td>
                    <td className="codeframe-keywords">{theme.keywords.join(', ')}</td>
                    <td className="numeric">{count ? `${count.n.toLocaleString('en-GB')} (${count.pct.toFixed(0)}%)` : '0'}</td>
                    <td>
                      <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setEditing(theme.id)} aria-label={t('themes.codeframe.editTheme', { name: theme.name })}>
                        {t('themes.codeframe.edit')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing !== null && (
        <ThemeEditor
          key={editing}
          theme={editing === 'new' ? null : (codeframe.themes.find((th) => th.id === editing) ?? null)}
          nets={nets}
          onSave={save(editing === 'new' ? undefined : editing)}
          onSplit={editing === 'new' ? undefined : (names) => act(() => api.call('themes.splitTheme', { codeframeId: id, themeId: editing, into: names.map((name) => ({ name })) }))}
          onDelete={editing === 'new' ? undefined : () => act(() => api.call('themes.deleteTheme', { codeframeId: id, themeId: editing }))}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="button-group">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => setEditing('new')}>
          {t('themes.codeframe.add')}
        </button>
      </div>
      {selected.length >= 2 && (
        <div className="codeframe-merge">
          <label htmlFor={`${base}-into`} className="label">
            {t('themes.codeframe.mergeInto')}
          </label>
          <select id={`${base}-into`} className="select" value={String(intoId)} onChange={(e) => setInto(e.target.value)}>
            {selected.map((themeId) => (
              <option key={themeId} value={themeId}>
                {codeframe.themes.find((th) => th.id === themeId)?.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void act(() => api.call('themes.mergeThemes', { codeframeId: id, from: selected.filter((x) => x !== intoId), into: intoId! }))}
          >
            {t('themes.codeframe.merge', { n: selected.length })}
          </button>
        </div>
      )}
      <CodeframeFiles waveId={waveId} question={question} codeframe={codeframe} onChanged={onChanged} />
    </section>
  );
}
