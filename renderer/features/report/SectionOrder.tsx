import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveSection, type SectionChoice } from './choice';
import { sectionName } from './words';

/**
 * Which sections, in what order: a tick box per section and Move up / Move down buttons, all ordinary controls a
 * keyboard reaches with Tab and works with Space or Enter (no drag and drop). After a move, focus stays on the
 * section's button that was pressed, now in its new place, and the new position is announced.
 */
export function SectionOrder({ sections, onChange }: { sections: SectionChoice[]; onChange(next: SectionChoice[]): void }) {
  const { t } = useTranslation();
  const base = useId();
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>(`[data-section="${focusAfterMove.id}"] button`);
    const [up, down] = buttons ? [buttons[0], buttons[1]] : [];
    // At the top or bottom the pressed button is disabled; the other one takes focus.
    const wanted = focusAfterMove.by === -1 ? up : down;
    (wanted && !wanted.disabled ? wanted : focusAfterMove.by === -1 ? down : up)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const move = (index: number, by: -1 | 1) => {
    const next = moveSection(sections, index, by);
    const moved = sections[index]!;
    onChange(next);
    setAnnouncement(t('report.page.moved', { section: sectionName(t, moved.id), position: index + by + 1, total: sections.length }));
    setFocusAfterMove({ id: moved.id, by });
  };

  return (
    <fieldset className="fieldset report-sections">
      <legend className="label">{t('report.page.sections')}</legend>
      <p className="hint">{t('report.page.sectionsHint')}</p>
      <ol ref={listRef} className="report-section-list">
        {sections.map((section, i) => {
          const name = sectionName(t, section.id);
          const id = `${base}-${section.id}`;
          return (
            <li key={section.id} data-section={section.id} className="report-section-item">
              <div className="radio checkbox">
                <input
                  id={id}
                  type="checkbox"
                  className="radio-input"
                  checked={section.included}
                  onChange={(event) => onChange(sections.map((s) => (s.id === section.id ? { ...s, included: event.target.checked } : s)))}
                />
                <label htmlFor={id} className="radio-label">
                  {name}
                </label>
              </div>
              <div className="button-group button-group-tight">
                <button type="button" className="button button-secondary button-small" disabled={i === 0} aria-label={t('report.page.moveUp', { section: name })} onClick={() => move(i, -1)}>
                  {t('report.page.up')}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={i === sections.length - 1}
                  aria-label={t('report.page.moveDown', { section: name })}
                  onClick={() => move(i, 1)}
                >
                  {t('report.page.down')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}
