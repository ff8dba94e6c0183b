import { useEffect, useRef, useState } from 'react';
import { isCancelled, type LocalitySummary, type Progress } from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { toRequest, type LocalityChoice } from './choice';

export type LocalityStep = { name: 'form' } | { name: 'running' } | { name: 'done'; summary: LocalitySummary };

/**
 * Placing a wave's respondents: form → running → done, with Cancel while it runs. Leaving the page cancels it;
 * the backend does the whole job in one transaction, so a cancelled or failed run changes nothing.
 */
export function useLocality(waveId: number) {
  const api = useApi();
  const [step, setStep] = useState<LocalityStep>({ name: 'form' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [cancelled, setCancelled] = useState(false);
  /** The last choice run, so the form comes back as it was after an error, a cancel or "place again". */
  const [choice, setChoice] = useState<LocalityChoice | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  async function run(next: LocalityChoice): Promise<void> {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setChoice(next);
    setProgress(null);
    setStopping(false);
    setError(undefined);
    setCancelled(false);
    setStep({ name: 'running' });
    try {
      const summary = await api.call('locality.attach', toRequest(waveId, next), { signal: controller.signal, onProgress: setProgress });
      if (controllerRef.current !== controller) return;
      setStep({ name: 'done', summary });
    } catch (err) {
      if (controllerRef.current !== controller) return;
      // After Cancel, whatever the backend answers means the same to the user: it stopped, nothing changed.
      if (isCancelled(err) || controller.signal.aborted) setCancelled(true);
      else setError(err);
      setStep({ name: 'form' });
    }
  }

  return {
    step,
    progress,
    stopping,
    error,
    cancelled,
    choice,
    run: (choice: LocalityChoice) => void run(choice),
    cancel(): void {
      setStopping(true);
      controllerRef.current?.abort();
    },
    /** Back to the form, keeping what was chosen, to run again with other files. */
    again(): void {
      setError(undefined);
      setCancelled(false);
      setStep({ name: 'form' });
    },
  };
}

export type Locality = ReturnType<typeof useLocality>;
