import type { PrintToPdf } from './report/write-pdf.js';
import type { Handlers } from './rpc/server.js';

export interface BackendOptions {
  /** Heard's own folder: recent projects list, the built sample project. */
  dataDir: string;
  /** Folder with the sample data CSVs and manifest (defaults to the package's sample-data/). */
  sampleDir?: string;
  /** Open this project at start: a .heard path, or 'sample' for the sample project. */
  project?: string;
  /** How a PDF report is printed: a host with its own browser engine (Electron) may supply one; else headless Chromium. */
  printToPdf?: PrintToPdf;
}

export interface Backend {
  handlers: Handlers;
  /** Close the open project (checkpointing it) and release everything. */
  close(): Promise<void>;
}
