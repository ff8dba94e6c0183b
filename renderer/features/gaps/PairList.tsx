import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapPair, GapPairs } from '../../../src/contract/index.js';
import { ErrorAlert } from '../../app/ErrorAlert';
import type { GapPairsState } from './useGapPairs';
import { sourceWords } from './words';
import { PairByHand } from './PairByHand';

interface PairListProps {
  pairs: GapPairs;
  change: GapPairsState['change'];
}

/**
 * The wave's pairs and how each was found, so the user can check them: confirm a pair (it is then kept for every wave
 * of the survey), give an importance question another partner, unpair, or pair two questions by hand.
 */
export function PairList({ pairs, change }: PairListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = async (action: Parameters<GapPairsState['change']>[0], request: object, message: string) => {
    setError(null);
    setDone('');
    try {
      await change(action, request);
      setEditing(null);
      setDone(message);
    } catch (e) {
      setError(e);
    }
  };
  const names = (p: GapPair) => ({ importance: p.importance.name, satisfaction: p.satisfaction.name });
  const satisfactionChoices = [...pairs.pairs.map((p) => p.satisfaction), ...pairs.unpaired.filter((q) => q.side === 'satisfaction')];
  const importanceChoices = [...pairs.pairs.map((p) => p.importance), ...pairs.unpaired.filter((q) => q.side === 'importance')];

  return (
    <section className="gaps-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('gaps.pairs.title')}</h2>
      <p className="hint">{t('gaps.pairs.intro')}</p>
      {error !== null && <ErrorAlert error={error} about="analysis" />}
      <p role="status" className="gaps-done">
        {done}
      </p>
      {pairs.pairs.length === 0 ? (
        <p className="inset">{t('gaps.pairs.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table gaps-pairs">
            <caption className="caption visually-hidden">{t('gaps.pairs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gaps.pairs.about')}</th>
                <th scope="col">{t('gaps.pairs.importance')}</th>
                <th scope="col">{t('gaps.pairs.satisfaction')}</th>
                <th scope="col">{t('gaps.pairs.found')}</th>
                <th scope="col">{t('gaps.pairs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.pairs.map((pair) => (
                <tr key={pair.key} data-pair={pair.key}>
                  <th scope="row">{pair.label}</th>
                  <td>
                    <QuestionText name={pair.importance.name} label={pair.importance.label} text={pair.importance.text} />
                  </td>
                  <td>
                    {editing === pair.key ? (
                      <EditPartner
                        pair={pair}
                        choices={satisfactionChoices}
                        onCancel={() => setEditing(null)}
                        onSave={(satisfaction) =>
                          void run('gaps.savePair', { importance: pair.importance.name, satisfaction }, t('gaps.pairs.doneEdited', { pair: pair.label }))
                        }
                      />
                    ) : (
                      <QuestionText name={pair.satisfaction.name} label={pair.satisfaction.label} text={pair.satisfaction.text} />
                    )}
                  </td>
                  <td className="gaps-found">{sourceWords(t, pair)}</td>
                  <td>
                    <div className="button-group button-group-tight">
                      {!pair.confirmed && (
                        <button type="button" className="button button-small" onClick={() => void run('gaps.savePair', names(pair), t('gaps.pairs.doneConfirmed', { pair: pair.label }))}>
                          {t('gaps.pairs.confirm')}
                          <span className="visually-hidden"> {pair.label}</span>
                        </button>
                      )}
                      {editing !== pair.key && (
                        <button type="button" className="button button-small button-secondary" onClick={() => setEditing(pair.key)}>
                          {t('gaps.pairs.edit')}
                          <span className="visually-hidden"> {pair.label}</span>
                        </button>
                      )}
                      <button type="button" className="button button-small button-warning" onClick={() => void run('gaps.unpair', names(pair), t('gaps.pairs.doneUnpaired', { pair: pair.label }))}>
                        {t('gaps.pairs.unpair')}
                        <span className="visually-hidden"> {pair.label}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pairs.unpaired.length > 0 && (
        <div className="gaps-unpaired">
          <h3>{t('gaps.pairs.unpairedTitle')}</h3>
          <ul className="plain-list">
            {pairs.unpaired.map((q) => (
              <li key={q.name}>
                {q.side === 'importance' ? t('gaps.pairs.unpairedImportance', { label: q.label, name: q.name }) : t('gaps.pairs.unpairedSatisfaction', { label: q.label, name: q.name })}
                {q.unpairedByUser && ` ${t('gaps.pairs.unpairedByUser')}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <PairByHand
        importance={importanceChoices}
        satisfaction={satisfactionChoices}
        onPair={(importance, satisfaction) => run('gaps.savePair', { importance, satisfaction }, t('gaps.pairs.donePaired'))}
      />
    </section>
  );
}

function QuestionText({ name, label, text }: { name: string; label: string; text: string }) {
  return (
    <>
      <span className="gaps-question-label">{label}</span>
      <span className="gaps-question-detail">
        <code>{name}</code>
        {text && text !== label && <> · {text}</>}
      </span>
    </>
  );
}

function EditPartner({ pair, choices, onSave, onCancel }: { pair: GapPair; choices: { name: string; label: string }[]; onSave(name: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(pair.satisfaction.name);
  return (
    <div className="gaps-edit">
      <label htmlFor={id} className="label">
        {t('gaps.pairs.newPartner', { pair: pair.label })}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => setValue(event.target.value)}>
        {choices.map((q) => (
          <option key={q.name} value={q.name}>
            {q.label} ({q.name})
          </option>
        ))}
      </select>
      <div className="button-group button-group-tight">
        <button type="button" className="button button-small" onClick={() => onSave(value)}>
          {t('gaps.pairs.saveEdit')}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          {t('gaps.pairs.cancel')}
        </button>
      </div>
    </div>
  );
}
