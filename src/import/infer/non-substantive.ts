import { normaliseAnswer } from './normalise.js';

/**
 * Answers that say nothing about the question. "Not sure" is left out on purpose: on some scales it is a real
 * middle answer. Welsh "Na" means "No", so "N/A" is matched only with its slash (normalised to "n a").
 */
const NON_SUBSTANTIVE = new Set(
  [
    "Don't know", 'Dont know', 'Do not know', "Don't know / can't say", "Can't say", 'Cannot say', "Don't know/not sure",
    'Prefer not to say', 'Prefer not to answer', 'Rather not say', "I'd rather not say", 'I would rather not say',
    'Would rather not say', 'Prefer not to disclose', 'No answer', 'No response', 'N/A', 'Not applicable',
    'Does not apply', "Doesn't apply", 'No opinion',
    // Welsh
    'Ddim yn gwybod', 'Dim yn gwybod', 'Ddim yn siŵr / ddim yn gwybod', 'Gwell gennyf beidio â dweud',
    'Gwell gen i beidio â dweud', 'Gwell gennyf beidio dweud', 'Mae’n well gennyf beidio â dweud',
    "Mae'n well gen i beidio â dweud", 'Dim ateb', 'Amherthnasol', 'Ddim yn berthnasol', 'Dim barn',
  ].map(normaliseAnswer),
);

export function isNonSubstantive(value: string): boolean {
  return NON_SUBSTANTIVE.has(normaliseAnswer(value));
}
