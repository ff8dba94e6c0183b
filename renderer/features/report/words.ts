import type { TFunction } from 'i18next';
import type { ReportFormat, ReportSectionId } from '../../../src/contract/index.js';

/** A section's name in the interface language (the report's own headings come from the model). */
export function sectionName(t: TFunction, id: ReportSectionId): string {
  switch (id) {
    case 'summary':
      return t('report.sections.summary');
    case 'methodology':
      return t('report.sections.methodology');
    case 'headline':
      return t('report.sections.headline');
    case 'responded':
      return t('report.sections.responded');
    case 'groups':
      return t('report.sections.groups');
    case 'themes':
      return t('report.sections.themes');
    case 'trends':
      return t('report.sections.trends');
    case 'appendix':
      return t('report.sections.appendix');
  }
}

export function formatName(t: TFunction, format: ReportFormat): string {
  switch (format) {
    case 'docx':
      return t('report.page.formatDocx');
    case 'html':
      return t('report.page.formatHtml');
    case 'xlsx':
      return t('report.page.formatXlsx');
    case 'pdf':
      return t('report.page.formatPdf');
  }
}
