import { collapseSpace } from './text.js';

export interface QuestionText {
  question: string;
  option?: string;
}

const MIN_QUESTION_LENGTH = 12;

/**
 * Where Qualtrics may have joined a question to its sub-question: "…each fruit.-Oranges", "…fruit. -Oranges", and
 * in legacy side-by-side columns "…part.  : Willingness". A hyphen inside a word ("side-by-side") is not one.
 */
function joinPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = MIN_QUESTION_LENGTH; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === '-') {
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      if (/[\p{L}\p{N}]/u.test(before) && /\p{Ll}/u.test(after)) continue;
      points.push(i);
    } else if (ch === ':' && text[i - 1] === ' ') {
      points.push(i);
    }
  }
  return points;
}

function shares(text: string | undefined, prefix: string, at: number): boolean {
  return text !== undefined && text.length > at + 1 && text.startsWith(prefix) && text[at] === prefix.at(-1);
}

/**
 * Splits matrix and multi-answer headings into question and sub-question. A join point counts only where a
 * neighbouring column carries the same question text up to it, so a lone question with a hyphen stays whole; the
 * earliest shared point wins, so "…fruit.-Oranges-Like" keeps "Oranges-Like" together as the option.
 */
export function splitQuestionTexts(texts: readonly string[]): QuestionText[] {
  return texts.map((text, j) => {
    for (const at of joinPoints(text)) {
      const prefix = text.slice(0, at + 1);
      if (!shares(texts[j - 1], prefix, at) && !shares(texts[j + 1], prefix, at)) continue;
      const question = collapseSpace(text.slice(0, at)).replace(/\s*[-:]$/, '');
      const option = collapseSpace(text.slice(at + 1));
      if (question && option) return { question, option };
    }
    return { question: collapseSpace(text) };
  });
}
