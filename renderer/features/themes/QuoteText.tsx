import { createContext, useContext } from 'react';
import { redactText } from '../../../src/themes/redact.js';

/** Whether quotes show personal details (off by default: e-mail addresses, phone numbers, names… are masked). */
export const ShowPersonalDetails = createContext(false);

/** A respondent's words as React text (escaped), masked unless the officer has chosen to see personal details. */
export function QuoteText({ text, redacted }: { text: string; redacted?: string }) {
  const show = useContext(ShowPersonalDetails);
  return <>{show ? text : (redacted ?? redactText(text))}</>;
}
