import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnRole, ColumnType, PlannedColumn } from '../../../src/contract/index.js';
import { OptionsList } from './OptionsList';
import { COLUMN_ROLES, COLUMN_TYPES, roleWords, typeWords } from './words';

interface ColumnRowProps {
  index: number;
  column: PlannedColumn;
  /** As Heard inferred it, to mark what the user has changed. */
  original: PlannedColumn | undefined;
  /** The first few answers in this column; respondents' text, shown only as text. */
  sample: readonly string[];
  onChange(index: number, patch: Partial<PlannedColumn>): void;
}

/** Long answers are cut here: the row shows what kind of answers a column holds, not whole comments. */
const SAMPLE_CHARS = 80;

export const ColumnRow = memo(function ColumnRow({ index, column, original, sample, onChange }: ColumnRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const position = index + 1;
  const name = column.label.trim() || column.header || column.name;
  // The heading in the file is worth showing only where the label says something else.
  const showSource = column.header.trim() !== '' && column.header.trim() !== column.label.trim();
  const changed =
    original !== undefined && (original.label !== column.label || original.type !== column.type || original.role !== column.role);

  return (
    <tr className={changed ? 'is-changed' : undefined}>
      <th scope="row" className="numeric col-position">
        {position}
        {changed && <span className="changed-mark">{t('import.columns.changed')}</span>}
      </th>
      <td>
        <label htmlFor={`${id}-label`} className="visually-hidden">
          {t('import.columns.labelFor', { position })}
        </label>
        {/* A text area so a long question can be read whole; it holds one line (Enter and pasted breaks become spaces). */}
        <textarea
          id={`${id}-label`}
          className="input input-cell label-input"
          rows={1}
          value={column.label}
          maxLength={2000}
          onChange={(event) => onChange(index, { label: event.target.value.replace(/\s*[\r\n]+\s*/g, ' ') })}
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
          aria-describedby={showSource ? `${id}-source` : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        {showSource && (
          <p id={`${id}-source`} className="column-source">
            {t('import.columns.inFile')} <span className="column-header">{column.header}</span>
          </p>
        )}
      </td>
      <td>
        <label htmlFor={`${id}-type`} className="visually-hidden">
          {t('import.columns.typeFor', { label: name })}
        </label>
        <select
          id={`${id}-type`}
          className="select select-cell"
          value={column.type}
          onChange={(event) => onChange(index, { type: event.target.value as ColumnType })}
        >
          {COLUMN_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeWords(t, type)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label htmlFor={`${id}-role`} className="visually-hidden">
          {t('import.columns.roleFor', { label: name })}
        </label>
        <select
          id={`${id}-role`}
          className="select select-cell"
          value={column.role}
          onChange={(event) => onChange(index, { role: event.target.value as ColumnRole })}
        >
          {COLUMN_ROLES.map((role) => (
            <option key={role} value={role}>
              {roleWords(t, role)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <OptionsList column={column} name={name} />
      </td>
      <td>
        {sample.length === 0 ? (
          <span className="secondary">{t('import.columns.noSample')}</span>
        ) : (
          <ul className="plain-list sample-list">
            {sample.map((value, i) => (
              <li key={i} className="respondent-text">
                {value.length > SAMPLE_CHARS ? `${value.slice(0, SAMPLE_CHARS)}…` : value}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
});
