import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeardError } from '../contract/index.js';

/** Turns the HTML report into PDF bytes; the Electron host can supply its own (printToPDF). */
export type PrintToPdf = (html: string, signal?: AbortSignal) => Promise<Buffer>;

/** Where a Chromium-family browser is usually installed; HEARD_CHROMIUM first. */
function browserCandidates(): string[] {
  const env = process.env.HEARD_CHROMIUM ? [process.env.HEARD_CHROMIUM] : [];
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES(X86)'], process.env.PROGRAMFILES, process.env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [...env, ...roots.flatMap((r) => [path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')])];
  }
  if (process.platform === 'darwin') {
    return [...env, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  }
  return [...env, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

export function findChromium(): string | null {
  return browserCandidates().find((file) => fs.existsSync(file)) ?? null;
}

/**
 * PDF through a headless Chromium-family browser already on the computer (Edge on Windows, Chrome or Chromium
 * elsewhere), printing the self-contained HTML report from a temporary folder. Nothing is fetched: the HTML has no
 * external references.
 */
export const chromiumPrintToPdf: PrintToPdf = async (html, signal) => {
  const browser = findChromium();
  if (!browser) {
    throw new HeardError(
      'io',
      'Heard makes a PDF with a Chrome, Edge or Chromium browser, and none was found on this computer. Export the report as Word (DOCX) or HTML and save it as PDF from there, or set HEARD_CHROMIUM to the browser program.',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${page.replace(/\\/g, '/')}`,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: 120_000, signal }, (err, _stdout, stderr) => {
        if (err && !fs.existsSync(pdf)) reject(new HeardError('io', `The browser ${browser} could not print the report to PDF: ${String(stderr).trim().split('\n').at(-1) || err.message}`));
        else resolve();
      });
    });
    if (!fs.existsSync(pdf)) throw new HeardError('io', `The browser ${browser} did not write a PDF.`);
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
