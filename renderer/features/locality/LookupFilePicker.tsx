import { useTranslation } from 'react-i18next';
import type { FileFilter } from '../../../src/contract/index.js';
import { TextField } from '../../components/form/TextField';

interface LookupFilePickerProps {
  id: string;
  label: string;
  /** For the location field in a browser. */
  hint: string;
  /** For the desktop app, where the file comes from the operating system's dialog. */
  shellHint: string;
  dialogTitle: string;
  filterName: string;
  path: string;
  onChange(path: string): void;
}

/**
 * An optional lookup file (CSV): the operating system's dialog in the desktop app, with a way to take the choice
 * back; in a browser, which cannot reveal a file's location, a field for it (the web host only listens on this
 * computer, so the path is the user's own).
 */
export function LookupFilePicker({ id, label, hint, shellHint, dialogTitle, filterName, path, onChange }: LookupFilePickerProps) {
  const { t } = useTranslation();
  const shell = window.heardShell;
  if (!shell) return <TextField id={id} label={label} hint={hint} value={path} onChange={onChange} />;

  const filters: FileFilter[] = [{ name: filterName, extensions: ['csv'] }];
  const choose = async () => {
    const chosen = await shell.showOpenDialog({ title: dialogTitle, filters });
    if (chosen) onChange(chosen);
  };
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const chosenId = `${id}-chosen`;
  const clearId = `${id}-clear`;
  return (
    <div className="form-group" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="label">
        {label}
      </p>
      <p id={hintId} className="hint">
        {shellHint}
      </p>
      <p id={chosenId} className={path ? 'chosen-file' : 'hint'}>
        {path || t('locality.form.noFile')}
      </p>
      <div className="button-group button-group-tight">
        {/* Named with its field's label too: the page has two of these buttons. */}
        <button id={id} type="button" className="button button-secondary" aria-labelledby={`${id} ${labelId}`} aria-describedby={`${chosenId} ${hintId}`} onClick={() => void choose()}>
          {path ? t('locality.form.chooseAnother') : t('locality.form.chooseFile')}
        </button>
        {path && (
          <button id={clearId} type="button" className="button button-secondary" aria-labelledby={`${clearId} ${labelId}`} onClick={() => onChange('')}>
            {t('locality.form.clearFile')}
          </button>
        )}
      </div>
    </div>
  );
}
