import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme, ThemeInput } from '../../../src/contract/index.js';
import { FormGroup } from '../../components/form/FormGroup';
import { TextField } from '../../components/form/TextField';

interface ThemeEditorProps {
  /** The theme being edited; null to add one. */
  theme: Theme | null;
  /** Themes that can be its net (those that are not in a net themselves). */
  nets: readonly Theme[];
  onSave(theme: ThemeInput): Promise<void>;
  onSplit?(names: string[]): Promise<void>;
  onDelete?(): Promise<void>;
  onCancel(): void;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A theme's name, description, keywords, exclusions and net; splitting it into several; deleting it. */
export function ThemeEditor({ theme, nets, onSave, onSplit, onDelete, onCancel }: ThemeEditorProps) {
  const { t } = useTranslation();
  const base = useId();
  const [name, setName] = useState(theme?.name ?? '');
  const [description, setDescription] = useState(theme?.description ?? '');
  const [keywords, setKeywords] = useState((theme?.keywords ?? []).join('\n'));
  const [exclusions, setExclusions] = useState((theme?.exclusions ?? []).join('\n'));
  const [parent, setParent] = useState(theme?.parent ?? '');
  const [split, setSplit] = useState('');
  const [errors, setErrors] = useState<{ name?: string; split?: string }>({});

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setErrors({ name: t('themes.editor.nameRequired') });
    setErrors({});
    void onSave({
      ...(theme ? { code: theme.code } : {}),
      name: name.trim(),
      description,
      keywords: lines(keywords),
      exclusions: lines(exclusions),
      parent: parent || null,
      examples: theme?.examples ?? [],
    });
  };
  const doSplit = () => {
    const names = lines(split);
    if (names.length < 2) return setErrors({ split: t('themes.editor.splitRequired') });
    setErrors({});
    void onSplit?.(names);
  };

  return (
    <form className="theme-editor" onSubmit={save} noValidate aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{theme ? t('themes.editor.editTitle', { name: theme.name }) : t('themes.editor.addTitle')}</h4>
      <TextField id={`${base}-name`} label={t('themes.editor.name')} value={name} error={errors.name} onChange={setName} width="medium" />
      <TextField id={`${base}-description`} label={t('themes.editor.description')} value={description} onChange={setDescription} />
      <FormGroup id={`${base}-keywords`} label={t('themes.editor.keywords')} hint={t('themes.editor.keywordsHint')}>
        {(aria) => <textarea id={`${base}-keywords`} className="input textarea" rows={4} value={keywords} onChange={(e) => setKeywords(e.target.value)} {...aria} spellCheck={false} />}
      </FormGroup>
      <FormGroup id={`${base}-exclusions`} label={t('themes.editor.exclusions')} hint={t('themes.editor.exclusionsHint')}>
        {(aria) => <textarea id={`${base}-exclusions`} className="input textarea" rows={2} value={exclusions} onChange={(e) => setExclusions(e.target.value)} {...aria} spellCheck={false} />}
      </FormGroup>
      <FormGroup id={`${base}-parent`} label={t('themes.editor.parent')} hint={t('themes.editor.parentHint')}>
        {(aria) => (
          <select id={`${base}-parent`} className="select" value={parent} onChange={(e) => setParent(e.target.value)} {...aria}>
            <option value="">{t('themes.editor.noParent')}</option>
            {nets
              .filter((n) => n.code !== theme?.code)
              .map((n) => (
                <option key={n.id} value={n.code}>
                  {n.name}
                </option>
              ))}
          </select>
        )}
      </FormGroup>
      <div className="button-group">
        <button type="submit" className="button">
          {t('themes.editor.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('themes.editor.cancel')}
        </button>
        {onDelete && (
          <button type="button" className="button button-warning" onClick={() => void onDelete()}>
            {t('themes.editor.delete')}
          </button>
        )}
      </div>
      {onSplit && (
        <div className="theme-split">
          <FormGroup id={`${base}-split`} label={t('themes.editor.split')} hint={t('themes.editor.splitHint')} error={errors.split}>
            {(aria) => <textarea id={`${base}-split`} className="input textarea" rows={3} value={split} onChange={(e) => setSplit(e.target.value)} {...aria} />}
          </FormGroup>
          <button type="button" className="button button-secondary" onClick={doSplit}>
            {t('themes.editor.splitButton')}
          </button>
        </div>
      )}
    </form>
  );
}
