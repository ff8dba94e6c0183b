import type { DescribedColumnModel } from '../types.js';
import type { SavDictionary, SavVariable } from './sav-dictionary.js';
import type { SavMrSet } from './sav-mrsets.js';
import { formatValue, isUserMissing, rawValue, valueKind, type RawValue } from './sav-values.js';

/** One output column: its heading, how to write its cell for a case, and its question model once all cases are seen. */
export interface SavColumn {
  header: string;
  cell(kase: Buffer): string;
  finish(): DescribedColumnModel;
}

/** The contract's limits on a column model. */
const MAX_OPTIONS = 5000;
const MAX_NON_SUBSTANTIVE = 100;
/** Beyond this many distinct unlabelled values, a labelled variable is a number or text with a few named points. */
const MAX_UNLABELLED = 10;
const SCALE_WORDS =
  /\b(agree|disagree|satisfied|dissatisfied|important|unimportant|likely|unlikely|good|poor|excellent|bad|strongly|fairly|very|neither|often|never|always|sometimes|rarely|safe|unsafe|easy|difficult|cytuno|anghytuno|bodlon|anfodlon|pwysig|tebygol|annhebygol|gwael|rhagorol)\b/i;

export function buildSavColumns(dictionary: SavDictionary, warnings: string[]): SavColumn[] {
  const byShortName = new Map(dictionary.variables.map((v) => [v.shortName.toLowerCase(), v]));
  const inSet = new Map<SavVariable, SavMrSet>();
  for (const set of dictionary.mrSets) {
    const members = set.variables.map((name) => byShortName.get(name));
    if (members.length < 2 || members.some((m) => !m || inSet.has(m))) {
      warnings.push(`The multiple response set $${set.name} names variables that are missing or already in another set; its variables are read one by one.`);
      continue;
    }
    for (const member of members) inSet.set(member!, set);
  }
  const columns: SavColumn[] = [];
  const placed = new Set<SavMrSet>();
  for (const variable of dictionary.variables) {
    const set = inSet.get(variable);
    if (!set) columns.push(variableColumn(variable, dictionary));
    else if (!placed.has(set)) {
      placed.add(set);
      const members = set.variables.map((name) => byShortName.get(name)!);
      columns.push(set.kind === 'dichotomy' ? dichotomyColumn(set, members, dictionary) : categoryColumn(set, members, dictionary));
    }
  }
  return columns;
}

function variableColumn(variable: SavVariable, dictionary: SavDictionary): SavColumn {
  const kind = valueKind(variable);
  const labels = labelMap(variable);
  const seenMissing = new Map<string, RawValue>();
  const seenUnlabelled = new Map<string, RawValue>();
  return {
    header: variable.name,
    cell(kase) {
      const raw = rawValue(variable, kase, dictionary);
      if (raw === null || raw === '') return '';
      const label = labels.get(raw);
      const text = label ?? formatValue(raw, kind);
      if (isUserMissing(variable, raw)) {
        if (seenMissing.size < MAX_NON_SUBSTANTIVE) seenMissing.set(text, raw);
      }
      else if (label === undefined && labels.size > 0 && seenUnlabelled.size <= MAX_UNLABELLED * 4) seenUnlabelled.set(text, raw);
      return text;
    },
    finish() {
      const base = { name: variable.name, label: variable.label || variable.name, role: 'none' as const };
      const missingLabels = variable.valueLabels.filter((l) => isUserMissing(variable, l.value)).map((l) => l.label);
      const nonSubstantive = unique([...missingLabels, ...seenMissing.keys()]).slice(0, MAX_NON_SUBSTANTIVE);
      if (dictionary.weightVariable === variable.name) return { ...base, type: 'weight', role: 'weight', options: [], nonSubstantive: [] };
      if (kind === 'date' || kind === 'datetime') return { ...base, type: 'date', options: [], nonSubstantive };
      if (kind === 'time') return { ...base, type: 'text', options: [], nonSubstantive };
      const substantive = variable.valueLabels.filter((l) => !isUserMissing(variable, l.value));
      const plain = kind === 'string' ? 'text' : 'numeric';
      if (substantive.length === 0 || seenUnlabelled.size > Math.max(MAX_UNLABELLED, 2 * substantive.length)) {
        return { ...base, type: plain, options: [], nonSubstantive };
      }
      const entries = [...substantive, ...[...seenUnlabelled].map(([label, value]) => ({ label, value: value! }))];
      if (kind !== 'string') entries.sort((a, b) => (a.value as number) - (b.value as number));
      const options = unique([...entries.map((e) => e.label), ...nonSubstantive]);
      if (options.length > MAX_OPTIONS) return { ...base, type: plain, options: [], nonSubstantive };
      const scale = substantive.length >= 3 && (variable.measure === 'ordinal' || substantive.filter((l) => SCALE_WORDS.test(l.label)).length >= 2);
      return { ...base, type: scale ? 'likert' : 'single', options, nonSubstantive };
    },
  };
}

