import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, session } from 'electron';

/**
 * Electron's own PDF printing, for the report (in the app there is no need for a browser on the computer): the
 * self-contained HTML report in a hidden window with JavaScript off, in its own session, printed to A4.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-print-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, session: session.fromPartition('heard-print') },
  });
  try {
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
