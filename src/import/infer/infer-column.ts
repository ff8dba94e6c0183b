import type { ColumnRole, ColumnType } from '../../contract/index.js';
import type { ColumnProfile, DescribedColumnModel, LayoutColumn } from '../types.js';
import { orderCategories } from './category-order.js';
import { nearUnique, positiveNumbers, soundsLikeId, soundsLikeWeight } from './identifiers.js';
import { matchScale } from './match-scale.js';
import { isNonSubstantive } from './non-substantive.js';
import { hasKeyword, normaliseLabel } from './normalise.js';
import { matchNumericScale } from './numeric-scale.js';
import { demographicOrLocality, scaleRole } from './roles.js';
import { splitMultiAnswers } from './split-multi.js';

export const DATE_SHARE = 0.9;
export const NUMERIC_SHARE = 0.95;
/** More distinct answers than this is not a list of options (and the profile only keeps the top 60). */
const MAX_CATEGORIES = 60;
const MAX_SCALE_VALUES = 15;

/** "Tick all that apply" in the wording (English, Welsh, and the Spanish and French of imported forms). */
const TICK_ALL =
  /\b(?:tick|select|check|choose|mark)\s+(?:all|any)\b|\ball that apply\b|\bticiwch\s+bob\b|\bpob un sy[’']?n berthnasol\b|\bmarca\s+tod[ao]s?\b|\bmarque\s+todo\b|\btoutes? les? r[ée]ponses?\b/i;

const OPEN_QUESTION = ['comment*', 'please specify', 'please tell us', 'please explain', 'please describe', 'why', 'explain', 'describe', 'suggest*', 'any other', 'other', 'esboniwch', 'sylw*', 'rhowch fanylion'];

interface Facts {
  profile: ColumnProfile;
  column: LayoutColumn;
  nonSubstantive: string[];
  substantive: Array<{ value: string; count: number }>;
  /** Share of substantive answers that are numbers ("Don't know" in a numeric column does not count against it). */
  numericShare: number;
  /** Every distinct answer is in profile.top. */
  complete: boolean;
}

function facts(profile: ColumnProfile, column: LayoutColumn): Facts {
  const ns = profile.top.filter((v) => isNonSubstantive(v.value));
  const nsCount = ns.reduce((n, v) => n + v.count, 0);
  const substantiveAnswers = profile.answered - nsCount;
  return {
    profile,
    column,
    nonSubstantive: ns.map((v) => v.value),
    substantive: profile.top.filter((v) => !isNonSubstantive(v.value)),
    numericShare: substantiveAnswers > 0 ? Math.min(1, (profile.numericShare * profile.answered) / substantiveAnswers) : 0,
    complete: profile.distinct <= profile.top.length,
  };
}

function model(f: Facts, type: ColumnType, role: ColumnRole, options: string[] = [], separator?: string): DescribedColumnModel {
  const closed = type === 'single' || type === 'likert' || type === 'multi';
  const nonSubstantive = type === 'id' || type === 'date' || type === 'weight' ? [] : f.nonSubstantive;
  const described: DescribedColumnModel = {
    name: f.column.name,
    label: f.column.label,
    type,
    role,
    // Non-substantive answers go last, after the scale or categories, in every closed question.
    options: closed ? [...options.filter((o) => !nonSubstantive.includes(o)), ...nonSubstantive] : [],
    nonSubstantive,
  };
  if (separator !== undefined) described.separator = separator;
  return described;
}

function looksLikeFreeText(f: Facts): boolean {
  const { distinct, answered, maxLength, meanLength } = f.profile;
  const ratio = distinct / answered;
  if (distinct > MAX_CATEGORIES) return true;
  if (maxLength > 100 && (distinct > 20 || ratio > 0.2)) return true;
  if (ratio > 0.5 && meanLength > 20) return true;
  if (distinct > 30 && ratio > 0.3) return true;
  if (answered >= 10 && ratio > 0.9) return true;
  const words = normaliseLabel(f.column.label);
  return ratio > 0.5 && OPEN_QUESTION.some((k) => hasKeyword(words, k));
}

function plainRole(f: Facts, type?: ColumnType): ColumnRole {
  const role = demographicOrLocality(f.column.label) ?? 'none';
  // A place is named, not counted: "How many years have you lived in the area?" is a number, not a locality.
  return type === 'numeric' && role === 'locality' ? 'none' : role;
}

/**
 * A first guess at a column's question model from facts about its values and its heading; the user confirms or
 * corrects it on the review screen. Checked in order of how specific the evidence is: identifiers and weights
 * by name, dates, scales, numbers, multi-select, free text, and single choice last.
 */
export function inferColumn(profile: ColumnProfile, layoutColumn: LayoutColumn): DescribedColumnModel {
  const f = facts(profile, layoutColumn);
  const label = layoutColumn.label;
  if (profile.answered === 0) return model(f, 'text', plainRole(f));

  if (soundsLikeId(layoutColumn) && nearUnique(profile)) return model(f, 'id', 'respondent_id');
  if (soundsLikeWeight(layoutColumn) && f.numericShare >= NUMERIC_SHARE && positiveNumbers(profile)) {
    return model(f, 'weight', 'weight');
  }
  if (profile.dateShare >= DATE_SHARE) return model(f, 'date', 'none');

  if (f.complete && f.substantive.length <= MAX_SCALE_VALUES) {
    const numbered = matchNumericScale(f.substantive, label);
    if (numbered) return model(f, 'likert', scaleRole(numbered.topic, label) ?? 'none', numbered.options);
    const scale = matchScale(f.substantive);
    if (scale) return model(f, 'likert', scaleRole(scale.scale.topic, label) ?? 'none', scale.options);
  }
  if (f.numericShare >= NUMERIC_SHARE) return model(f, 'numeric', plainRole(f, 'numeric'));

  if (f.substantive.some((v) => v.value.includes(',') || v.value.includes(';'))) {
    const multi = splitMultiAnswers(f.substantive, undefined, { expectMulti: TICK_ALL.test(label) });
    if (multi) return model(f, 'multi', plainRole(f), multi.options, multi.separator);
  }
  if (looksLikeFreeText(f)) return model(f, 'text', plainRole(f));
  return model(f, 'single', plainRole(f), orderCategories(f.substantive));
}