/** Yes/no variables, one per option: the option is chosen where the variable holds the counted value. */
function dichotomyColumn(set: SavMrSet, members: SavVariable[], dictionary: SavDictionary): SavColumn {
  const counted: RawValue = members[0]!.width === 0 ? Number(set.countedValue) : (set.countedValue ?? '');
  const options = uniqueNames(
    members.map((m) => {
      const countedLabel = set.labelsFromCountedValues ? m.valueLabels.find((l) => l.value === counted)?.label : undefined;
      return countedLabel ?? (m.label || m.name);
    }),
    members,
  );
  const separator = chooseSeparator(options);
  return {
    header: `$${set.name}`,
    cell(kase) {
      const chosen: string[] = [];
      members.forEach((member, i) => {
        if (rawValue(member, kase, dictionary) === counted) chosen.push(options[i]!);
      });
      return chosen.join(separator);
    },
    finish: () => ({ name: set.name, label: setLabel(set, members), type: 'multi', role: 'none', options, nonSubstantive: [], separator }),
  };
}

/** Variables each holding one chosen category: the answer is the set of categories held. */
function categoryColumn(set: SavMrSet, members: SavVariable[], dictionary: SavDictionary): SavColumn {
  const labelled = new Map<RawValue, string>();
  for (const member of members) {
    for (const l of member.valueLabels) if (!isUserMissing(member, l.value) && !labelled.has(l.value)) labelled.set(l.value, l.label);
  }
  const ordered = [...labelled].sort(([a], [b]) => (typeof a === 'number' && typeof b === 'number' ? a - b : 0));
  const options = unique(ordered.map(([, label]) => label));
  const extra: string[] = [];
  const separator = chooseSeparator(options);
  const kinds = members.map(valueKind);
  return {
    header: `$${set.name}`,
    cell(kase) {
      const chosen = new Set<string>();
      members.forEach((member, i) => {
        const raw = rawValue(member, kase, dictionary);
        if (raw === null || raw === '' || isUserMissing(member, raw)) return;
        const text = labelled.get(raw) ?? formatValue(raw, kinds[i]!);
        chosen.add(text);
        if (!labelled.has(raw) && !extra.includes(text) && extra.length < 100) extra.push(text);
      });
      const all = [...options, ...extra];
      return [...chosen].sort((a, b) => all.indexOf(a) - all.indexOf(b)).join(separator);
    },
    finish: () => ({ name: set.name, label: setLabel(set, members), type: 'multi', role: 'none', options: [...options, ...extra], nonSubstantive: [], separator }),
  };
}

function setLabel(set: SavMrSet, members: SavVariable[]): string {
  if (set.labelFromFirstVariable) return members[0]!.label || set.label || set.name;
  return set.label || set.name;
}

function labelMap(variable: SavVariable): Map<RawValue, string> {
  return new Map(variable.valueLabels.map((l) => [typeof l.value === 'string' ? l.value.trimEnd() : l.value, l.label]));
}

/** A separator that no option contains, so a joined answer splits back into exactly its options. */
function chooseSeparator(options: string[]): string {
  return ['; ', ' | ', ' / ', ' ¦ '].find((sep) => !options.some((o) => o.includes(sep.trim()))) ?? '\u241E';
}

function uniqueNames(names: string[], members: SavVariable[]): string[] {
  return names.map((name, i) => (names.indexOf(name) === i ? name : `${name} (${members[i]!.name})`));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
