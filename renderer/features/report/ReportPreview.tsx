import { useId } from 'react';
import type { ReportBlock, ReportModel, ReportTable } from '../../../src/contract/index.js';
import { ReportChart } from './ReportChart';

/**
 * The report as it will read, drawn from the same section model the writers use. Everything is React text (escaped):
 * question wording, answers and quotes come from survey files and respondents. Headings start one level below the
 * page's "Preview" heading, so the page's outline stays in order; the report's language is marked for screen readers.
 */
export function ReportPreview({ model }: { model: ReportModel }) {
  const base = useId();
  return (
    <div className="report-preview" lang={model.lang === 'cy' ? 'cy' : 'en-GB'}>
      <p className="report-preview-title">{model.title}</p>
      <p className="hint">{model.subtitle}</p>
      {model.sections.map((section) => (
        <section key={section.id} aria-labelledby={`${base}-${section.id}`} className="report-preview-section">
          <h3 id={`${base}-${section.id}`}>{section.heading}</h3>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} idPrefix={`${base}-${section.id}-${i}`} chartData={model.words.chartData} />
          ))}
        </section>
      ))}
    </div>
  );
}

function Block({ block, idPrefix, chartData }: { block: ReportBlock; idPrefix: string; chartData: string }) {
  switch (block.type) {
    case 'heading':
      return <h4>{block.text}</h4>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'quote':
      return (
        <blockquote className="report-quote">
          <p>{block.text}</p>
        </blockquote>
      );
    case 'chart':
      return (
        <figure className="report-figure">
          <figcaption>
            <strong>{block.title}</strong> {chartData}
          </figcaption>
          <ReportChart chart={block} idPrefix={idPrefix} />
        </figure>
      );
    case 'table':
      return <PreviewTable table={block} />;
  }
}

function PreviewTable({ table }: { table: ReportTable }) {
  return (
    // A wide table scrolls sideways: the keyboard must be able to reach it to scroll it (WCAG 2.1.1).
    <div className="table-scroll report-table" role="region" aria-label={table.caption} tabIndex={0}>
      <table className="table">
        <caption className="caption">{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col" className={i > 0 ? 'report-figure-cell' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className={`report-row-${row.kind}`}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, j) => (
                <td key={j} className="report-figure-cell">
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((note, i) => (
        <p key={i} className="hint">
          {note}
        </p>
      ))}
    </div>
  );
}
