import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { z } from 'zod';
import { PORT_MESSAGE, PROJECT_FILTERS } from '../src/contract/shell.js';
import { rendererDir } from '../src/paths.js';
import { version } from '../src/version.js';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol.js';
import { BackendProcess } from './backend-process.js';
import { printHtmlToPdf } from './print-to-pdf.js';
import { projectFromArgv, requestedProject } from './launch-args.js';
import { APP_PAGE_URL, APP_SCHEME, hardenSession, hardenWebContents, isAppPage, secureWebPreferences } from './security.js';

/*
 * The shell: one window on app://heard (see app-protocol.ts for why not file://), the backend in a utility process,
 * a menu, file dialogs. No analysis happens here.
 */

const FileFilter = z.strictObject({
  name: z.string().max(500),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,16})$/)).max(20),
});
const OpenDialogOptions = z.strictObject({
  title: z.string().max(500).optional(),
  filters: z.array(FileFilter).max(20).optional(),
});
const SaveDialogOptions = z.strictObject({
  title: z.string().max(500).optional(),
  defaultPath: z.string().max(4096).optional(),
  filters: z.array(FileFilter).max(20).optional(),
});

let mainWindow: BrowserWindow | null = null;
let backend: BackendProcess | null = null;
let quitting = false;
let stopped = false;
/** What to open at start or after a restart; File ▸ Open project… updates it. */
let project = resolveProject(projectFromArgv(process.argv), process.cwd());
let backendDiedDialogOpen = false;

// Must run before `ready`. enableSandbox also covers any renderer we did not create ourselves.
protocol.registerSchemesAsPrivileged([{ ...APP_SCHEME_PRIVILEGES, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const requested = requestedProject(argv);
    if (requested !== undefined) void openProject(resolveProject(requested, workingDirectory));
  });
  app.on('open-file', (event, file) => {
    // macOS: a .heard file double-clicked in Finder, before or after we are ready.
    event.preventDefault();
    if (app.isReady()) void openProject(file);
    else project = file;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('before-quit', (event) => {
    // Let the backend close the project file (DuckDB checkpoints it) before we go.
    if (stopped || !backend) return;
    event.preventDefault();
    quitting = true;
    const stopping = backend;
    backend = null;
    void stopping.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  app.whenReady().then(onReady, (err: unknown) => fail(err));
}

function onReady(): void {
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    dialog.showErrorBox('Heard is not built', `The Heard interface is missing. Run "npm run build" in ${app.getAppPath()} and start again.`);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir()));
  ipcMain.on('heard:connect', onConnect);
  ipcMain.handle('heard:open-dialog', onOpenDialog);
  ipcMain.handle('heard:save-dialog', onSaveDialog);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  backend = startBackend();
  mainWindow = createWindow();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    title: 'Heard',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.js')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_PAGE_URL);
  return win;
}

function startBackend(): BackendProcess {
  return new BackendProcess({
    entry: path.join(__dirname, 'backend-host.js'),
    project,
    dataDir: app.getPath('userData'),
    onWarning: (message) => void dialog.showMessageBox({ type: 'warning', title: 'Heard', message }),
    onUnexpectedExit: (code, reason) => void onBackendDied(code, reason),
    printToPdf: printHtmlToPdf,
  });
}

async function onBackendDied(code: number, reason: string | undefined): Promise<void> {
  backend = null;
  if (quitting || backendDiedDialogOpen) return;
  backendDiedDialogOpen = true;
  const options = {
    type: 'error' as const,
    title: 'Heard',
    message: "Heard's analysis engine stopped unexpectedly.",
    detail: `${reason ?? `It exited with code ${code}.`}\n\nWork that had finished is saved in the project file. Restart the engine to carry on.`,
    buttons: ['Restart the engine', 'Quit Heard'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  backendDiedDialogOpen = false;
  if (response !== 0) {
    app.quit();
    return;
  }
  backend = startBackend();
  // Pages connect on load, so a reload gives every window a port to the new process.
  for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
}

/** IPC is only for our own page in its main frame: not a frame it might embed, not a page it navigated to. */
function fromOurPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppPage(frame.url);
}

function onConnect(event: IpcMainEvent): void {
  if (!fromOurPage(event) || !backend) return;
  event.sender.postMessage(PORT_MESSAGE, null, [backend.openPort()]);
}

async function onOpenDialog(event: IpcMainInvokeEvent, raw: unknown): Promise<string | null> {
  if (!fromOurPage(event)) throw new Error('Refused: not from the Heard page.');
  const options = OpenDialogOptions.parse(raw ?? {});
  const owner = BrowserWindow.fromWebContents(event.sender);
  const request = { ...options, properties: ['openFile' as const] };
  const result = owner ? await dialog.showOpenDialog(owner, request) : await dialog.showOpenDialog(request);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function onSaveDialog(event: IpcMainInvokeEvent, raw: unknown): Promise<string | null> {
  if (!fromOurPage(event)) throw new Error('Refused: not from the Heard page.');
  const options = SaveDialogOptions.parse(raw ?? {});
  const owner = BrowserWindow.fromWebContents(event.sender);
  // A bare file name from the page ("Residents survey 2025.docx") is offered in the user's Documents folder.
  const defaultPath =
    options.defaultPath === undefined || path.isAbsolute(options.defaultPath)
      ? options.defaultPath
      : path.join(app.getPath('documents'), path.basename(options.defaultPath));
  const request = { ...options, defaultPath, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = owner ? await dialog.showSaveDialog(owner, request) : await dialog.showSaveDialog(request);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function chooseProject(): Promise<void> {
  const options = { title: 'Open a Heard project', filters: PROJECT_FILTERS, properties: ['openFile' as const] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const file = result.filePaths[0];
  if (!result.canceled && file) await openProject(file);
}

/** Opens a project through the backend, then reloads the window so every view starts from the new project. */
async function openProject(file: string): Promise<void> {
  if (!backend) return;
  try {
    if (file === 'sample') await backend.rpc().call('projects.openSample', {});
    else await backend.rpc().call('projects.open', { path: file });
    project = file;
    mainWindow?.webContents.reload();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await dialog.showMessageBox({ type: 'error', title: 'Heard', message: `Heard could not open ${file}.`, detail: message });
  }
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  const develop: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open project…', accelerator: 'CmdOrCtrl+O', click: () => void chooseProject() },
        { label: 'Open the sample project', click: () => void openProject('sample') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [...develop, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      role: 'help',
      submenu: [
        { label: 'About Heard', click: () => void showAbout() },
        { label: "Show Heard's data folder", click: () => void shell.openPath(app.getPath('userData')) },
      ],
    },
  ];
}

async function showAbout(): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: 'About Heard',
    message: `Heard ${version}`,
    detail: `Residents' survey and consultation analysis. Everything stays on this computer.\n\nProject: ${project === 'sample' ? 'the sample project' : project}\nHeard's own files: ${app.getPath('userData')}`,
  });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function resolveProject(requested: string, cwd: string): string {
  return requested === 'sample' ? requested : path.resolve(cwd, requested);
}

function fail(err: unknown): void {
  dialog.showErrorBox('Heard could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}
