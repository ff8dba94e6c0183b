import { describe, expect, it } from 'vitest';
import type { SurveySummary } from '../../../src/contract/index.js';
import { earlierWaves, initialReportChoice, moveSection, toReportRequest } from '../../../renderer/features/report/choice';

const wave = (id: number, label: string, year: number | null) => ({ id, label, year, rowCount: 10, columnCount: 3, importedAt: '', sourceFile: '' });
const SURVEYS: SurveySummary[] = [
  { id: 1, name: 'Empty', kind: 'survey', waves: [] },
  { id: 2, name: 'Residents', kind: 'survey', waves: [wave(5, '2024', 2024), wave(3, '2022', 2022), wave(4, '2023', 2023)] },
];

describe('Report page choices', () => {
  it('starts at the latest wave of the first survey with one, compared with the wave just before', () => {
    const choice = initialReportChoice(SURVEYS, 'cy')!;
    expect(choice).toMatchObject({ surveyId: 2, waveId: 5, compare: [4], lang: 'cy' });
    expect(choice.sections.every((s) => s.included)).toBe(true);
    expect(initialReportChoice([SURVEYS[0]!], 'en')).toBeNull();
  });

  it('lists earlier waves oldest first, and none before the first', () => {
    expect(earlierWaves(SURVEYS[1], 5).map((w) => w.label)).toEqual(['2022', '2023']);
    expect(earlierWaves(SURVEYS[1], 3)).toEqual([]);
  });

  it('moves a section one place, and not past either end', () => {
    const sections = initialReportChoice(SURVEYS, 'en')!.sections;
    expect(moveSection(sections, 0, 1).map((s) => s.id).slice(0, 2)).toEqual(['methodology', 'summary']);
    expect(moveSection(sections, 0, -1)).toEqual(sections);
    expect(moveSection(sections, sections.length - 1, 1)).toEqual(sections);
  });

  it('asks for the included sections in their order and the compared waves oldest first', () => {
    const choice = initialReportChoice(SURVEYS, 'en')!;
    const sections = moveSection(moveSection(choice.sections, 6, -1), 5, -1).map((s) => (s.id === 'themes' ? { ...s, included: false } : s));
    const request = toReportRequest({ ...choice, compare: [4, 3], sections }, SURVEYS[1]);
    expect(request).toEqual({ waveId: 5, compareWaveIds: [3, 4], sections: ['summary', 'methodology', 'headline', 'responded', 'trends', 'groups', 'appendix'], lang: 'en' });
  });
});
