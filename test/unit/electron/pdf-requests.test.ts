import { describe, expect, it } from 'vitest';
import { pdfRequests } from '../../../electron/pdf-requests.js';

describe('PDF printing asked of main by the backend process', () => {
  it('pairs each answer with its question, whatever order they come back in', async () => {
    const sent: { type: string; id: number; html: string }[] = [];
    const pdf = pdfRequests((m) => sent.push(m as (typeof sent)[number]));
    const first = pdf.print('<p>one</p>');
    const second = pdf.print('<p>two</p>');
    expect(sent.map((m) => [m.type, m.html])).toEqual([
      ['printToPdf', '<p>one</p>'],
      ['printToPdf', '<p>two</p>'],
    ]);
    expect(pdf.settle({ type: 'pdf', id: sent[1]!.id, pdf: new Uint8Array([2]) })).toBe(true);
    expect(pdf.settle({ type: 'pdf', id: sent[0]!.id, pdf: new Uint8Array([1]) })).toBe(true);
    expect([...(await first)]).toEqual([1]);
    expect([...(await second)]).toEqual([2]);
  });

  it('turns a failure into a clear error, and leaves other messages alone', async () => {
    const sent: { id: number }[] = [];
    const pdf = pdfRequests((m) => sent.push(m as { id: number }));
    const printing = pdf.print('<p>x</p>');
    expect(pdf.settle({ type: 'connect' })).toBe(false);
    pdf.settle({ type: 'pdf', id: sent[0]!.id, error: 'printing failed' });
    await expect(printing).rejects.toThrow('Heard could not print the report to PDF: printing failed.');
  });
});
