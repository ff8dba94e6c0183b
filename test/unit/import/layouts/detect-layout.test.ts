import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../../src/import/layouts/index.js';

const byName = (result: ReturnType<typeof detectLayout>) => new Map(result.columns.map((c) => [c.name, c]));

describe('plain layout and preamble', () => {
  it('reads one heading row', () => {
    const result = detectLayout([
      ['Ward', 'Age', 'Satisfaction'],
      ['Abbey', '25-34', 'Very satisfied'],
    ]);
    expect(result.layout).toBe('plain');
    expect(result.skipRows).toBe(1);
    expect(result.columns.map((c) => c.name)).toEqual(['ward', 'age', 'satisfaction']);
    expect(result.warnings).toEqual([]);
  });

  it('skips title, blank and "Generated on" rows above the heading row', () => {
    const result = detectLayout([
      ['Residents survey 2024 export'],
      [],
      ['Generated on 03/04/2024 09:12', ''],
      ['', '', '', ''],
      ['Respondent', 'Ward', 'Age', 'How satisfied are you with your local area?'],
      ['1', 'Abbey', '25-34', 'Very satisfied'],
      ['2', 'Castle', '35-44', 'Fairly satisfied'],
    ]);
    expect(result.layout).toBe('plain');
    expect(result.skipRows).toBe(5);
    expect(result.columns).toHaveLength(4);
    expect(result.columns[3]!.label).toBe('How satisfied are you with your local area?');
    expect(result.warnings.join(' ')).toMatch(/Skipped 4 rows/);
  });

  it('does not mistake a narrow heading row for preamble when the data are numbers', () => {
    const result = detectLayout([
      ['id', 'score'],
      ['1', '4', '7', '9'],
      ['2', '5', '8', '1'],
    ]);
    expect(result.skipRows).toBe(1);
    expect(result.columns.map((c) => c.label)).toEqual(['id', 'score', 'Column 3', 'Column 4']);
    expect(result.warnings.join(' ')).toMatch(/more cells than the headings/);
  });

  it('keeps duplicate headings as labels and makes the names unique (Typeform)', () => {
    const result = detectLayout([
      ['#', 'What do you like about the park?', 'What do you like about the park?', 'Score', 'Score', 'Submitted At'],
      ['abc', 'Trees', 'Benches', '5', '6', '2024-01-01 10:00:00'],
    ]);
    const names = result.columns.map((c) => c.name);
    expect(names).toEqual([
      'id',
      'what_do_you_like_about_the_park',
      'what_do_you_like_about_the_park_2',
      'score',
      'score_2',
      'submitted_at',
    ]);
    expect(result.columns[2]!.label).toBe('What do you like about the park?');
    expect(result.warnings.join(' ')).toMatch(/2 headings are repeated/);
  });

  it('reads nothing from an empty preview without throwing', () => {
    expect(detectLayout([])).toMatchObject({ layout: 'plain', skipRows: 0, columns: [] });
    expect(detectLayout([[''], ['', '']]).columns).toEqual([]);
  });

  it('drops trailing columns with no heading and no data (a trailing delimiter)', () => {
    const result = detectLayout([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(result.columns).toHaveLength(2);
  });
});

describe('SurveyMonkey', () => {
  const rows = [
    ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1',
      '<strong>Which of these services</strong> have you used?<br>(tick all)', '', '', 'How satisfied are you with &quot;Street cleaning&quot; &amp; litter?', 'Any other comments?'],
    ['', '', '', '', '', '', '', '', '', 'Libraries', 'Parks', 'Other (please specify)', 'Response', 'Open-Ended Response'],
    ['114', '2', '01/03/2024 09:00', '01/03/2024 09:05', '1.2.3.4', '', '', '', '', 'Libraries', '', 'Bins', 'Very satisfied', 'Nice'],
  ];

  it('fills question text forward, one column per option, HTML stripped and entities decoded', () => {
    const result = detectLayout(rows);
    expect(result.layout).toBe('surveymonkey');
    expect(result.skipRows).toBe(2);
    expect(result.columns).toHaveLength(14);
    const labels = result.columns.map((c) => c.label);
    expect(labels[9]).toBe('Which of these services have you used? (tick all): Libraries');
    expect(labels[10]).toBe('Which of these services have you used? (tick all): Parks');
    expect(labels[11]).toBe('Which of these services have you used? (tick all): Other (please specify)');
    expect(labels[12]).toBe('How satisfied are you with "Street cleaning" & litter?');
    expect(labels[13]).toBe('Any other comments?');
    expect(result.columns[10]).toMatchObject({ question: 'Which of these services have you used? (tick all)', option: 'Parks' });
    expect(result.columns[12]!.option).toBeUndefined();
    expect(result.columns[9]!.header).toBe('<strong>Which of these services</strong> have you used?<br>(tick all) | Libraries');
  });

  it('gives the standard metadata columns fixed names and codes', () => {
    const names = detectLayout(rows).columns.slice(0, 9).map((c) => [c.name, c.code]);
    expect(names).toEqual([
      ['respondent_id', 'respondent_id'],
      ['collector_id', 'collector_id'],
      ['start_date', 'start_date'],
      ['end_date', 'end_date'],
      ['ip_address', 'ip_address'],
      ['email_address', 'email_address'],
      ['first_name', 'first_name'],
      ['last_name', 'last_name'],
      ['custom_data_1', 'custom_data_1'],
    ]);
  });

  it('names option columns so siblings stay distinct', () => {
    const names = detectLayout(rows).columns.slice(9, 12).map((c) => c.name);
    expect(names).toEqual([
      'which_of_these_services_have_you_used_tick_all_libraries',
      'which_of_these_services_have_you_used_tick_all_parks',
      'which_of_these_services_have_you_used_other_please_specify',
    ]);
  });

  it('finds the two heading rows from "Response" markers alone', () => {
    const result = detectLayout([
      ['Q1 text', 'Q2 text', 'Q3 text'],
      ['Response', 'Response', 'Open-Ended Response'],
      ['Yes', 'No', 'Because'],
    ]);
    expect(result.layout).toBe('surveymonkey');
    expect(result.skipRows).toBe(2);
    expect(result.columns.map((c) => c.label)).toEqual(['Q1 text', 'Q2 text', 'Q3 text']);
  });
});

describe('Qualtrics', () => {
  const modern = [
    ['StartDate', 'EndDate', 'ResponseId', 'Q1', 'Q2_1', 'Q2_2'],
    ['Start Date', 'End Date', 'Response ID', 'How old are you?', 'How satisfied are you with… - Parks', 'How satisfied are you with… - Libraries'],
    ['{"ImportId":"startDate","timeZone":"Europe/London"}', '{"ImportId":"endDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_1"}', '{"ImportId":"QID2_2"}'],
    ['2024-03-01 09:00:00', '2024-03-01 09:05:00', 'R_abc', '25-34', 'Very satisfied', 'Fairly satisfied'],
  ];

  it('reads three heading rows with a JSON ImportId row', () => {
    const result = detectLayout(modern);
    expect(result.layout).toBe('qualtrics');
    expect(result.skipRows).toBe(3);
    expect(result.columns.map((c) => c.name)).toEqual(['start_date', 'end_date', 'response_id', 'q1', 'q2_1', 'q2_2']);
    expect(result.columns[3]).toMatchObject({ label: 'How old are you?', code: 'Q1' });
    expect(result.columns[4]).toMatchObject({ label: 'How satisfied are you with…: Parks', question: 'How satisfied are you with…', option: 'Parks' });
  });

  it('reads a Python-dict ImportId row the same way', () => {
    const dict = modern.map((row, i) => (i === 2 ? row.map((c) => c.replace(/"/g, "'").replace(/'ImportId':/, "'ImportId': ")) : row));
    expect(dict[2]![3]).toBe("{'ImportId': 'QID1'}");
    const result = detectLayout(dict);
    expect(result.layout).toBe('qualtrics');
    expect(result.skipRows).toBe(3);
    expect(result.columns).toEqual(detectLayout(modern).columns.map((c, i) => ({ ...c, header: result.columns[i]!.header })));
  });

  it('reads the legacy V1… format, BOM stripped, to the same labels for the questions', () => {
    const legacy = [
      ['\uFEFFV1', 'V8', 'V9', 'Q1', 'Q2_1', 'Q2_2'],
      ['ResponseID', 'StartDate', 'EndDate', 'How old are you?', 'How satisfied are you with…-Parks', 'How satisfied are you with…-Libraries'],
      ['R_abc', '2024-03-01 09:00:00', '2024-03-01 09:05:00', '25-34', 'Very satisfied', 'Fairly satisfied'],
    ];
    const result = detectLayout(legacy);
    expect(result.layout).toBe('qualtrics-legacy');
    expect(result.skipRows).toBe(2);
    expect(result.columns.map((c) => c.name)).toEqual(['response_id', 'start_date', 'end_date', 'q1', 'q2_1', 'q2_2']);
    expect(result.columns[0]).toMatchObject({ code: 'V1', header: 'V1 | ResponseID' });
    const modernLabels = new Map(detectLayout(modern).columns.map((c) => [c.name, c.label]));
    for (const name of ['q1', 'q2_1', 'q2_2']) expect(byName(result).get(name)!.label).toBe(modernLabels.get(name));
  });

  it('does not split a lone question at a hyphen inside a word', () => {
    const result = detectLayout([
      ['Q1', 'Q2'],
      ['Is the side-by-side layout clear?', 'Well-being - how are you?'],
      ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}'],
    ]);
    expect(result.columns.map((c) => c.label)).toEqual(['Is the side-by-side layout clear?', 'Well-being - how are you?']);
  });
});

describe('LimeSurvey', () => {
  it('takes codes from "code. question" headings and sub-questions from [brackets]', () => {
    const result = detectLayout([
      ['id. Response ID', 'submitdate. Date submitted', 'lastpage. Last page', 'startlanguage. Start language', 'Q1. How old are you?',
        'Q2[SQ001]. How satisfied are you with... [Parks]', 'Q2[SQ002]. How satisfied are you with... [Libraries]', '1. Any comments?'],
      ['7', '2024-03-01 10:00:00', '3', 'cy', '42', 'A1', 'A2', 'None'],
    ]);
    expect(result.layout).toBe('limesurvey');
    expect(result.skipRows).toBe(1);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'submitdate', 'lastpage', 'startlanguage', 'q1', 'q2_sq001', 'q2_sq002', 'any_comments']);
    expect(result.columns[5]).toMatchObject({ code: 'Q2[SQ001]', question: 'How satisfied are you with...', option: 'Parks', label: 'How satisfied are you with...: Parks' });
    expect(result.columns[7]).toMatchObject({ code: '1', label: 'Any comments?' });
  });

  it('reads code-only array headings', () => {
    const result = detectLayout([
      ['id', 'submitdate', 'lastpage', 'startlanguage', 'Q1', 'Q2[SQ001]', 'Q2[SQ002]'],
      ['1', '2024-03-01 10:00:00', '2', 'en', 'A1', 'A2', 'A3'],
    ]);
    expect(result.layout).toBe('limesurvey');
    expect(result.columns[5]).toMatchObject({ code: 'Q2[SQ001]', option: 'SQ001', name: 'q2_sq001' });
  });

  it('reads full-text headings with [sub-question] text', () => {
    const result = detectLayout([
      ['Response ID', 'Date submitted', 'Last page', 'Start language', 'Rate these [Parks]', 'Rate these [Libraries]'],
      ['1', '2024-03-01 10:00:00', '2', 'en', 'Good', 'Poor'],
    ]);
    expect(result.layout).toBe('limesurvey');
    expect(result.columns[4]).toMatchObject({ question: 'Rate these', option: 'Parks', label: 'Rate these: Parks' });
  });
});

describe('Google Forms and Microsoft Forms', () => {
  it('recognises Google Forms by its Timestamp column, in English or another language', () => {
    for (const heading of ['Timestamp', 'Marca temporal', 'Horodateur', 'Stempel amser']) {
      const result = detectLayout([
        [heading, 'Which services?'],
        ['28/10/2019 15:03:45', 'Parks, Libraries'],
      ]);
      expect(result.layout).toBe('google-forms');
      expect(result.columns[0]).toMatchObject({ name: 'timestamp', label: heading, code: 'timestamp' });
    }
  });

  it('recognises Google Forms from date-times with seconds when the heading is in an unknown language', () => {
    const result = detectLayout([
      ['Zeitmarke', 'Frage'],
      ['2019/10/28 3:04:05 PM GMT', 'Ja'],
      ['2019/10/28 3:05:17 PM GMT', 'Nein'],
    ]);
    expect(result.layout).toBe('google-forms');
  });

  it('recognises Microsoft Forms by its first columns', () => {
    const result = detectLayout([
      ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Which services have you used?'],
      ['1', '3/1/24 9:00:01', '3/1/24 9:04:40', 'anonymous', '', 'Parks;Libraries;'],
    ]);
    expect(result.layout).toBe('microsoft-forms');
    expect(result.skipRows).toBe(1);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'start_time', 'completion_time', 'email', 'name', 'which_services_have_you_used']);
  });
});

