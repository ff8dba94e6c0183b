import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useProject } from './ProjectContext';
import { hrefFor } from './routes';

export function Header() {
  const { t } = useTranslation();
  const { project } = useProject();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="app-name">{t('app.name')}</span>
        <div className="app-project">
          {project ? (
            <>
              <span className="app-project-label">{t('header.project')}</span>{' '}
              <span className="app-project-name" title={project.path}>
                {project.name}
              </span>{' '}
              <a className="header-link" href={hrefFor({ page: 'projects' })}>
                {t('header.changeProject')}
              </a>
            </>
          ) : (
            <span className="app-project-label">{t('header.noProject')}</span>
          )}
        </div>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
