import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeardError, type CrosstabRequest, type TableExportFormat, type TableExportResult } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { useProject } from '../../app/ProjectContext';
import { TextField } from '../../components/form/TextField';
import { folderOf, suggestedFileName } from './choice';
import { TableError } from './TableError';

interface ExportPanelProps {
  /** The request behind the table on the page: the file holds exactly that table. */
  request: CrosstabRequest;
  title: string;
  waveLabel: string;
}

type Outcome = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: TableExportResult } | { state: 'exists'; path: string } | { state: 'failed'; error: unknown };

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
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const statusRef = useRef<HTMLDivElement>(null);

  // A new table on the page: a new name to suggest, and the last export's message no longer applies.
  useEffect(() => {
    setPath(suggested(format));
    setOutcome({ state: 'idle' });
  }, [title, waveLabel]);

  useEffect(() => {
    if (outcome.state === 'done' || outcome.state === 'exists') statusRef.current?.focus();
  }, [outcome.state]);

  const chooseFormat = (next: TableExportFormat) => {
    setFormat(next);
    // Keep a typed folder and name; only the extension follows the format.
    setPath((current) => (/\.(xlsx|csv)$/i.test(current) ? current.replace(/\.(xlsx|csv)$/i, `.${next}`) : current));
  };

  const write = async (out: string, replace: boolean) => {
    setOutcome({ state: 'busy' });
    try {
      const result = await api.call('tables.export', { ...request, format, out, replace });
      setOutcome({ state: 'done', result });
    } catch (error) {
      const exists = error instanceof HeardError && error.code === 'io' && (error.detail as { exists?: boolean } | undefined)?.exists === true;
      setOutcome(exists ? { state: 'exists', path: out } : { state: 'failed', error });
    }
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
      {busy && (
        <p role="status" className="hint">
          {t('tables.export.busy')}
        </p>
      )}
      {outcome.state === 'done' && (
        <div ref={statusRef} tabIndex={-1} role="status" className="inset export-done">
          <p>
            {t('tables.export.done')} <span className="chosen-file">{outcome.result.out}</span>
          </p>
          {outcome.result.suppressed + outcome.result.secondary > 0 && (
            <p>{t('tables.export.withheld', { count: outcome.result.suppressed + outcome.result.secondary, secondary: outcome.result.secondary })}</p>
          )}
        </div>
      )}
      {outcome.state === 'exists' && (
        <div ref={statusRef} tabIndex={-1} role="alert" className="inset export-exists">
          <p>{t('tables.export.exists', { path: outcome.path })}</p>
          <div className="button-group">
            <button type="button" className="button button-warning" onClick={() => void write(outcome.path, true)}>
              {t('tables.export.replace')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOutcome({ state: 'idle' })}>
              {t('tables.export.keep')}
            </button>
          </div>
        </div>
      )}
      {outcome.state === 'failed' && <TableError error={outcome.error} />}
    </section>
  );
}
