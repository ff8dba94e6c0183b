import { HeardError } from '../src/contract/errors.js';

/**
 * The backend (a utility process) cannot print: only main can open the hidden window whose printToPDF makes the PDF.
 * So a PDF report is asked of main with {type:'printToPdf', id, html} and answered with {type:'pdf', id, pdf} or
 * {type:'pdf', id, error}; this pairs the answers with the questions. No Electron here, so it is unit-tested.
 */
export function pdfRequests(post: (message: unknown) => void) {
  let next = 1;
  const waiting = new Map<number, { resolve(pdf: Buffer): void; reject(err: Error): void }>();
  return {
    print(html: string): Promise<Buffer> {
      const id = next++;
      return new Promise<Buffer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post({ type: 'printToPdf', id, html });
      });
    },
    /** Takes a message from main; true when it was the answer to a print. */
    settle(message: unknown): boolean {
      const m = message as { type?: unknown; id?: unknown; pdf?: unknown; error?: unknown } | null;
      if (m?.type !== 'pdf' || typeof m.id !== 'number') return false;
      const request = waiting.get(m.id);
      if (!request) return true;
      waiting.delete(m.id);
      if (m.pdf instanceof Uint8Array) request.resolve(Buffer.from(m.pdf));
      else request.reject(new HeardError('io', `Heard could not print the report to PDF: ${typeof m.error === 'string' ? m.error : 'no reason given'}.`));
      return true;
    },
  };
}
