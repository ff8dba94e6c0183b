import { useEffect, useRef } from 'react';
import { MAIN_HEADING_ID } from './PageHeading';

/** In a multi-step page each step is a new page to a screen reader: take focus to its heading, as navigation does. */
export function useFocusHeadingOnStep(step: unknown): void {
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    document.getElementById(MAIN_HEADING_ID)?.focus();
  }, [step]);
}
