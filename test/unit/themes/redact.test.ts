import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/sample-data/csv.js';
import { REDACTION_LABELS, redact, redactText, validNhsNumber } from '../../../src/themes/redact.js';

const masks = (text: string) => redactText(text);

describe('redaction masks personal data in realistic UK formats', () => {
  it.each([
    ['Email me at gareth.jones@example.com if you want to talk.', 'Email me at [email] if you want to talk.'],
    ['contact: Siân_1975+council@example.org.uk.', 'contact: [email].'],
  ])('e-mail addresses: %s', (text, expected) => expect(masks(text)).toBe(expected));

  it.each([
    '07700 900123', '07700900123', '07700 900 123', '07700-900-123', '+44 7700 900123', '+447700900123', '+44 (0)7700 900123',
    '029 2018 0123', '(029) 2018 0123', '02920180123', '020 7946 0000', '0113 496 0000', '0800 123 4567', '01632 960000',
    '(01632) 960000', '01632 960 000', '+44 29 2018 0123', '+44 (0)29 2018 0123', '0300 123 4567',
  ])('phone numbers (mobile, +44 and landline): %s', (phone) => {
    expect(masks(`Ring me on ${phone} after six.`)).toBe('Ring me on [phone] after six.');
  });

  it.each(['CF10 1AB', 'cf10 1ab', 'CF101AB', 'Cf10  1aB', 'SW1A 1AA', 'sw1a1aa', 'M1 1AE', 'B33 8TH', 'LL57 2DG', 'NP20 4UR', 'EC1A 1BB'])(
    'postcodes in any case and spacing: %s',
    (postcode) => expect(masks(`I live at 4 Mill Lane, ${postcode}, near the shops.`)).toBe('I live at 4 Mill Lane, [postcode], near the shops.'),
  );

  it.each(['AB 12 34 56 C', 'AB123456C', 'ab123456c', 'JG 10 37 59 A', 'JG-10-37-59-A'])('National Insurance numbers: %s', (ni) => {
    expect(masks(`My NI number is ${ni}.`)).toBe('My NI number is [NI number].');
  });

  it('does not take an NI-shaped string with a prefix HMRC never issues', () => {
    expect(masks('Code GB123456A and QQ123456C')).toBe('Code GB123456A and QQ123456C');
  });

  it('checks NHS numbers with the modulus-11 digit, by hand', () => {
    // 9 434 765 919: 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 ✓
    expect(validNhsNumber('943 476 5919')).toBe(true);
    expect(validNhsNumber('943 476 5918')).toBe(false);
    // 100 000 001x: 1·10 + 1·2 = 12; 12 mod 11 = 1; check 11 − 1 = 10 → never issued, whatever the tenth digit
    expect(validNhsNumber('1000000010')).toBe(false);
    expect(validNhsNumber('1000000019')).toBe(false);
    // remainder 0 gives check 11, written 0: 000 000 0000 (sum 0)
    expect(validNhsNumber('0000000000')).toBe(true);
    expect(masks('NHS no. 943 476 5919, hospital ref 943 476 5918.')).toBe('NHS no. [NHS number], hospital ref 943 476 5918.');
    expect(masks('NHS number 9434765919')).toBe('NHS number [NHS number]');
    expect(masks('NHS number 943-476-5919')).toBe('NHS number [NHS number]');
  });

  it.each([
    ['Mr Jones at number 12 complained too.', 'Mr [name] at number 12 complained too.'],
    ['Mrs. Sarah Evans runs the café.', 'Mrs. [name] runs the café.'],
    ['Dr Patel said the surgery cannot cope.', 'Dr [name] said the surgery cannot cope.'],
    ['I asked Cllr Rees twice and heard nothing.', 'I asked Cllr [name] twice and heard nothing.'],
    ['My name is Siân Williams and I live in Castle ward.', 'My name is [name] and I live in Castle ward.'],
    ['my name is sarah jones, I am 74.', 'my name is [name], I am 74.'],
    ['My husband Dave uses a wheelchair.', 'My husband [name] uses a wheelchair.'],
    ['Kind regards,\nGareth Pritchard', 'Kind regards,\n[name]'],
    ['Yours faithfully,\n\nEleri Morgan\n', 'Yours faithfully,\n\n[name]\n'],
    ['Yn gywir,\nDafydd ap Rhys', 'Yn gywir,\n[name] ap [name]'],
    ['Priya and I go to the library every week.', '[name] and I go to the library every week.'],
    ['I spoke to Mohammed Khan in the Market Hall.', 'I spoke to [name] in the Market Hall.'],
    ["Joanne's children go to the library.", "[name]'s children go to the library."],
  ])('personal names after cues and common first names: %s', (text, expected) => expect(masks(text)).toBe(expected));

  it.each([
    'In 2023 and 2024 parking went up from £3.50 to £4.20, and £4.5 million on paving is too much.',
    'My council tax is £1,987 a year for band D.',
    'Bryncoed County Borough Council should listen to Castle, Market, Station and Glan-yr-Afon wards.',
    'The High Street between 10am and 4pm, 50 metres from the bus stop.',
    'Victoria Park, Victoria Terrace and Chapel Street flood every winter.',
    "St David's Day parade and the Elizabeth House flats.",
    'Will the Council publish the responses? May 2024 was the last drop-in.',
    'Take the A470 to junction 32 of the M4.',
    'I have lived here 40 years and responded to 3 consultations.',
    'Reference CRM123456 was never answered.',
    'Covid-19 closed the library for 18 months.',
    '1500 responses, 12 wards and 0.5% of the budget.',
  ])('leaves ordinary text alone: %s', (text) => expect(masks(text)).toBe(text));

  it('counts what it masked and speaks Welsh when asked', () => {
    const r = redact('Mr Jones, 07700 900123, CF10 1AB, jones@example.com', REDACTION_LABELS.cy);
    expect(r.text).toBe('Mr [enw], [ffôn], [cod post], [e-bost]');
    expect(r.masked).toEqual({ email: 1, phone: 1, postcode: 1, ni: 0, nhs: 0, name: 1 });
  });
});

