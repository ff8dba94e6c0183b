import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { useLoad } from '../data/useLoad';
import { TextField } from '../../components/form/TextField';
import { ThemesError } from './ThemesError';

/** A question with no codeframe yet: reuse one (from another wave or survey), start an empty one, or import a file. */
export function CodeframeSetup({ waveId, question, onChanged }: { waveId: number; question: string; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const codeframes = useLoad((signal) => api.call('themes.codeframes', {}, { signal }), [api]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const attach = async (codeframeId: Promise<number>) => {
    setError(null);
    try {
      await api.call('themes.attach', { waveId, question, codeframeId: await codeframeId });
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const existing = codeframes.state === 'ready' ? codeframes.value : [];
  const chosenId = Number(chosen) || existing[0]?.id;

  return (
    <>
      <p>{t('themes.codeframe.none')}</p>
      {error !== null && <ThemesError error={error} />}
      {existing.length > 0 && (
        <div className="themes-inline-form">
          <div className="form-group">
            <label htmlFor={`${base}-existing`} className="label">
              {t('themes.codeframe.reuse')}
            </label>
            <select id={`${base}-existing`} className="select" value={String(chosenId)} onChange={(e) => setChosen(e.target.value)}>
              {existing.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('themes.codeframe.reuseOption', { name: c.name, n: c.themeCount })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button button-secondary" onClick={() => void attach(Promise.resolve(chosenId!))}>
            {t('themes.codeframe.reuseButton')}
          </button>
        </div>
      )}
      <div className="themes-inline-form">
        <TextField id={`${base}-name`} label={t('themes.codeframe.newName')} value={name} onChange={setName} width="medium" />
        <button
          type="button"
          className="button button-secondary"
          disabled={name.trim() === ''}
          onClick={() => void attach(api.call('themes.createCodeframe', { name: name.trim() }).then((c) => c.id))}
        >
          {t('themes.codeframe.newButton')}
        </button>
      </div>
      <p className="hint">{t('themes.codeframe.orDiscover')}</p>
    </>
  );
}
