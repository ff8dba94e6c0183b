import { describe, expect, it } from 'vitest';
import { compileRule, matchRules } from '../../../src/themes/rules.js';
import { readResponse } from '../../../src/themes/text.js';

const theme = (keywords: string[], exclusions: string[] = []) => compileRule({ id: 1, keywords, exclusions });
const fires = (keywords: string[], text: string, exclusions: string[] = []) => matchRules([theme(keywords, exclusions)], text, readResponse(text)).length === 1;

describe('keyword rules', () => {
  it('match a word by its stem, whatever its ending', () => {
    expect(fires(['park'], 'Where will we be parking now?')).toBe(true);
    expect(fires(['parking'], 'Nowhere to park.')).toBe(true);
    expect(fires(['library'], 'The libraries are full')).toBe(true);
    expect(fires(['park'], 'A sparkling idea')).toBe(false);
  });

  it('match a phrase only with its words together and in order', () => {
    expect(fires(['car park'], 'The car parks are full')).toBe(true);
    expect(fires(['car park'], 'Park the car elsewhere')).toBe(false);
    expect(fires(['car park'], 'The car is parked')).toBe(false);
  });

  it('take * as any ending, any beginning, or both', () => {
    expect(fires(['accessib*'], 'Not accessible for wheelchairs')).toBe(true);
    expect(fires(['accessib*'], 'Accessibility matters')).toBe(true);
    expect(fires(['accessib*'], 'Access is poor')).toBe(false);
    expect(fires(['*diogel'], "Mae'n teimlo'n ddiogel")).toBe(true);
    expect(fires(['*wastraff*'], 'gwastraffus')).toBe(true);
    expect(fires(['car park*'], 'the car parking charges')).toBe(true);
  });

  it('do not fire when an exclusion is there too', () => {
    expect(fires(['park'], 'Park and ride please', ['park and ride'])).toBe(false);
    expect(fires(['park'], 'Parking is gone; park and ride please', ['park and ride'])).toBe(false);
    expect(fires(['park'], 'Parking is gone', ['park and ride'])).toBe(true);
  });

  it('match a keyword of symbols as written', () => {
    expect(fires(['£'], 'It will cost £3m')).toBe(true);
    expect(fires(['£'], 'It will cost a lot')).toBe(false);
  });

  it('leave Welsh responses unstemmed, matching their words as written', () => {
    const welsh = 'Mae angen mwy o lyfrau yn y llyfrgell ac mae hyn yn bwysig iawn';
    expect(readResponse(welsh).language).toBe('cy');
    expect(readResponse(welsh).stems).toEqual(readResponse(welsh).words);
    expect(fires(['llyfrgell'], welsh)).toBe(true);
    // An English stem does not reach into a Welsh word that happens to share it.
    expect(fires(['llyfrgelloedd'], welsh)).toBe(false);
  });

  it('do not mistake an English response for Welsh', () => {
    expect(readResponse('The library should stay where it is, and the parking is a worry for older people').language).toBe('en');
    expect(readResponse('Diolch').language).toBe('en');
    expect(readResponse('Syniad da iawn, dw i yn cefnogi hyn').language).toBe('cy');
  });
});
