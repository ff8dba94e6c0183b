import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PORT_MESSAGE, type HeardShell } from '../../../src/contract/shell.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { on: vi.fn(), send: vi.fn(), invoke: vi.fn() },
}));
vi.mock('electron', () => electron);

// Runs the preload once, as Electron would, against the mocked electron module.
import '../../../electron/preload.js';

function exposed(): HeardShell {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(name).toBe('heardShell');
  return api as HeardShell;
}

afterEach(() => {
  electron.ipcRenderer.send.mockClear();
  electron.ipcRenderer.invoke.mockReset();
  vi.unstubAllGlobals();
});

describe('preload', () => {
  it('exposes exactly connect, showOpenDialog and showSaveDialog as functions', () => {
    const shell = exposed();
    expect(Object.keys(shell).sort()).toEqual(['connect', 'showOpenDialog', 'showSaveDialog']);
    for (const value of Object.values(shell)) expect(typeof value).toBe('function');
  });

  it('connect() asks main for a port', () => {
    exposed().connect();
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith('heard:connect');
  });

  it('forwards the port from main to the page as the PORT_MESSAGE window message', () => {
    const registration = electron.ipcRenderer.on.mock.calls.find(([channel]) => channel === PORT_MESSAGE);
    expect(registration, `the preload listens on "${PORT_MESSAGE}" (the contract's PORT_MESSAGE)`).toBeDefined();
    const postMessage = vi.fn();
    vi.stubGlobal('window', { postMessage });
    const port = { postMessage() {}, start() {} };
    (registration![1] as (event: { ports: unknown[] }) => void)({ ports: [port] });
    expect(postMessage).toHaveBeenCalledWith(PORT_MESSAGE, '*', [port]);
  });

  it('listens on no other channel', () => {
    expect(electron.ipcRenderer.on.mock.calls.map(([channel]) => channel)).toEqual([PORT_MESSAGE]);
  });

  it('showOpenDialog sends only the known, checked options and returns the chosen path', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue('/home/officer/survey.heard');
    const options = { title: 'Open', filters: [{ name: 'Heard project', extensions: ['heard'] }], sneaky: 'x' };
    await expect(exposed().showOpenDialog(options)).resolves.toBe('/home/officer/survey.heard');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('heard:open-dialog', {
      title: 'Open',
      filters: [{ name: 'Heard project', extensions: ['heard'] }],
    });
  });

  it('showSaveDialog passes defaultPath and turns a cancelled or odd answer into null', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ path: '/etc/passwd' });
    const shell = exposed();
    await expect(shell.showSaveDialog({ defaultPath: 'Report.docx' })).resolves.toBeNull();
    await expect(shell.showSaveDialog({})).resolves.toBeNull();
    expect(electron.ipcRenderer.invoke).toHaveBeenNthCalledWith(1, 'heard:save-dialog', { defaultPath: 'Report.docx' });
  });

  it('rejects malformed options without sending anything', async () => {
    const shell = exposed();
    const bad: unknown[] = [
      null,
      'options',
      { title: 42 },
      { title: 'x'.repeat(10_000) },
      { filters: 'csv' },
      { filters: [{ name: 'CSV', extensions: ['.csv'] }] },
      { filters: [{ name: 'CSV', extensions: ['csv/../../x'] }] },
      { filters: [null] },
    ];
    for (const options of bad) {
      await expect(shell.showOpenDialog(options as never)).rejects.toThrow(TypeError);
    }
    await expect(shell.showSaveDialog({ defaultPath: 7 } as never)).rejects.toThrow(TypeError);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('has no runtime import except electron (a sandboxed preload cannot require anything else)', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../../electron/preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    const sideEffectImports = [...source.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(sideEffectImports).toEqual([]);
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
    expect(source).toContain(`'${PORT_MESSAGE}'`);
  });
});
