import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../../src/web/host.js';
import { tempDir } from '../../support/temp-dir.js';
import { BackendOracle } from './backend-oracle.js';
import { launchChromium } from './browser.js';

const root = path.join(__dirname, '..', '..', '..');

export interface RunningApp {
  host: WebHost;
  browser: Browser;
  oracle: BackendOracle;
  /** Uncaught errors from any page; a test ends by checking this is empty. */
  pageErrors: string[];
  /** A fresh page at 1280×800 (a common council laptop), signed in with the host's token. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Stops the web host early (to test a lost connection); close() then leaves it alone. */
  stopHost(): Promise<void>;
  close(): Promise<void>;
}

/** The built renderer behind a real web host with the sample project (or the project given), and Chromium. */
export async function startApp(options: { project?: string } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built (dist/renderer/index.html is missing): run "npm run build" first.');
  }
  const host = await startWebHost({ dataDir: tempDir('heard-e2e-'), project: options.project ?? 'sample' });
  const browser = await launchChromium();
  const oracle = await BackendOracle.connect(host);
  const pageErrors: string[] = [];
  let hostStopped: Promise<void> | undefined;
  const stopHost = () => (hostStopped ??= host.close());
  return {
    host,
    browser,
    oracle,
    pageErrors,
    async newPage(viewport = { width: 1280, height: 800 }) {
      // A context per page (as @axe-core/playwright requires), so pages share no cookies or storage either.
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      // When the browser itself is closing, the context is already going: nothing to report.
      page.on('close', () => context.close().catch(() => undefined));
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(host.url);
      return page;
    },
    stopHost,
    async close() {
      oracle.close();
      await browser.close();
      await stopHost();
    },
  };
}
