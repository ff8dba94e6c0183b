import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { FormGroup } from '../../components/form/FormGroup';
import { EqualityError } from './EqualityError';
import { MappingEditor } from './MappingEditor';
import { RepresentationResult } from './RepresentationResult';
import type { EqualitySetup } from './useEqualitySetup';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'ready'; result: Representation } | { state: 'failed'; error: unknown };

/** Who responded: one characteristic at a time against the chosen benchmark, and how its answers are counted. */
export function RepresentationSection({ setup, benchmarkId }: { setup: EqualitySetup; benchmarkId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const choices = setup.characteristics.filter((c) => c.characteristic !== null || c.name === 'ward' || c.name === 'placed:ward');
  const [variable, setVariable] = useState(choices.find((c) => c.characteristic === 'age_band')?.name ?? choices[0]?.name ?? '');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [showMapping, setShowMapping] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const focusResult = useRef(false);

  const compare = useCallback(
    async (focus: boolean) => {
      if (!variable) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setRun({ state: 'running' });
      try {
        const result = await api.call('equality.representation', { waveId: setup.waveId, variable, source: { benchmarkId } }, { signal: controller.signal });
        if (controllerRef.current !== controller) return;
        setRun({ state: 'ready', result });
        focusResult.current = focus;
      } catch (error) {
        if (controllerRef.current === controller && !controller.signal.aborted) setRun({ state: 'failed', error });
      }
    },
    [api, setup.waveId, variable, benchmarkId],
  );
  useEffect(() => () => controllerRef.current?.abort(), []);
  // Take keyboard and screen reader users to what they asked for (not after a mapping is saved: they are still there).
  useEffect(() => {
    if (run.state !== 'ready' || !focusResult.current) return;
    focusResult.current = false;
    resultRef.current?.querySelector<HTMLElement>('.equality-result-title')?.focus();
  }, [run]);
  // A new wave or benchmark makes the figures shown stale.
  useEffect(() => setRun({ state: 'idle' }), [setup.waveId, benchmarkId]);

  return (
    <section className="equality-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('equality.rep.title')}</h2>
      <p className="hint">{t('equality.rep.intro')}</p>
      <form
        className="equality-form"
        aria-label={t('equality.rep.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void compare(true);
        }}
      >
        <FormGroup id={`${id}-variable`} label={t('equality.rep.characteristic')} hint={t('equality.rep.characteristicHint')}>
          {(aria) => (
            <select id={`${id}-variable`} className="select" {...aria} value={variable} onChange={(e) => setVariable(e.target.value)}>
              {choices.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <button type="submit" className="button" disabled={!variable || run.state === 'running'}>
          {t('equality.rep.compare')}
        </button>
      </form>
      <div ref={resultRef}>
        {run.state === 'running' && <p role="status">{t('equality.rep.running')}</p>}
        {run.state === 'failed' && <EqualityError error={run.error} />}
        {run.state === 'ready' && <RepresentationResult result={run.result} />}
      </div>
      {run.state !== 'idle' && (
        <>
          <button type="button" className="button button-secondary" aria-expanded={showMapping} onClick={() => setShowMapping((s) => !s)}>
            {showMapping ? t('equality.mapping.hide') : t('equality.mapping.show')}
          </button>
          {showMapping && <MappingEditor waveId={setup.waveId} benchmarkId={benchmarkId} variable={variable} onSaved={() => void compare(false)} />}
        </>
      )}
    </section>
  );
}
