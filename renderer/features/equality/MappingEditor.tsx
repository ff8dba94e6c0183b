import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mapping } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { EqualityError } from './EqualityError';
import { useEqualityNumbers } from './numbers';

interface MappingEditorProps {
  waveId: number;
  benchmarkId: number;
  variable: string;
  /** After the mapping is saved, so the comparison can be worked out again. */
  onSaved(): void;
}

const LEAVE_OUT = '\u0000leave-out';

/**
 * How each answer to the question counts in the population's categories: Heard's suggestion (with why), which the user
 * can change answer by answer and save for the survey; every wave of it then uses the saved mapping.
 */
export function MappingEditor({ waveId, benchmarkId, variable, onSaved }: MappingEditorProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const n = useEqualityNumbers();
  const [mapping, setMapping] = useState<{ state: 'loading' } | { state: 'ready'; value: Mapping } | { state: 'failed'; error: unknown }>({ state: 'loading' });
  const [edits, setEdits] = useState<Map<string, string | null>>(new Map());
  const [saving, setSaving] = useState<{ state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; error: unknown }>({ state: 'idle' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // After a save the saved mapping stays on screen while it is read back, so the confirmation stays too.
    if (round === 0) setMapping({ state: 'loading' });
    api.call('equality.mapping', { waveId, variable, source: { benchmarkId } }, { signal: controller.signal }).then(
      (value) => {
        if (controller.signal.aborted) return;
        setMapping({ state: 'ready', value });
        setEdits(new Map());
      },
      (error: unknown) => !controller.signal.aborted && setMapping({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [api, waveId, benchmarkId, variable, round]);

  if (mapping.state === 'loading') return <p role="status">{t('equality.mapping.loading')}</p>;
  if (mapping.state === 'failed') return <EqualityError error={mapping.error} />;
  const m = mapping.value;
  const current = (answer: string, category: string | null) => (edits.has(answer) ? edits.get(answer)! : category);

  const save = async () => {
    setSaving({ state: 'saving' });
    try {
      await api.call('equality.saveMapping', { waveId, variable, entries: m.entries.map((e) => ({ answer: e.answer, category: current(e.answer, e.category) })) });
      setSaving({ state: 'saved' });
      setRound((r) => r + 1);
      onSaved();
    } catch (error) {
      setSaving({ state: 'failed', error });
    }
  };

  return (
    <section className="equality-mapping" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('equality.mapping.title', { question: m.variableLabel })}</h3>
      <p className="hint">{t('equality.mapping.intro')}</p>
      <table className="table equality-table">
        <caption className="table-caption">{t('equality.mapping.caption', { question: m.variableLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('equality.mapping.answer')}</th>
            <th scope="col" className="numeric">{t('equality.mapping.n')}</th>
            <th scope="col">{t('equality.mapping.countsAs')}</th>
            <th scope="col">{t('equality.mapping.why')}</th>
          </tr>
        </thead>
        <tbody>
          {m.entries.map((e) => {
            const value = current(e.answer, e.category);
            const own = value !== null && !m.targets.includes(value);
            return (
              <tr key={e.answer}>
                <th scope="row">{e.answer}</th>
                <td className="numeric">{n.whole(e.n)}</td>
                <td>
                  <select
                    className="select"
                    aria-label={t('equality.mapping.selectLabel', { answer: e.answer })}
                    value={value ?? LEAVE_OUT}
                    onChange={(event) => {
                      const next = new Map(edits);
                      next.set(e.answer, event.target.value === LEAVE_OUT ? null : event.target.value);
                      setEdits(next);
                      setSaving({ state: 'idle' });
                    }}
                  >
                    {m.targets.map((target) => (
                      <option key={target} value={target}>
                        {target}
                      </option>
                    ))}
                    {own && <option value={value}>{t('equality.mapping.ownBand', { answer: value })}</option>}
                    <option value={LEAVE_OUT}>{t('equality.mapping.leaveOut')}</option>
                  </select>
                </td>
                <td>{edits.has(e.answer) ? t('equality.mapping.reason.changed') : reasonText(t, e.reason)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => void save()} disabled={saving.state === 'saving'}>
        {saving.state === 'saving' ? t('equality.mapping.saving') : t('equality.mapping.save')}
      </button>
      <div role="status">{saving.state === 'saved' && <p className="inset">{t('equality.mapping.saved')}</p>}</div>
      {saving.state === 'failed' && <EqualityError error={saving.error} />}
    </section>
  );
}

/** Why an answer counts where it does, in words (literal keys, so the catalogue check sees each one). */
function reasonText(t: TFunction, reason: Mapping['entries'][number]['reason']): string {
  switch (reason) {
    case 'user':
      return t('equality.mapping.reason.user');
    case 'same':
      return t('equality.mapping.reason.same');
    case 'synonym':
      return t('equality.mapping.reason.synonym');
    case 'numbers':
      return t('equality.mapping.reason.numbers');
    case 'dictionary':
      return t('equality.mapping.reason.dictionary');
    case 'own-band':
      return t('equality.mapping.reason.own-band');
    default:
      return t('equality.mapping.reason.none');
  }
}