describe('redaction on the sample consultation', () => {
  const file = path.resolve(__dirname, '..', '..', '..', 'sample-data', 'consultation-2024.csv');
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const comments = rows.map((r) => r[header!.indexOf('Please explain your answers, or tell us anything else about the draft Town Centre Plan.')]!);
  const channel = rows.map((r) => r[header!.indexOf('Response channel')]!);

  it('masks every signature, e-mail address and phone number in the e-mailed letters', () => {
    const letters = comments.filter((_, i) => channel[i] === 'Email' && comments[i] !== '');
    expect(letters.length).toBeGreaterThan(20);
    // The generator signs letters with these fake names (scripts/sample-data/fill.ts) and fake contact details.
    const FIRST = ['Gareth', 'Siân', 'Rhys', 'Megan', 'Dafydd', 'Eleri', 'Tom', 'Sarah', 'Priya', 'Mohammed', 'Aled', 'Carys', 'Joanne', 'Kevin', 'Bethan', 'Imran'];
    for (const letter of letters) {
      const masked = masks(letter);
      expect(masked).not.toMatch(/@|07700|029 2018/);
      for (const name of FIRST) expect(masked).not.toMatch(new RegExp(`\\b${name}\\b`, 'u'));
      // Letters end with a sign-off and the sender's name (the campaign's template letters are unsigned).
      if (/(regards|faithfully|Thanks|Yn gywir),\n/.test(letter)) expect(masked).toMatch(/\[name\]/);
    }
  });

  it('leaves almost every comment without personal details as written', () => {
    const plain = comments.filter((c, i) => channel[i] !== 'Email' && c !== '');
    const changed = plain.filter((c) => masks(c) !== c);
    // Form answers quote no one; what changes is shown so a false positive can be judged.
    expect(changed.length / plain.length, changed.slice(0, 5).join(' | ')).toBeLessThan(0.01);
  });
});
