import { describe, expect, it } from 'vitest';
import { assignNames, questionOptionName, snakeCase } from '../../../../src/import/layouts/names.js';

describe('snakeCase', () => {
  it('transliterates accents and Welsh letters to ASCII', () => {
    expect(snakeCase('Ydych chi’n siarad Cymraeg? (ŵ ŷ â)')).toBe('ydych_chi_n_siarad_cymraeg_w_y_a');
    expect(snakeCase('¿Cómo calificarías tu nivel?')).toBe('como_calificarias_tu_nivel');
    expect(snakeCase('Straße & Café')).toBe('strasse_and_cafe');
  });

  it('splits camelCase identifiers', () => {
    expect(snakeCase('RespondentID')).toBe('respondent_id');
    expect(snakeCase('RecipientLastName')).toBe('recipient_last_name');
  });

  it('cuts long text at a word boundary within the limit', () => {
    const name = snakeCase('How satisfied or dissatisfied are you with the way the council runs things in your local area');
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toBe('how_satisfied_or_dissatisfied_are_you_with_the_way_the');
  });

  it('keeps room for the option in a multi-column question', () => {
    const name = questionOptionName('Which of the following council services have you used in the last twelve months?', 'Libraries');
    expect(name.endsWith('_libraries')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(60);
  });
});

describe('assignNames', () => {
  it('makes duplicates unique with _2, _3 and never reuses a name another column holds', () => {
    const names = assignNames([['Q1'], ['Q1'], ['Q1_2'], ['Q1']], [0, 1, 2, 3]);
    expect(names).toEqual(['q1', 'q1_3', 'q1_2', 'q1_4']);
    expect(new Set(names).size).toBe(4);
  });

  it('never gives an empty name, a leading digit or a leading underscore', () => {
    const names = assignNames([['タイムスタンプ'], ['2024 visits'], ['_row'], ['']], [0, 1, 2, 3]);
    expect(names).toEqual(['column_1', 'q_2024_visits', 'row', 'column_4']);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
  });

  it('falls through the hints in order', () => {
    expect(assignNames([[undefined, '', 'Age group']], [0])).toEqual(['age_group']);
  });
});
