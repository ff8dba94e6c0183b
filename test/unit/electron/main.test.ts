import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PORT_MESSAGE } from '../../../src/contract/shell.js';
import { APP_PAGE_URL } from '../../../electron/security.js';

/*
 * The main process against a fake electron module: what it registers before ready, the window it makes, how it
 * starts the backend, and how it answers the page. The Electron binary cannot run here; these pin the wiring.
 */

type Listener = (...args: any[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      const wrapped: Listener = (...args) => {
        this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapped));
        return listener(...args);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
    }
  }
  const state = {
    rendererDir: '',
    ready: { resolve: () => {} } as { resolve: () => void },
    isReady: false,
    windows: [] as any[],
    children: [] as any[],
    appListeners: new Map<string, Listener>(),
    ipcOn: new Map<string, Listener>(),
    ipcHandle: new Map<string, Listener>(),
  };
  const fakePort = (name: string) => ({ name, on: vi.fn(), start: vi.fn(), close: vi.fn(), postMessage: vi.fn() });
  class FakeWindow extends Emitter {
    static getAllWindows = () => state.windows;
    static fromWebContents = (wc: unknown) => state.windows.find((w) => w.webContents === wc) ?? null;
    webContents = { reload: vi.fn(), postMessage: vi.fn(), mainFrame: { url: 'app://heard/index.html' } };
    loadURL = vi.fn(async () => {});
    constructor(public options: any) {
      super();
      state.windows.push(this);
    }
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  class FakeChild extends Emitter {
    postMessage = vi.fn();
    kill = vi.fn();
    constructor(public entry: string, public args: string[], public options: any) {
      super();
      state.children.push(this);
    }
  }
  const electron = {
    app: {
      whenReady: vi.fn(() => new Promise<void>((resolve) => (state.ready.resolve = () => ((state.isReady = true), resolve())))),
      isReady: vi.fn(() => state.isReady),
      on: vi.fn((name: string, listener: Listener) => state.appListeners.set(name, listener)),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      getPath: vi.fn((name: string) => `/fake/${name}`),
      getAppPath: vi.fn(() => '/fake/app'),
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
    ipcMain: {
      on: vi.fn((channel: string, listener: Listener) => state.ipcOn.set(channel, listener)),
      handle: vi.fn((channel: string, listener: Listener) => state.ipcHandle.set(channel, listener)),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
      },
    },
    shell: { openPath: vi.fn() },
    utilityProcess: { fork: vi.fn((entry: string, args: string[], options: unknown) => new FakeChild(entry, args, options)) },
    MessageChannelMain: class {
      port1 = fakePort('port1');
      port2 = fakePort('port2');
    },
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);
vi.mock(import('../../../src/paths.js'), async (importOriginal) => ({
  ...(await importOriginal()),
  rendererDir: () => h.state.rendererDir,
}));

const { state, electron } = h;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(async () => {
  state.rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-renderer-'));
  fs.writeFileSync(path.join(state.rendererDir, 'index.html'), '<!doctype html>');
  // main.ts reads process.argv at load; vitest's own (`--project unit`) must not be taken for a Heard project.
  const argv = process.argv;
  process.argv = ['/fake/electron', '.'];
  try {
    await import('../../../electron/main.js');
  } finally {
    process.argv = argv;
  }
  state.ready.resolve();
  await flush();
});
afterAll(() => fs.rmSync(state.rendererDir, { recursive: true, force: true }));
beforeEach(() => {
  electron.dialog.showMessageBox.mockClear();
  electron.app.quit.mockClear();
});

const win = () => state.windows[0]!;
const child = () => state.children.at(-1)!;
const fromPage = (url = APP_PAGE_URL) => {
  // The fake window's main frame (built inside vi.hoisted, which cannot see imports) must sit on the real app page.
  expect(win().webContents.mainFrame.url).toBe(APP_PAGE_URL);
  const wc = win().webContents;
  const frame = url === wc.mainFrame.url ? wc.mainFrame : { url };
  return { sender: wc, senderFrame: frame };
};

describe('before ready', () => {
  it('registers app:// as a privileged standard, secure scheme and forces the sandbox', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(state.appListeners.has('web-contents-created')).toBe(true);
  });
});

