import { useEffect, useRef, useState } from 'react';

export interface FieldError {
  /** The id of the field to take the user to. */
  target: string;
  message: string;
}

/**
 * A form's errors for its error summary: the summary takes focus whenever errors are found, so a keyboard or screen
 * reader user hears them at once; `errorFor` gives a field its own message.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);
  const errorFor = (target: string) => errors.find((e) => e.target === target)?.message;
  return { errors, setErrors, summaryRef, errorFor };
}
