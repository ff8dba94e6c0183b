import { describe, expect, it } from 'vitest';
import type { CandidateTheme } from '../../../src/contract/index.js';
import { draftsFrom, mergeSelected, themeFrom } from '../../../renderer/features/themes/candidates.js';
import { reviewAction, type KeyPress } from '../../../renderer/features/themes/reviewKeys.js';

const quote = (row: number, text: string) => ({ responseId: `R${row}`, row, text, redacted: text.replace('Jones', '[name]') });
const candidates: CandidateTheme[] = [
  { name: 'car park, parking, spaces', terms: ['car park', 'parking', 'spaces'], size: 40, quotes: [quote(1, 'No parking'), quote(2, 'Car park full')] },
  { name: 'library, books', terms: ['library', 'books'], size: 30, quotes: [quote(3, 'Save the library, Mr Jones')] },
  { name: 'buses, parking', terms: ['buses', 'Parking'], size: 20, quotes: [quote(4, 'More buses'), quote(1, 'No parking')] },
];

describe('candidate themes on the page', () => {
  it('merges the selected open candidates into the first: sizes add, terms and quotes alternate without repeats', () => {
    const drafts = draftsFrom(candidates, 1).map((d, i) => ({ ...d, selected: i !== 1 }));
    const merged = mergeSelected(drafts);
    expect(merged.map((d) => d.name)).toEqual(['car park / buses', 'library, books']);
    expect(merged[0]).toMatchObject({ size: 60, selected: false, key: drafts[0]!.key });
    expect(merged[0]!.terms).toEqual(['car park', 'buses', 'parking', 'spaces']);
    expect(merged[0]!.quotes.map((q) => q.row)).toEqual([1, 4]);
  });

  it('leaves things as they are with fewer than two selected, and never merges an accepted or discarded one', () => {
    const drafts = draftsFrom(candidates, 1);
    expect(mergeSelected(drafts.map((d, i) => ({ ...d, selected: i === 0 })))).toEqual(drafts.map((d, i) => ({ ...d, selected: i === 0 })));
    const withAccepted = drafts.map((d, i) => ({ ...d, selected: true, status: i === 2 ? ('accepted' as const) : d.status }));
    const merged = mergeSelected(withAccepted);
    expect(merged).toHaveLength(2);
    expect(merged[0]!.size).toBe(70);
    expect(merged[1]!.status).toBe('accepted');
  });

  it('adds an accepted candidate with its name, its terms as keywords and its quotes masked as examples', () => {
    const [draft] = draftsFrom([candidates[1]!], 1);
    expect(themeFrom({ ...draft!, name: '  Library move ' })).toEqual({ name: 'Library move', keywords: ['library', 'books'], examples: ['Save the library, Mr [name]'] });
  });
});

describe('review shortcuts', () => {
  const press = (key: string, more: Partial<KeyPress> = {}): ReturnType<typeof reviewAction> =>
    reviewAction({ key, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'DIV', ...more });

  it('maps A, R, T, N and 1–9, in either case', () => {
    expect(press('a')).toEqual({ kind: 'accept' });
    expect(press('A')).toEqual({ kind: 'accept' });
    expect(press('r')).toEqual({ kind: 'reject' });
    expect(press('t')).toEqual({ kind: 'add' });
    expect(press('n')).toEqual({ kind: 'next' });
    expect(press('1')).toEqual({ kind: 'toggle', index: 0 });
    expect(press('9')).toEqual({ kind: 'toggle', index: 8 });
    expect(press('0')).toBeNull();
    expect(press('h')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('leaves keys alone with Ctrl, Alt or Cmd held, and while typing in a field or choosing from a list', () => {
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('a', { altKey: true })).toBeNull();
    expect(press('a', { metaKey: true })).toBeNull();
    expect(press('a', { targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(press('a', { targetTag: 'SELECT' })).toBeNull();
    expect(press('a', { targetTag: 'TEXTAREA' })).toBeNull();
    // A theme's checkbox is where focus often is: the shortcuts work there.
    expect(press('a', { targetTag: 'INPUT', targetType: 'checkbox' })).toEqual({ kind: 'accept' });
  });
});
