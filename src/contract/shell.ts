/**
 * What the Electron preload exposes to the renderer as `window.heardShell`, and nothing more.
 * electron/preload.ts checks its object against this type with `satisfies`.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface HeardShell {
  /** Ask the main process for a MessagePort to the backend; it arrives as a window message `heard:port`. */
  connect(): void;
  showOpenDialog(options: { title?: string; filters?: FileFilter[] }): Promise<string | null>;
  showSaveDialog(options: { title?: string; defaultPath?: string; filters?: FileFilter[] }): Promise<string | null>;
}

/** The window message that carries the backend's MessagePort into the page. */
export const PORT_MESSAGE = 'heard:port';

export const PROJECT_FILTERS: FileFilter[] = [{ name: 'Heard project', extensions: ['heard'] }];
