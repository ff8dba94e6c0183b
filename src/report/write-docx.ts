import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ReportBlock, ReportChart, ReportModel, ReportTable } from '../contract/report.js';
import { version } from '../version.js';
import { chartTree, svgMarkup } from './chart-svg.js';

/**
 * The report as a Word document: Word's own Title and Heading 1–2 styles (so the navigation pane and the table of
 * contents work), a table of contents Word fills in on opening, tables whose header row repeats on each page, charts
 * as PNG images with alt text (the chart's description; its figures are in the table that follows), page numbers.
 */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const language = { value: model.lang === 'cy' ? 'cy-GB' : 'en-GB' };
  const children: FileChild[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: model.subtitle }),
    // Not a heading style, so the table of contents does not list itself.
    new Paragraph({ pageBreakBefore: true, spacing: { after: 200 }, children: [new TextRun({ text: model.words.contents, bold: true, size: 32, color: '1D4F91' })] }),
    new TableOfContents(model.words.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  for (const section of model.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    for (const b of section.blocks) children.push(...block(b, model));
  }
  const doc = new Document({
    creator: `Heard ${version}`,
    title: model.title,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Arial', size: 22, language } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${model.words.page} `, PageNumber.CURRENT] })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function block(b: ReportBlock, model: ReportModel): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    case 'paragraph':
      return [new Paragraph({ text: b.text, spacing: { after: 120 } })];
    case 'list':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'quote':
      return [new Paragraph({ indent: { left: 567 }, spacing: { after: 120 }, children: [new TextRun({ text: `“${b.text}”`, italics: true })] })];
    case 'table':
      return table(b);
    case 'chart':
      return chart(b, model);
  }
}

/** A4 in twentieths of a point, with 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const TEXT_WIDTH = A4.width - 2 * MARGIN;

function table(t: ReportTable): FileChild[] {
  // The row labels take half the width beside one figure column, 40% beside up to three, 30% beside more; the
  // figures share the rest, so their headings do not break mid-word.
  const label = Math.round(TEXT_WIDTH * (t.head.length <= 2 ? 0.5 : t.head.length <= 4 ? 0.4 : t.head.length <= 6 ? 0.3 : 0.25));
  // Eight columns on a portrait page: a point smaller, so headings such as "Influence decisions" break between words.
  const size = t.head.length > 6 ? 16 : 18;
  const figure = Math.floor((TEXT_WIDTH - label) / Math.max(1, t.head.length - 1));
  const columnWidths = [label, ...t.head.slice(1).map(() => figure)];
  const cell = (text: string, options: { bold?: boolean; italics?: boolean; right?: boolean; shade?: boolean } = {}) =>
    new TableCell({
      children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold, italics: options.italics, size })] })],
      shading: options.shade ? { fill: 'F3F2F1' } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, { bold: true, right: i > 0 })) });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.label, { bold: r.kind === 'net', italics: r.kind === 'base', shade: r.kind === 'net' }),
          ...r.cells.map((c) => cell(c.text, { bold: r.kind === 'net', italics: r.kind === 'base', right: true, shade: r.kind === 'net' })),
        ],
      }),
  );
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: t.caption, bold: true })] }),
    new Table({ rows: [header, ...rows], columnWidths, width: { size: TEXT_WIDTH, type: WidthType.DXA } }),
    ...t.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, size: 18 })] })),
    new Paragraph({ text: '' }),
  ];
}

function chart(c: ReportChart, model: ReportModel): FileChild[] {
  const tree = chartTree(c);
  const width = Number(tree.attrs.width);
  const height = Number(tree.attrs.height);
  // Twice the size for a sharp print, shown at 6 inches wide at most.
  const png = new Resvg(svgMarkup(tree), { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: true } }).render().asPng();
  const shown = Math.min(width, 576);
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: c.title, bold: true })] }),
    new Paragraph({
      children: [
        new ImageRun({ type: 'png', data: png, transformation: { width: shown, height: (height * shown) / width }, altText: { name: c.id, title: c.title, description: c.alt } }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: model.words.chartData, size: 18 })] }),
  ];
}
