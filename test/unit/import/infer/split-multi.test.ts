import { describe, expect, it } from 'vitest';
import { splitMultiAnswers } from '../../../../src/import/infer/split-multi.js';

const v = (entries: Array<[string, number]>) => entries.map(([value, count]) => ({ value, count }));

describe('splitMultiAnswers', () => {
  it('splits Google Forms answers joined with ", "', () => {
    const result = splitMultiAnswers(
      v([
        ['Parks', 45], ['Libraries', 30], ['Leisure centres', 20], ['Parks, Libraries', 25],
        ['Libraries, Leisure centres', 10], ['Parks, Libraries, Leisure centres', 8],
      ]),
    )!;
    expect(result.separator).toBe(', ');
    expect(result.options).toEqual(['Parks', 'Libraries', 'Leisure centres']);
    expect(result.splits.get('Parks, Libraries, Leisure centres')).toEqual(['Parks', 'Libraries', 'Leisure centres']);
    expect(result.splits.get('Parks')).toEqual(['Parks']);
  });

  it('keeps options that contain the separator whole ("Yes, regularly")', () => {
    const result = splitMultiAnswers(
      v([
        ['Yes, regularly', 30], ['Yes, occasionally', 25], ['Parks', 20], ['Libraries', 18],
        ['Yes, regularly, Parks', 9], ['Libraries, Yes, occasionally', 6], ['Parks, Libraries', 12],
        ['Yes, occasionally, Parks, Libraries', 3],
      ]),
    )!;
    expect(result).not.toBeNull();
    expect(result.splits.get('Yes, regularly, Parks')).toEqual(['Yes, regularly', 'Parks']);
    expect(result.splits.get('Libraries, Yes, occasionally')).toEqual(['Libraries', 'Yes, occasionally']);
    expect(result.splits.get('Yes, occasionally, Parks, Libraries')).toEqual(['Yes, occasionally', 'Parks', 'Libraries']);
    expect(result.options).toContain('Yes, regularly');
    expect(result.options).not.toContain('regularly');
  });

  it('finds an option with a comma that is never the whole answer, from its lower-case continuation', () => {
    const result = splitMultiAnswers(
      v([
        ['Parks', 30], ['Libraries', 25], ['Parks, Libraries', 20], ['Parks, Buses, but only at weekends', 6],
        ['Libraries, Buses, but only at weekends', 4], ['Buses, but only at weekends, Parks, Libraries', 3],
      ]),
    )!;
    expect(result.splits.get('Parks, Buses, but only at weekends')).toEqual(['Parks', 'Buses, but only at weekends']);
    expect(result.splits.get('Buses, but only at weekends, Parks, Libraries')).toEqual(['Buses, but only at weekends', 'Parks', 'Libraries']);
    expect(result.options).toEqual(['Parks', 'Libraries', 'Buses, but only at weekends']);
  });

  it('finds options with commas from brackets left open ("Online course (e.g. Coursera, edX)")', () => {
    const result = splitMultiAnswers(
      v([
        ['Online course (e.g. Coursera, edX)', 20], ['Book', 15], ['At work', 10],
        ['Book, Online course (e.g. Coursera, edX)', 5], ['At work, Book', 4],
      ]),
    )!;
    expect(result.splits.get('Book, Online course (e.g. Coursera, edX)')).toEqual(['Book', 'Online course (e.g. Coursera, edX)']);
  });

  it('keeps an "Other" free-text answer with commas in one piece', () => {
    const result = splitMultiAnswers(
      v([
        ['Parks', 40], ['Libraries', 30], ['Parks, Libraries', 25], ['Museums', 5], ['Libraries, Museums', 4],
        ['Parks, Libraries, the old swimming pool, if it reopens', 1],
      ]),
    )!;
    expect(result.splits.get('Parks, Libraries, the old swimming pool, if it reopens')).toEqual([
      'Parks', 'Libraries', 'the old swimming pool, if it reopens',
    ]);
    expect(result.options).toEqual(['Parks', 'Libraries', 'Museums']);
  });

  it('splits Microsoft Forms answers joined with ";" and a trailing ";", commas inside options intact', () => {
    const result = splitMultiAnswers(
      v([
        ['Parks;', 30], ['Libraries;', 20], ['Parks;Libraries;', 15], ['Yes, regularly;Parks;', 8],
        ['Yes, regularly;', 6], ['Libraries;Yes, regularly;', 3],
      ]),
    )!;
    expect(result.separator).toBe(';');
    expect(result.splits.get('Parks;Libraries;')).toEqual(['Parks', 'Libraries']);
    expect(result.splits.get('Yes, regularly;Parks;')).toEqual(['Yes, regularly', 'Parks']);
    expect(result.splits.get('Parks;')).toEqual(['Parks']);
    expect(result.options).toEqual(['Parks', 'Libraries', 'Yes, regularly']);
  });

  it('treats a capitalised option always listed beside known options as its own option', () => {
    // Forms list options alphabetically, so "C/C++" (never ticked alone) always precedes "Excel".
    const result = splitMultiAnswers(
      v([['Excel', 21], ['Python', 4], ['Excel, Python', 15], ['C/C++, Excel', 4], ['C/C++, Excel, Python', 2], ['Excel, SPSS', 24], ['SPSS', 2]]),
    )!;
    expect(result.splits.get('C/C++, Excel')).toEqual(['C/C++', 'Excel']);
    expect(result.options).toContain('C/C++');
  });

  it('returns null for a single-choice question whose answers contain commas', () => {
    expect(
      splitMultiAnswers(v([['No, not rude at all', 500], ['Yes, somewhat rude', 300], ['Yes, very rude', 100]])),
    ).toBeNull();
    expect(
      splitMultiAnswers(
        v([
          ["It's important for a person to be honest, kind and loyal.", 500],
          ["It's important for a person to be honest, kind, and loyal.", 600],
        ]),
      ),
    ).toBeNull();
  });

  it('returns null for free text with commas', () => {
    const comments = [
      'The bins are not collected often enough, and the streets are dirty',
      'Good service, thanks', 'More parking please, the town centre is full', 'Nothing, all fine',
      'Fix the potholes, especially on the High Street', 'Libraries should open later, at least on Thursdays',
      'Happy overall', 'Too expensive, council tax keeps rising', 'Friendly staff, quick response',
      'Street lights are out on Mill Lane, reported twice',
    ];
    expect(splitMultiAnswers(comments.map((value) => ({ value, count: 1 })))).toBeNull();
  });

  it('returns null when nothing contains a separator', () => {
    expect(splitMultiAnswers(v([['Yes', 10], ['No', 5]]))).toBeNull();
  });

  it('needs only one cell with two options when the question says to tick all that apply', () => {
    const values = v([['Microsoft Excel', 4], ['Python', 1], ['Microsoft Excel, Python', 1]]);
    expect(splitMultiAnswers(values)).toBeNull();
    expect(splitMultiAnswers(values, undefined, { expectMulti: true })?.options).toEqual(['Microsoft Excel', 'Python']);
  });

  it('covers every value it was given in splits', () => {
    const values = v([['A', 3], ['B', 3], ['A, B', 3], ['C, D', 1]]);
    const result = splitMultiAnswers(values)!;
    for (const { value } of values) expect(result.splits.has(value)).toBe(true);
  });
});
