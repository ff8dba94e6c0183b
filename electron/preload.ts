import { contextBridge, ipcRenderer } from 'electron';
import type { FileFilter, HeardShell } from '../src/contract/shell.js';

/*
 * The only bridge between the page and the machine. A sandboxed preload may only require('electron'), so this file
 * has no other runtime import (the contract import above is type-only and erased). Everything the page passes is
 * checked here, and again in the main process, before it goes anywhere.
 */

/** Must equal PORT_MESSAGE in src/contract/shell.ts; duplicated because the sandbox cannot load that module (a test checks). */
const PORT_MESSAGE = 'heard:port';
const CONNECT = 'heard:connect';
const OPEN_DIALOG = 'heard:open-dialog';
const SAVE_DIALOG = 'heard:save-dialog';

const MAX_TEXT = 500;
const MAX_FILTERS = 20;
const EXTENSION = /^(\*|[A-Za-z0-9_-]{1,16})$/;

/** No DOM lib on the Node side of the build: just the one call we make on the window. */
declare const window: { postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void };

// Electron's pattern for handing a MessagePort to the main world under contextIsolation: the port arrives on IPC in
// this isolated world and is re-posted to the page as a window message (renderer/api.ts checks event.source).
ipcRenderer.on(PORT_MESSAGE, (event) => {
  window.postMessage(PORT_MESSAGE, '*', event.ports);
});

function text(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new TypeError(`${name} must be a short string.`);
  return value;
}

function filters(value: unknown): FileFilter[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_FILTERS) throw new TypeError('filters must be a short list.');
  return value.map((filter: unknown) => {
    const f = filter as { name?: unknown; extensions?: unknown } | null;
    if (typeof f !== 'object' || f === null) throw new TypeError('Each filter must be an object.');
    const extensions = f.extensions;
    if (!Array.isArray(extensions) || extensions.length > MAX_FILTERS) throw new TypeError('extensions must be a short list.');
    for (const ext of extensions) {
      if (typeof ext !== 'string' || !EXTENSION.test(ext)) throw new TypeError('Each extension must be like "csv" (no dot).');
    }
    return { name: text(f.name, 'filter name') ?? '', extensions: [...(extensions as string[])] };
  });
}

function options(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('Dialog options must be an object.');
  return value as Record<string, unknown>;
}

/** Copies only known keys into a fresh plain object, so nothing else the page attached rides along. */
function openOptions(value: unknown): { title?: string; filters?: FileFilter[] } {
  const o = options(value);
  return dropUndefined({ title: text(o.title, 'title'), filters: filters(o.filters) });
}

function saveOptions(value: unknown): { title?: string; defaultPath?: string; filters?: FileFilter[] } {
  const o = options(value);
  return dropUndefined({ title: text(o.title, 'title'), defaultPath: text(o.defaultPath, 'defaultPath'), filters: filters(o.filters) });
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

async function pickedPath(channel: string, payload: unknown): Promise<string | null> {
  const result: unknown = await ipcRenderer.invoke(channel, payload);
  return typeof result === 'string' ? result : null;
}

const shell = {
  connect(): void {
    ipcRenderer.send(CONNECT);
  },
  async showOpenDialog(opts) {
    return pickedPath(OPEN_DIALOG, openOptions(opts));
  },
  async showSaveDialog(opts) {
    return pickedPath(SAVE_DIALOG, saveOptions(opts));
  },
} satisfies HeardShell;

contextBridge.exposeInMainWorld('heardShell', shell);
