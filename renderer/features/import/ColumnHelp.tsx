import { useTranslation } from 'react-i18next';
import { roleWords, typeWords } from './words';

/** What each type and role means, for officers who have not met the words before; closed until asked for. */
export function ColumnHelp() {
  const { t } = useTranslation();
  const types = [
    { term: typeWords(t, 'id'), text: t('import.help.type.id') },
    { term: typeWords(t, 'date'), text: t('import.help.type.date') },
    { term: typeWords(t, 'numeric'), text: t('import.help.type.numeric') },
    { term: typeWords(t, 'likert'), text: t('import.help.type.likert') },
    { term: typeWords(t, 'single'), text: t('import.help.type.single') },
    { term: typeWords(t, 'multi'), text: t('import.help.type.multi') },
    { term: typeWords(t, 'text'), text: t('import.help.type.text') },
    { term: typeWords(t, 'weight'), text: t('import.help.type.weight') },
  ];
  const roles = [
    { term: roleWords(t, 'demographic'), text: t('import.help.role.demographic') },
    { term: roleWords(t, 'locality'), text: t('import.help.role.locality') },
    { term: roleWords(t, 'importance'), text: t('import.help.role.importance') },
    { term: roleWords(t, 'satisfaction'), text: t('import.help.role.satisfaction') },
  ];
  return (
    <details className="details column-help">
      <summary className="details-summary">{t('import.help.title')}</summary>
      <div className="column-help-body">
        <HelpList heading={t('import.help.types')} entries={types} />
        <HelpList heading={t('import.help.roles')} entries={roles} />
      </div>
    </details>
  );
}

function HelpList({ heading, entries }: { heading: string; entries: ReadonlyArray<{ term: string; text: string }> }) {
  return (
    <div>
      <h3>{heading}</h3>
      <dl className="help-list">
        {entries.map(({ term, text }) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
