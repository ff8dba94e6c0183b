import { useTranslation } from 'react-i18next';
import type { HeardShell } from '../../../src/contract/index.js';
import type { ProjectActions } from './useProjectActions';

/** In the desktop app the operating system's own dialogs choose the file. */
export function ShellFileButtons({ shell, actions }: { shell: HeardShell; actions: ProjectActions }) {
  const { t } = useTranslation();
  const filters = [{ name: t('projects.fileType'), extensions: ['heard'] }];

  const openExisting = async () => {
    const path = await shell.showOpenDialog({ title: t('projects.dialog.openTitle'), filters });
    if (path) await actions.open(path);
  };
  const createNew = async () => {
    const path = await shell.showSaveDialog({
      title: t('projects.dialog.createTitle'),
      defaultPath: t('projects.dialog.defaultName'),
      filters,
    });
    if (path) await actions.create(path);
  };

  return (
    <div className="button-group">
      <button type="button" className="button" disabled={actions.busy !== null} onClick={() => void openExisting()}>
        {t('projects.dialog.open')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={actions.busy !== null}
        onClick={() => void createNew()}
      >
        {t('projects.dialog.create')}
      </button>
    </div>
  );
}