describe('after ready', () => {
  it('opens one window with the secure preferences on the app page', () => {
    expect(state.windows).toHaveLength(1);
    expect(win().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win().options.webPreferences.preload).toMatch(/preload\.js$/);
    expect(win().loadURL).toHaveBeenCalledWith(APP_PAGE_URL);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('starts the backend in a utility process on the sample project and the userData folder', () => {
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(child().entry).toMatch(/backend-host\.js$/);
    expect(child().args).toEqual(['--project', 'sample', '--data-dir', '/fake/userData']);
  });

  it('has a File menu with Open project and Quit, and developer tools only when not packaged', () => {
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as any[];
    const file = template.find((m) => m.label === '&File');
    expect(file.submenu.map((i: any) => i.label ?? i.role)).toEqual(expect.arrayContaining(['Open project…']));
    expect(file.submenu.some((i: any) => i.role === 'quit' || i.role === 'close')).toBe(true);
    expect(template.some((m) => m.role === 'editMenu')).toBe(true);
    expect(template.some((m) => m.role === 'help')).toBe(true);
    const view = template.find((m) => m.label === '&View');
    expect(view.submenu.map((i: any) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('IPC', () => {
  it('heard:connect hands one end of a new channel to the backend and the other to the page', () => {
    child().postMessage.mockClear();
    win().webContents.postMessage.mockClear();
    state.ipcOn.get('heard:connect')!(fromPage());
    expect(child().postMessage).toHaveBeenCalledWith({ type: 'connect' }, [expect.objectContaining({ name: 'port1' })]);
    expect(win().webContents.postMessage).toHaveBeenCalledWith(PORT_MESSAGE, null, [expect.objectContaining({ name: 'port2' })]);
  });

  it('ignores heard:connect from another page or a sub-frame', () => {
    child().postMessage.mockClear();
    state.ipcOn.get('heard:connect')!(fromPage('https://evil.example/'));
    state.ipcOn.get('heard:connect')!({ sender: win().webContents, senderFrame: { url: APP_PAGE_URL } });
    state.ipcOn.get('heard:connect')!({ sender: win().webContents, senderFrame: null });
    expect(child().postMessage).not.toHaveBeenCalled();
  });

  it('open dialog: validates options, opens a file picker on the window, returns the path or null', async () => {
    const open = state.ipcHandle.get('heard:open-dialog')!;
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/survey.csv'] });
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    await expect(open(fromPage(), { title: 'Import', filters })).resolves.toBe('/data/survey.csv');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(win(), { title: 'Import', filters, properties: ['openFile'] });

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(open(fromPage(), {})).resolves.toBeNull();

    electron.dialog.showOpenDialog.mockClear();
    await expect(open(fromPage(), { title: 5 })).rejects.toThrow();
    await expect(open(fromPage(), { properties: ['openDirectory', 'multiSelections'] })).rejects.toThrow();
    await expect(open(fromPage(), { filters: [{ name: 'x', extensions: ['../x'] }] })).rejects.toThrow();
    await expect(open(fromPage('https://evil.example/'), {})).rejects.toThrow();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('save dialog: a bare file name is offered in Documents', async () => {
    const save = state.ipcHandle.get('heard:save-dialog')!;
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/fake/documents/Report.docx' });
    await expect(save(fromPage(), { defaultPath: 'Report.docx' })).resolves.toBe('/fake/documents/Report.docx');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      win(),
      expect.objectContaining({ defaultPath: path.join('/fake/documents', 'Report.docx') }),
    );
  });
});

describe('backend lifecycle', () => {
  it('offers to restart the backend when it dies, and reloads the window onto the new one', async () => {
    const dead = child();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win().webContents.reload.mockClear();
    dead.emit('exit', 9);
    await flush();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      win(),
      expect.objectContaining({ type: 'error', buttons: expect.arrayContaining(['Restart the engine', 'Quit Heard']) }),
    );
    expect(child()).not.toBe(dead);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(2);
    expect(win().webContents.reload).toHaveBeenCalled();
  });

  it('quits when the user declines the restart', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    child().emit('exit', 1);
    await flush();
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('on quit, asks the backend to close the project first, then quits', async () => {
    // The previous test left no backend; start one the way the restart path does.
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    child().emit('exit', 1);
    await flush();
    const running = child();
    electron.app.quit.mockClear();
    electron.dialog.showMessageBox.mockClear();
    const event = { preventDefault: vi.fn() };
    state.appListeners.get('before-quit')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(running.postMessage).toHaveBeenCalledWith({ type: 'shutdown' });
    expect(electron.app.quit).not.toHaveBeenCalled();
    running.emit('exit', 0);
    await flush();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ type: 'error' }));
  });
});
