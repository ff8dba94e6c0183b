import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedColumn } from '../../../src/contract/index.js';

/** Enough to recognise a scale at a glance; the rest is one click away. */
const FIRST_FEW = 3;
const CLOSED_TYPES = new Set(['likert', 'single', 'multi']);

/**
 * A closed question's answers in their order, answers that are not counted ("Don't know") marked as such.
 * Long lists show the first few with the whole list behind a disclosure.
 */
export function OptionsList({ column, name }: { column: PlannedColumn; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const closed = CLOSED_TYPES.has(column.type);
  const answers = closed
    ? [...column.options, ...column.nonSubstantive.filter((value) => !column.options.includes(value))]
    : column.nonSubstantive;
  if (answers.length === 0) return null;

  const words = (answer: string) =>
    column.nonSubstantive.includes(answer) ? t('import.columns.notCounted', { answer: answer || t('import.columns.blank') }) : answer;
  const List = column.type === 'likert' ? 'ol' : 'ul';
  const list = (items: readonly string[]) => (
    <List className="plain-list options-list">
      {items.map((answer, i) => (
        <li key={i} className={column.nonSubstantive.includes(answer) ? 'secondary' : undefined}>
          {words(answer)}
        </li>
      ))}
    </List>
  );

  if (!closed) {
    // An open question (a number, say) can still have answers that are not counted.
    return (
      <>
        <span className="secondary">{t('import.columns.notCountedHeading')}</span>
        {list(answers)}
      </>
    );
  }
  if (answers.length <= FIRST_FEW + 1) return list(answers);
  // A scale reads best by its ends ("Very satisfied to Very dissatisfied"); a list of choices by its first few.
  const counted = answers.filter((answer) => !column.nonSubstantive.includes(answer));
  const preview =
    column.type === 'likert' && counted.length >= 2 ? (
      <>
        <p className="options-range">{t('import.columns.scaleRange', { first: counted[0], last: counted[counted.length - 1] })}</p>
        {list(answers.filter((answer) => column.nonSubstantive.includes(answer)))}
      </>
    ) : (
      list(answers.slice(0, FIRST_FEW))
    );
  return (
    <>
      {!open && preview}
      <details className="options-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          {t('import.columns.allAnswers', { total: answers.length })}
          <span className="visually-hidden"> {t('import.columns.forColumn', { label: name })}</span>
        </summary>
        {open && list(answers)}
      </details>
    </>
  );
}
