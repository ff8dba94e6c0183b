import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeardError, REPORT_FORMATS, type ReportFormat, type ReportRequest } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { useProject } from '../../app/ProjectContext';
import { TextField } from '../../components/form/TextField';
import { SaveStatus } from '../../components/save/SaveStatus';
import { useSaveFile } from '../../components/save/useSaveFile';
import { folderOf, suggestedFileName } from '../tables/choice';
import { ReportError } from './ReportError';
import { formatName } from './words';

interface ReportExportProps {
  request: ReportRequest;
  surveyName: string;
  waveLabel: string;
}

/**
 * Saves the report as Word, HTML, Excel or PDF, as the Tables page saves a table: the desktop app's save dialog, or in
 * a browser a full path on this computer (the web host listens on this computer only); an existing file is replaced
 * only when the user says so.
 */
export function ReportExport({ request, surveyName, waveLabel }: ReportExportProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { project } = useProject();
  const id = useId();
  const shell = window.heardShell;
  const [format, setFormat] = useState<ReportFormat>('docx');
  const suggested = (f: ReportFormat) => `${folderOf(project?.path ?? '')}${suggestedFileName(`${surveyName} ${t('report.page.fileWord')}`, waveLabel, f)}`;
  const [path, setPath] = useState(() => suggested('docx'));
  const { outcome, setOutcome, statusRef, write } = useSaveFile((out, replace) => api.call('report.export', { ...request, format, out, replace }));

  useEffect(() => {
    setPath(suggested(format));
    setOutcome({ state: 'idle' });
  }, [surveyName, waveLabel]);

  const chooseFormat = (next: ReportFormat) => {
    setFormat(next);
    setPath((current) => current.replace(/\.(docx|html|xlsx|pdf)$/i, `.${next}`));
  };

  const onExport = async () => {
    if (shell) {
      const chosen = await shell.showSaveDialog({
        title: t('report.page.dialogTitle'),
        defaultPath: suggestedFileName(`${surveyName} ${t('report.page.fileWord')}`, waveLabel, format),
        filters: [{ name: formatName(t, format), extensions: [format] }],
      });
      if (chosen) await write(chosen, true);
      return;
    }
    const out = path.trim();
    if (out === '') {
      setOutcome({ state: 'failed', error: new HeardError('bad_request', t('report.page.pathRequired')) });
      return;
    }
    await write(out, false);
  };

  const busy = outcome.state === 'busy';
  return (
    <section className="report-export" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('report.page.exportHeading')}</h2>
      <p>{t('report.page.exportIntro')}</p>
      <fieldset className="fieldset">
        <legend className="label">{t('report.page.format')}</legend>
        <div className="radios">
          {REPORT_FORMATS.map((f) => (
            <div className="radio" key={f}>
              <input id={`${id}-${f}`} type="radio" className="radio-input" name={`${id}-format`} checked={format === f} onChange={() => chooseFormat(f)} />
              <label htmlFor={`${id}-${f}`} className="radio-label">
                {formatName(t, f)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {!shell && <TextField id={`${id}-path`} label={t('report.page.path')} hint={t('report.page.pathHint')} value={path} onChange={setPath} />}
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={() => void onExport()}>
          {shell ? t('report.page.saveAs') : t('report.page.export')}
        </button>
      </div>
      <SaveStatus
        outcome={outcome}
        statusRef={statusRef}
        words={{ busy: t('report.page.exporting'), exists: (path) => t('report.page.exists', { path }), replace: t('report.page.replace'), keep: t('report.page.keep') }}
        done={(result) => (
          <p>
            {t('report.page.exported')} <span className="chosen-file">{result.out}</span>
          </p>
        )}
        failed={(error) => <ReportError error={error} saving />}
        onReplace={(path) => void write(path, true)}
        onKeep={() => setOutcome({ state: 'idle' })}
      />
    </section>
  );
}
