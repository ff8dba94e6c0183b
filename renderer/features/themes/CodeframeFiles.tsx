import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Codeframe } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { TextField } from '../../components/form/TextField';
import { ThemesError } from './ThemesError';

/**
 * The codeframe as a file (CSV or JSON, by the name's ending) to share or keep, and a file's codeframe in its place
 * for this question. The web host runs on this computer only, so a path is the user's own.
 */
export function CodeframeFiles({ waveId, question, codeframe, onChanged }: { waveId: number; question: string; codeframe: Codeframe; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const [exportPath, setExportPath] = useState('');
  const [importPath, setImportPath] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<string>) => {
    setError(null);
    setDone('');
    try {
      setDone(await work());
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details className="codeframe-files">
      <summary>{t('themes.files.title')}</summary>
      {error !== null && <ThemesError error={error} />}
      <div className="themes-inline-form">
        <TextField id={`${base}-export`} label={t('themes.files.exportPath')} hint={t('themes.files.pathHint')} value={exportPath} onChange={setExportPath} />
        <button
          type="button"
          className="button button-secondary"
          disabled={exportPath.trim() === ''}
          onClick={() => void run(async () => t('themes.files.exported', { path: (await api.call('themes.exportCodeframe', { codeframeId: codeframe.id, path: exportPath.trim() })).path }))}
        >
          {t('themes.files.export')}
        </button>
      </div>
      <div className="themes-inline-form">
        <TextField id={`${base}-import`} label={t('themes.files.importPath')} hint={t('themes.files.importHint')} value={importPath} onChange={setImportPath} />
        <button
          type="button"
          className="button button-secondary"
          disabled={importPath.trim() === ''}
          onClick={() =>
            void run(async () => {
              const imported = await api.call('themes.importCodeframe', { path: importPath.trim() });
              await api.call('themes.attach', { waveId, question, codeframeId: imported.id });
              await onChanged();
              return t('themes.files.imported', { name: imported.name, n: imported.themes.length });
            })
          }
        >
          {t('themes.files.import')}
        </button>
      </div>
      <p role="status">{done}</p>
    </details>
  );
}
