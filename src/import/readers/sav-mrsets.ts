/** A multiple response set as the system file's MRSETS record (subtype 7 or 19) describes it. */
export interface SavMrSet {
  /** Without the leading "$". */
  name: string;
  label: string;
  kind: 'category' | 'dichotomy';
  /** For dichotomy sets: the value that means "chosen". */
  countedValue?: string;
  /** Dichotomy options named by each variable's value label for the counted value (CATEGORYLABELS=COUNTEDVALUES). */
  labelsFromCountedValues: boolean;
  /** LABELSOURCE=VARLABEL: the set is named by its first variable's label. */
  labelFromFirstVariable: boolean;
  /** Short names, lower case, as the record gives them. */
  variables: string[];
}

/**
 * Parses the MRSETS record text. Lengths in it count bytes of the file's encoding, so the text is walked as
 * Latin-1 (one character per byte) and each name or label decoded with `decode` afterwards.
 */
export function parseMrSets(bytes: Buffer, decode: (raw: Buffer) => string): SavMrSet[] {
  const text = bytes.toString('latin1');
  const sets: SavMrSet[] = [];
  let at = 0;
  const readInt = (): number => {
    const match = /^\d+/.exec(text.slice(at, at + 12));
    if (!match) throw new Error('a number was expected');
    at += match[0].length;
    return Number(match[0]);
  };
  const expect = (char: string): void => {
    if (text[at] !== char) throw new Error(`"${char}" was expected`);
    at++;
  };
  const counted = (): string => {
    const length = readInt();
    expect(' ');
    const raw = text.slice(at, at + length);
    at += length;
    return decode(Buffer.from(raw, 'latin1'));
  };

  while (at < text.length) {
    if (text[at] === '\n' || text[at] === ' ' || text[at] === '\0') {
      at++;
      continue;
    }
    const equals = text.indexOf('=', at);
    if (equals < 0 || text[at] !== '$') break;
    const name = decode(Buffer.from(text.slice(at + 1, equals), 'latin1'));
    at = equals + 1;
    const code = text[at++];
    let countedValue: string | undefined;
    let labelsFromCountedValues = false;
    let labelFromFirstVariable = false;
    if (code === 'E') {
      expect(' ');
      const flag = readInt();
      expect(' ');
      labelsFromCountedValues = true;
      labelFromFirstVariable = flag === 11;
    }
    if (code === 'D' || code === 'E') countedValue = counted().trim();
    else if (code === 'C') {
      // The label length follows the code after a space.
    } else throw new Error(`unknown set kind "${code}"`);
    expect(' ');
    const label = counted();
    const end = text.indexOf('\n', at);
    const variables = text
      .slice(at, end < 0 ? text.length : end)
      .split(' ')
      .filter(Boolean)
      .map((v) => decode(Buffer.from(v, 'latin1')).toLowerCase());
    at = end < 0 ? text.length : end + 1;
    sets.push({
      name,
      label,
      kind: code === 'C' ? 'category' : 'dichotomy',
      countedValue,
      labelsFromCountedValues,
      labelFromFirstVariable,
      variables,
    });
  }
  return sets;
}
