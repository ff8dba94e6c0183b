import { describe, expect, it } from 'vitest';
import { sentimentOf } from '../../../src/themes/sentiment.js';
import { readResponse } from '../../../src/themes/text.js';

const of = (text: string) => {
  const r = readResponse(text);
  return sentimentOf(r.words, r.language);
};

describe('sentiment per response', () => {
  it('reads clearly positive, negative and neutral English', () => {
    expect(of('A great plan, I love the new green space').sentiment).toBe('positive');
    expect(of('This is a terrible waste and a disaster for the town').sentiment).toBe('negative');
    expect(of('The library is on the high street').sentiment).toBe('neutral');
  });

  it('turns a negated word round', () => {
    expect(of('not good').score).toBeLessThan(0);
  });

  it('scores Welsh with its own words, negation included', () => {
    expect(of('Mae hwn yn syniad da iawn').sentiment).toBe('positive');
    expect(of('Mae hwn yn ofnadwy ac yn wastraff').sentiment).toBe('negative');
    expect(of("Dydy hyn ddim yn dda o gwbl, nid da yw'r cynllun").sentiment).toBe('negative');
  });

  it('calls an empty response neutral', () => {
    expect(of('')).toEqual({ sentiment: 'neutral', score: 0 });
  });
});
