import { useTranslation } from 'react-i18next';
import type { FileFilter } from '../../../src/contract/index.js';
import { TextField } from '../../components/form/TextField';

interface FilePickerProps {
  id: string;
  path: string;
  error?: string;
  onChange(path: string): void;
}

/**
 * The file to import: the operating system's dialog in the desktop app; in a browser, which cannot reveal a
 * file's location, a field for it (the web host only listens on this computer, so the path is the user's own).
 */
export function FilePicker({ id, path, error, onChange }: FilePickerProps) {
  const { t } = useTranslation();
  const shell = window.heardShell;
  if (!shell) {
    return <TextField id={id} label={t('import.choose.path')} hint={t('import.choose.pathHint')} value={path} error={error} onChange={onChange} />;
  }

  const filters: FileFilter[] = [
    { name: t('import.choose.filterAll'), extensions: ['csv', 'tsv', 'txt', 'xlsx', 'sav', 'zsav'] },
    { name: t('import.choose.filterText'), extensions: ['csv', 'tsv', 'txt'] },
    { name: t('import.choose.filterExcel'), extensions: ['xlsx'] },
    { name: t('import.choose.filterSpss'), extensions: ['sav', 'zsav'] },
  ];
  const choose = async () => {
    const chosen = await shell.showOpenDialog({ title: t('import.choose.dialogTitle'), filters });
    if (chosen) onChange(chosen);
  };
  const errorId = `${id}-error`;
  const chosenId = `${id}-chosen`;
  return (
    <div className={error ? 'form-group form-group-error' : 'form-group'}>
      <p className="label">{t('import.choose.file')}</p>
      <p id={chosenId} className={path ? 'chosen-file' : 'hint'}>
        {path || t('import.choose.noFile')}
      </p>
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{t('errors.prefix')}</span> {error}
        </p>
      )}
      <button
        id={id}
        type="button"
        className="button button-secondary"
        aria-describedby={error ? `${chosenId} ${errorId}` : chosenId}
        onClick={() => void choose()}
      >
        {path ? t('import.choose.chooseAnother') : t('import.choose.chooseFile')}
      </button>
    </div>
  );
}
