import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPlan, LayoutName } from '../../../src/contract/index.js';
import { formatLocales } from '../../i18n';
import type { ReadOverrides } from './useImportWizard';
import {
  CHOOSABLE_LAYOUTS,
  DELIMITERS,
  delimiterWords,
  ENCODINGS,
  encodingWords,
  kindWords,
  layoutWords,
  type Delimiter,
} from './words';

interface ReadSettingsProps {
  plan: ImportPlan;
  overrides: ReadOverrides;
  /** The user has changed columns: reading again would lose that, so say so. */
  edited: boolean;
  onReadAgain(overrides: ReadOverrides): void;
}

const AUTO = '';

/** How Heard read the file, in words, and the settings to read it differently (each re-reads the file). */
export function ReadSettings({ plan, overrides, edited, onReadAgain }: ReadSettingsProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const number = useMemo(() => new Intl.NumberFormat(formatLocales(i18n.language)), [i18n.language]);
  const delimited = plan.kind === 'delimited';
  const choosableSheets = plan.kind === 'xlsx' && plan.sheets.length > 1;

  return (
    <section className="review-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('import.review.found')}</h2>
      <dl className="facts">
        <Fact term={t('import.review.file')}>
          <span className="source-file">{plan.fileName}</span> <span className="secondary">({kindWords(t, plan.kind)})</span>
        </Fact>
        <Fact term={t('import.review.layout')}>{layoutWords(t, plan.layout)}</Fact>
        {delimited && <Fact term={t('import.review.encoding')}>{encodingWords(t, plan.encoding)}</Fact>}
        {delimited && plan.delimiter !== null && <Fact term={t('import.review.delimiter')}>{delimiterWords(t, plan.delimiter)}</Fact>}
        {plan.kind === 'xlsx' && plan.sheet !== null && <Fact term={t('import.review.sheet')}>{plan.sheet}</Fact>}
        <Fact term={t('import.review.columnCount')}>{number.format(plan.columns.length)}</Fact>
      </dl>
      {plan.kind !== 'sav' && (
        // Open when there is a sheet to choose, or the user has already changed a setting (so they see what they chose).
        <details className="details" open={choosableSheets || Object.keys(overrides).length > 0}>
          <summary className="details-summary">{choosableSheets ? t('import.read.titleSheets') : t('import.read.title')}</summary>
          <ReadForm plan={plan} overrides={overrides} edited={edited} onReadAgain={onReadAgain} />
        </details>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReadForm({ plan, overrides, edited, onReadAgain }: ReadSettingsProps) {
  const { t } = useTranslation();
  const ids = { layout: useId(), encoding: useId(), delimiter: useId(), sheet: useId(), hint: useId(), warning: useId() };
  const [layout, setLayout] = useState<string>(overrides.layout && overrides.layout !== 'auto' ? overrides.layout : AUTO);
  const [encoding, setEncoding] = useState<string>(overrides.encoding ?? AUTO);
  const [delimiter, setDelimiter] = useState<string>(overrides.delimiter ?? AUTO);
  const [sheet, setSheet] = useState<string>(overrides.sheet ?? plan.sheet ?? AUTO);
  const delimited = plan.kind === 'delimited';
  const choosableSheets = plan.kind === 'xlsx' && plan.sheets.length > 1;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: ReadOverrides = {};
    if (layout !== AUTO) next.layout = layout as LayoutName;
    if (delimited && encoding !== AUTO) next.encoding = encoding;
    if (delimited && delimiter !== AUTO) next.delimiter = delimiter as Delimiter;
    if (choosableSheets && sheet !== AUTO) next.sheet = sheet;
    onReadAgain(next);
  };

  return (
    <form onSubmit={onSubmit} className="read-form" aria-describedby={ids.hint}>
      <p id={ids.hint} className="hint">
        {delimited ? t('import.read.hint') : t('import.read.hintWorkbook')}
      </p>
      <div className="read-fields">
        {choosableSheets && (
          <Select id={ids.sheet} label={t('import.read.sheet')} value={sheet} onChange={setSheet}>
            {plan.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        )}
        <Select id={ids.layout} label={t('import.read.layout')} value={layout} onChange={setLayout}>
          <option value={AUTO}>{t('import.read.automatic')}</option>
          {CHOOSABLE_LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {layoutWords(t, name)}
            </option>
          ))}
        </Select>
        {delimited && (
          <Select id={ids.encoding} label={t('import.read.encoding')} value={encoding} onChange={setEncoding}>
            <option value={AUTO}>{t('import.read.automatic')}</option>
            {ENCODINGS.map((name) => (
              <option key={name} value={name}>
                {encodingWords(t, name)}
              </option>
            ))}
          </Select>
        )}
        {delimited && (
          <Select id={ids.delimiter} label={t('import.read.delimiter')} value={delimiter} onChange={setDelimiter}>
            <option value={AUTO}>{t('import.read.automatic')}</option>
            {DELIMITERS.map((name) => (
              <option key={name} value={name}>
                {delimiterWords(t, name)}
              </option>
            ))}
          </Select>
        )}
      </div>
      {edited && (
        <p id={ids.warning} className="hint">
          {t('import.read.losesChanges')}
        </p>
      )}
      <button type="submit" className="button button-secondary" aria-describedby={edited ? ids.warning : undefined}>
        {t('import.read.readAgain')}
      </button>
    </form>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}

function Select({ id, label, value, onChange, children }: SelectProps) {
  return (
    <div className="form-group">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