describe('override', () => {
  it('forces a layout that fits', () => {
    const result = detectLayout(
      [
        ['Timestamp', 'Q'],
        ['2019/10/28 3:04:05', 'A'],
      ],
      'plain',
    );
    expect(result.layout).toBe('plain');
    expect(result.columns[0]!.name).toBe('timestamp');
  });

  it('reads a file that does not fit as well as it can, with a warning, and loses no respondent', () => {
    const rows = [
      ['Ward', 'Age'],
      ['Abbey', '34'],
      ['Castle', '56'],
    ];
    for (const forced of ['surveymonkey', 'limesurvey', 'google-forms', 'microsoft-forms'] as const) {
      const result = detectLayout(rows, forced);
      expect(result.layout).toBe(forced);
      expect(result.skipRows).toBe(1);
      expect(result.warnings.join(' ')).toMatch(/does not look like/);
    }
    const qualtrics = detectLayout(rows, 'qualtrics');
    expect(qualtrics.layout).toBe('qualtrics');
    expect(qualtrics.warnings.join(' ')).toMatch(/does not look like/);
  });

  it('reads a legacy file forced as "qualtrics" as legacy', () => {
    const result = detectLayout(
      [
        ['V1', 'V2', 'Q1'],
        ['ResponseID', 'ResponseSet', 'How old are you?'],
        ['R_1', 'Default', '34'],
      ],
      'qualtrics',
    );
    expect(result.layout).toBe('qualtrics-legacy');
    expect(result.warnings).toEqual([]);
  });
});
