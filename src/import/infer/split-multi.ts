/**
 * Multi-select answers joined in one cell: Google Forms joins ticked options with ", ", Microsoft Forms with ";"
 * (usually with a trailing ";"). Options may contain the separator themselves ("Yes, regularly"), so cells are
 * split against the set of options the column shows, never naively.
 */

export interface MultiSplit {
  separator: string;
  /** Options seen, most ticked first. */
  options: string[];
  /** Every input value → the options (or free-text remainder) it holds. */
  splits: Map<string, string[]>;
}

interface Cell {
  value: string;
  count: number;
  pieces: string[];
}

interface Run {
  support: number;
  whole: number;
  unknowns: number;
  length: number;
}

const MAX_RUN = 4;
/** A separator-containing option must explain this share of its fragment's appearances. */
const RUN_SHARE = 0.8;
/** Share of the parts of multi-part cells that must be recognised options. */
const MIN_RECOGNISED = 0.7;
/** Share of answers that must hold two or more options. */
const MIN_MULTI_SHARE = 0.03;

function piecesOf(value: string, separator: string): string[] {
  const mark = separator.trim() || separator;
  let text = value.trim();
  while (text.endsWith(mark)) text = text.slice(0, -mark.length).trimEnd();
  return text
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function unbalanced(piece: string): boolean {
  const count = (re: RegExp) => (piece.match(re) ?? []).length;
  return count(/\(/g) !== count(/\)/g) || count(/\[/g) !== count(/\]/g) || count(/"/g) % 2 === 1;
}

/**
 * A fragment that cannot stand alone: it starts in lower case ("…, regularly", "…, but rarely") or leaves a
 * bracket or quote open ("Online course (for example", "Coursera", "edX)").
 */
function continues(piece: string): boolean {
  return !/^\p{Lu}/u.test(piece) || unbalanced(piece);
}

export interface SplitHints {
  /** The question says to tick all that apply: one cell with two options is evidence enough. */
  expectMulti?: boolean;
}

interface Counts {
  /** Answers that never contain the separator: options ticked on their own. */
  atomic: Map<string, number>;
  /** How often each fragment appears anywhere. */
  total: Map<string, number>;
}

function countFragments(cells: readonly Cell[]): Counts {
  const atomic = new Map<string, number>();
  const total = new Map<string, number>();
  for (const c of cells) {
    if (c.pieces.length === 1) atomic.set(c.pieces[0]!, (atomic.get(c.pieces[0]!) ?? 0) + c.count);
    for (const p of c.pieces) total.set(p, (total.get(p) ?? 0) + c.count);
  }
  return { atomic, total };
}

/** Options that contain the separator: recurring runs of fragments that include a fragment never seen alone. */
function findCompounds(cells: readonly Cell[], { atomic, total }: Counts, separator: string): Set<string> {
  const runs = new Map<string, Run>();
  const covering = new Map<string, Set<string>>();
  for (const c of cells) {
    if (c.pieces.length < 2) continue;
    for (let i = 0; i < c.pieces.length; i++) {
      for (let len = 2; len <= MAX_RUN && i + len <= c.pieces.length; len++) {
        const part = c.pieces.slice(i, i + len);
        const unknowns = part.filter((p) => !atomic.has(p)).length;
        if (unknowns === 0) continue;
        const key = part.join(separator);
        const run = runs.get(key) ?? { support: 0, whole: 0, unknowns, length: len };
        run.support += c.count;
        if (len === c.pieces.length) run.whole += c.count;
        runs.set(key, run);
        for (const p of part) {
          if (atomic.has(p)) continue;
          const set = covering.get(p) ?? new Set<string>();
          set.add(key);
          covering.set(p, set);
        }
      }
    }
  }

  const compounds = new Set<string>();
  for (const [piece, keys] of covering) {
    const [top] = [...keys]
      .map((key) => ({ key, run: runs.get(key)! }))
      .sort(
        (a, b) =>
          b.run.support - a.run.support ||
          b.run.whole - a.run.whole ||
          b.run.unknowns - a.run.unknowns ||
          a.run.length - b.run.length,
      );
    if (!top) continue;
    if (top.run.support < 2 || top.run.support < RUN_SHARE * (total.get(piece) ?? 0)) continue;
    if (continues(piece)) {
      compounds.add(top.key);
      continue;
    }
    // A capitalised fragment is an option in its own right when everything beside it is a known option (options
    // listed alphabetically sit next to each other every time: "C/C++, Excel"); otherwise it needs the whole run
    // to be a frequent answer by itself.
    const others = top.key.split(separator).filter((p) => p !== piece);
    if (top.run.whole >= 2 && !others.every((p) => atomic.has(p))) compounds.add(top.key);
  }
  return compounds;
}

interface Part {
  text: string;
  recognised: boolean;
}

/** Greedy longest match against known options; unrecognised fragments stay together as one answer. */
function splitCell(pieces: readonly string[], compounds: Set<string>, known: (p: string) => boolean, separator: string): Part[] {
  const parts: Part[] = [];
  let loose: string[] = [];
  const flush = () => {
    // An "Other" answer with commas in it is one answer.
    if (loose.length) parts.push({ text: loose.join(separator), recognised: false });
    loose = [];
  };
  for (let i = 0; i < pieces.length; ) {
    let taken = 0;
    for (let len = Math.min(MAX_RUN, pieces.length - i); len >= 2 && !taken; len--) {
      if (compounds.has(pieces.slice(i, i + len).join(separator))) taken = len;
    }
    if (!taken && known(pieces[i]!)) taken = 1;
    if (taken) {
      flush();
      parts.push({ text: pieces.slice(i, i + taken).join(separator), recognised: true });
      i += taken;
    } else {
      loose.push(pieces[i]!);
      i++;
    }
  }
  flush();
  return parts;
}

function splitWith(values: ReadonlyArray<{ value: string; count: number }>, separator: string, hints: SplitHints) {
  const cells: Cell[] = values
    .filter((v) => v.value.trim() !== '' && v.count > 0)
    .map((v) => ({ value: v.value, count: v.count, pieces: piecesOf(v.value, separator) }))
    .filter((c) => c.pieces.length > 0);
  if (!cells.some((c) => c.pieces.length > 1)) return null;

  const counts = countFragments(cells);
  const compounds = findCompounds(cells, counts, separator);
  const known = (p: string) => counts.atomic.has(p) || (counts.total.get(p) ?? 0) >= 2;

  const splits = new Map<string, string[]>();
  const ticks = new Map<string, number>();
  const recognisedOption = new Set<string>();
  let weight = 0;
  let multiWeight = 0;
  let partsSeen = 0;
  let partsRecognised = 0;
  for (const c of cells) {
    const parts = splitCell(c.pieces, compounds, known, separator);
    splits.set(c.value, parts.map((p) => p.text));
    for (const part of parts) {
      ticks.set(part.text, (ticks.get(part.text) ?? 0) + c.count);
      if (part.recognised) recognisedOption.add(part.text);
    }
    weight += c.count;
    if (parts.length > 1) {
      const recognised = parts.filter((p) => p.recognised).length;
      partsSeen += parts.length * c.count;
      partsRecognised += recognised * c.count;
      if (recognised > 1) multiWeight += c.count;
    }
  }
  for (const v of values) if (!splits.has(v.value) && v.value.trim() !== '') splits.set(v.value, piecesOf(v.value, separator));

  const options = [...ticks]
    .filter(([option, n]) => n >= 2 || recognisedOption.has(option))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([option]) => option);
  const recognisedShare = partsSeen ? partsRecognised / partsSeen : 0;
  // Evidence of ticking several options: enough cells holding two or more recognised options, and few fragments
  // left over (free text with commas leaves many).
  const enough = hints.expectMulti ? multiWeight >= 1 : multiWeight >= Math.max(2, MIN_MULTI_SHARE * weight);
  if (!enough || recognisedShare < MIN_RECOGNISED || options.length < 2) return null;
  return { result: { separator, options, splits } satisfies MultiSplit, score: multiWeight * recognisedShare };
}

/**
 * Splits a column's answers into the options they hold, or returns null when the column does not look
 * multi-select (single answers that contain a comma, free text with commas). `values` are distinct answers with
 * how often each occurs.
 */
export function splitMultiAnswers(
  values: ReadonlyArray<{ value: string; count: number }>,
  separators: readonly string[] = [', ', ';'],
  hints: SplitHints = {},
): MultiSplit | null {
  let best: { result: MultiSplit; score: number } | null = null;
  for (const separator of separators) {
    if (!separator) continue;
    const attempt = splitWith(values, separator, hints);
    if (attempt && (!best || attempt.score > best.score)) best = attempt;
  }
  return best?.result ?? null;
}
