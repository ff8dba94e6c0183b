import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { ThemesError } from './ThemesError';

interface UndoBarProps {
  waveId: number;
  question: string;
  /** What an undo would undo (from themes.summary), or null when there is nothing to undo. */
  last: string | null;
  onUndone(): Promise<void>;
}

/** Undo the latest change to this question's coding (a review decision, an auto-coding run, a codeframe edit). */
export function UndoBar({ waveId, question, last, onUndone }: UndoBarProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [said, setSaid] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setError(null);
    setBusy(true);
    try {
      const { undone } = await api.call('themes.undo', { waveId, question });
      await onUndone();
      setSaid(undone ? t('themes.undo.done', { what: undone }) : t('themes.undo.nothing'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="themes-undo">
      {error !== null && <ThemesError error={error} />}
      {last && (
        <p>
          <span className="secondary">{t('themes.undo.last')}</span> {last}{' '}
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void undo()}>
            {t('themes.undo.button')}
          </button>
        </p>
      )}
      <p role="status" className="hint">
        {said}
      </p>
    </div>
  );
}
