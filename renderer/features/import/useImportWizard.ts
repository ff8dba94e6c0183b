import { useCallback, useEffect, useRef, useState } from 'react';
import {
  HeardError,
  ImportPlan,
  isCancelled,
  type ColumnModel,
  type ImportOutcome,
  type LayoutName,
  type PlannedColumn,
  type Progress,
} from '../../../src/contract/index.js';
import { useApi } from '../../api';
import { EMPTY_CHOICE, targetOf, type ImportChoice } from './choice';
import type { Delimiter } from './words';

/** How to read the file, when the user overrides what Heard detected. */
export interface ReadOverrides {
  encoding?: string;
  delimiter?: Delimiter;
  sheet?: string;
  layout?: LayoutName | 'auto';
}

export type PreviousImport = NonNullable<ImportPlan['duplicateOf']>;

export type WizardStep =
  | { name: 'choose' }
  | { name: 'reading' }
  | { name: 'review' }
  | { name: 'importing' }
  | { name: 'duplicate'; previous: PreviousImport | null }
  | { name: 'done'; outcome: ImportOutcome };

/** A plan and what it was made from, so returning to the first step without changing the file keeps the review. */
interface PlanFor {
  plan: ImportPlan;
  path: string;
  surveyId: number | null;
  overrides: ReadOverrides;
}

export type Notice = 'readCancelled' | 'importCancelled' | null;

/**
 * The import wizard's state: choose → reading → review → importing → done, with cancel at every long step.
 * One request at a time; leaving the page cancels it, and a cancelled import changes nothing (the backend's
 * import is all or nothing).
 */
export function useImportWizard() {
  const api = useApi();
  const [step, setStep] = useState<WizardStep>({ name: 'choose' });
  const [choice, setChoice] = useState<ImportChoice>(EMPTY_CHOICE);
  const [planned, setPlanned] = useState<PlanFor | null>(null);
  const [columns, setColumns] = useState<PlannedColumn[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  /** How many imports this wizard has finished: the list of surveys to choose from is stale after each. */
  const [imports, setImports] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  // Stable, so a row of the column table re-renders only when its own column changes.
  const updateColumn = useCallback((index: number, patch: Partial<PlannedColumn>) => {
    setColumns((current) => current.map((column, i) => (i === index ? { ...column, ...patch } : column)));
  }, []);

  function begin(): AbortController {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setProgress(null);
    setStopping(false);
    setError(undefined);
    setNotice(null);
    return controller;
  }

  /** `origin` is the step to return to if reading fails or is cancelled. */
  async function read(from: ImportChoice, overrides: ReadOverrides, origin: 'choose' | 'review'): Promise<void> {
    const controller = begin();
    setStep({ name: 'reading' });
    const surveyId = from.destination === 'existing' ? from.surveyId : null;
    try {
      const plan = await api.call(
        'import.plan',
        { path: from.path.trim(), ...overrides, ...(surveyId !== null ? { surveyId } : {}) },
        { signal: controller.signal, onProgress: setProgress },
      );
      if (controllerRef.current !== controller) return;
      setPlanned({ plan, path: from.path.trim(), surveyId, overrides });
      setColumns(plan.columns);
      if (from.destination === 'new' && from.surveyName.trim() === '') {
        setChoice({ ...from, surveyName: plan.suggestedSurveyName });
      }
      setStep({ name: 'review' });
    } catch (err) {
      if (controllerRef.current !== controller) return;
      // After Cancel, whatever the backend answers means the same to the user: it stopped, nothing changed.
      if (isCancelled(err) || controller.signal.aborted) setNotice('readCancelled');
      else setError(err);
      // Reading again with other settings that fails keeps the review as it was, edits and all.
      setStep(origin === 'choose' ? { name: 'choose' } : { name: 'review' });
    }
  }

  async function commit(allowDuplicate: boolean): Promise<void> {
    if (!planned) return;
    const controller = begin();
    setStep({ name: 'importing' });
    try {
      const outcome = await api.call(
        'import.commit',
        {
          path: planned.path,
          ...planned.overrides,
          ...targetOf(choice),
          model: columns.map((column, i) => toModel(column, planned.plan.columns[i])),
          ...(allowDuplicate ? { allowDuplicate: true } : {}),
        },
        { signal: controller.signal, onProgress: setProgress },
      );
      if (controllerRef.current !== controller) return;
      setImports((n) => n + 1);
      setStep({ name: 'done', outcome });
    } catch (err) {
      if (controllerRef.current !== controller) return;
      if (err instanceof HeardError && err.code === 'duplicate_import') {
        const previous = ImportPlan.shape.duplicateOf.safeParse(err.detail);
        setStep({ name: 'duplicate', previous: previous.success ? previous.data : planned.plan.duplicateOf });
        return;
      }
      // The import is all or nothing, so an import stopped by Cancel changed nothing, whatever error it ended with.
      if (isCancelled(err) || controller.signal.aborted) setNotice('importCancelled');
      else setError(err);
      setStep({ name: 'review' });
    }
  }

  return {
    step,
    choice,
    setChoice,
    plan: planned?.plan ?? null,
    overrides: planned?.overrides ?? {},
    columns,
    progress,
    stopping,
    error,
    notice,
    imports,
    /** From the first step: read the file, unless it is the one already reviewed (then the review and its edits stay). */
    continueFromChoice(next: ImportChoice): void {
      setChoice(next);
      const surveyId = next.destination === 'existing' ? next.surveyId : null;
      if (planned && planned.path === next.path.trim() && planned.surveyId === surveyId) {
        setError(undefined);
        setNotice(null);
        setStep({ name: 'review' });
        return;
      }
      void read(next, {}, 'choose');
    },
    readAgain: (overrides: ReadOverrides) => void read(choice, overrides, 'review'),
    updateColumn,
    commit: (allowDuplicate = false) => void commit(allowDuplicate),
    cancel(): void {
      setStopping(true);
      controllerRef.current?.abort();
    },
    backToChoose(): void {
      setError(undefined);
      setNotice(null);
      setStep({ name: 'choose' });
    },
    backToReview(): void {
      setError(undefined);
      setNotice(null);
      setStep({ name: 'review' });
    },
    startAgain(): void {
      controllerRef.current?.abort();
      setChoice(EMPTY_CHOICE);
      setPlanned(null);
      setColumns([]);
      setError(undefined);
      setNotice(null);
      setStep({ name: 'choose' });
    },
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;

/** The reviewed column as the contract's model: the planning extras dropped, an emptied label restored. */
function toModel(column: PlannedColumn, original: PlannedColumn | undefined): ColumnModel {
  const label = column.label.trim() || original?.label || column.header;
  const model: ColumnModel = {
    name: column.name,
    label,
    type: column.type,
    role: column.role,
    options: column.options,
    nonSubstantive: column.nonSubstantive,
  };
  return column.separator === undefined ? model : { ...model, separator: column.separator };
}
