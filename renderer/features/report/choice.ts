import { REPORT_SECTIONS, type ReportLanguage, type ReportRequest, type ReportSectionId, type SurveySummary } from '../../../src/contract/index.js';
import { latestWave } from '../tables/choice';

/** One section in the report's running order, and whether it is in the report. */
export interface SectionChoice {
  id: ReportSectionId;
  included: boolean;
}

export interface ReportChoice {
  surveyId: number;
  waveId: number;
  /** Earlier waves of the same survey to compare with. */
  compare: number[];
  sections: SectionChoice[];
  lang: ReportLanguage;
}

/** The first survey with a wave, at its latest wave, compared with the wave before it; every section. */
export function initialReportChoice(surveys: readonly SurveySummary[], lang: ReportLanguage): ReportChoice | null {
  for (const survey of surveys) {
    const wave = latestWave(survey);
    if (wave) return { surveyId: survey.id, waveId: wave.id, compare: previousWave(survey, wave.id), sections: REPORT_SECTIONS.map((id) => ({ id, included: true })), lang };
  }
  return null;
}

/** The waves of a survey before the given one, oldest first (year, then import order). */
export function earlierWaves(survey: SurveySummary | undefined, waveId: number) {
  if (!survey) return [];
  const order = [...survey.waves].sort((a, b) => (a.year ?? -Infinity) - (b.year ?? -Infinity) || a.id - b.id);
  const at = order.findIndex((w) => w.id === waveId);
  return at < 0 ? [] : order.slice(0, at);
}

/** The wave just before, which a committee usually compares with. */
export function previousWave(survey: SurveySummary, waveId: number): number[] {
  const before = earlierWaves(survey, waveId);
  return before.length > 0 ? [before.at(-1)!.id] : [];
}

/** Moves a section one place up (-1) or down (+1); at either end nothing moves. */
export function moveSection(sections: readonly SectionChoice[], index: number, by: -1 | 1): SectionChoice[] {
  const to = index + by;
  if (to < 0 || to >= sections.length) return [...sections];
  const next = [...sections];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function toReportRequest(choice: ReportChoice, survey: SurveySummary | undefined): ReportRequest {
  const order = earlierWaves(survey, choice.waveId).map((w) => w.id);
  return {
    waveId: choice.waveId,
    // Oldest first, as the year-on-year section reads them; only waves before the one reported on.
    compareWaveIds: order.filter((id) => choice.compare.includes(id)),
    sections: choice.sections.filter((s) => s.included).map((s) => s.id),
    lang: choice.lang,
  };
}
