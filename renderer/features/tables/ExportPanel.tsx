import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeardError, type CrosstabRequest, type TableExportFormat } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { useProject } from '../../app/ProjectContext';
import { TextField } from '../../components/form/TextField';
import { SaveStatus } from '../../components/save/SaveStatus';
import { useSaveFile } from '../../components/save/useSaveFile';
import { folderOf, suggestedFileName } from './choice';
import { TableError } from './TableError';

interface ExportPanelProps {
  /** The request behind the table on the page: the file holds exactly that table. */
  request: CrosstabRequest;
  title: string;
  waveLabel: string;
}

/**
 * Export to XLSX or CSV, with the same suppression as on screen and more (see src/export/table-export.ts). In the
 * desktop app the operating system's save dialog chooses the file (and asks before replacing one). A browser cannot
 * tell the page where a file should go, so there the user gives its full location, starting from the project's own
 * folder; the web host only listens on this computer, so that location is on the user's own machine. An existing
 * file is only replaced when the user says so.
 */
export function ExportPanel({ request, title, waveLabel }: ExportPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { project } = useProject();
  const id = useId();
  const shell = window.heardShell;
  const [format, setFormat] = useState<TableExportFormat>('xlsx');
  const suggested = (f: TableExportFormat) => `${folderOf(project?.path ?? '')}${suggestedFileName(title, waveLabel, f)}`;
  const [path, setPath] = useState(() => suggested('xlsx'));
  const { outcome, setOutcome, statusRef, write } = useSaveFile((out, replace) => api.call('tables.export', { ...request, format, out, replace }));

  // A new table on the page: a new name to suggest, and the last export's message no longer applies.
  useEffect(() => {
    setPath(suggested(format));
    setOutcome({ state: 'idle' });
  }, [title, waveLabel]);

  const chooseFormat = (next: TableExportFormat) => {
    setFormat(next);
    // Keep a typed folder and name; only the extension follows the format.
    setPath((current) => (/\.(xlsx|csv)$/i.test(current) ? current.replace(/\.(xlsx|csv)$/i, `.${next}`) : current));
  };

  const onExport = async () => {
    if (shell) {
      const chosen = await shell.showSaveDialog({
        title: t('tables.export.dialogTitle'),
        defaultPath: suggestedFileName(title, waveLabel, format),
        filters: [format === 'xlsx' ? { name: t('tables.export.xlsxFiles'), extensions: ['xlsx'] } : { name: t('tables.export.csvFiles'), extensions: ['csv'] }],
      });
      // The dialog has already asked before replacing a file.
      if (chosen) await write(chosen, true);
      return;
    }
    const out = path.trim();
    if (out === '') {
      setOutcome({ state: 'failed', error: new HeardError('bad_request', t('tables.export.pathRequired')) });
      return;
    }
    await write(out, false);
  };

  const busy = outcome.state === 'busy';
  return (
    <section className="table-export" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('tables.export.heading')}</h2>
      <p>{t('tables.export.intro')}</p>
      <fieldset className="fieldset">
        <legend className="label">{t('tables.export.format')}</legend>
        <div className="radios radios-inline">
          {(['xlsx', 'csv'] as const).map((f) => (
            <div className="radio" key={f}>
              <input id={`${id}-${f}`} type="radio" className="radio-input" name={`${id}-format`} checked={format === f} onChange={() => chooseFormat(f)} />
              <label htmlFor={`${id}-${f}`} className="radio-label">
                {f === 'xlsx' ? t('tables.export.xlsx') : t('tables.export.csv')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {!shell && <TextField id={`${id}-path`} label={t('tables.export.path')} hint={t('tables.export.pathHint')} value={path} onChange={setPath} />}
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
          {shell ? t('tables.export.saveAs') : t('tables.export.export')}
        </button>
      </div>
      <SaveStatus
        outcome={outcome}
        statusRef={statusRef}
        words={{ busy: t('tables.export.busy'), exists: (path) => t('tables.export.exists', { path }), replace: t('tables.export.replace'), keep: t('tables.export.keep') }}
        done={(result) => (
          <>
            <p>
              {t('tables.export.done')} <span className="chosen-file">{result.out}</span>
            </p>
            {result.suppressed + result.secondary > 0 && <p>{t('tables.export.withheld', { count: result.suppressed + result.secondary, secondary: result.secondary })}</p>}
          </>
        )}
        failed={(error) => <TableError error={error} />}
        onReplace={(path) => void write(path, true)}
        onKeep={() => setOutcome({ state: 'idle' })}
      />
    </section>
  );
}
