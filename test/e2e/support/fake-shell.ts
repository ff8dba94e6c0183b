/**
 * Injected into the page before it loads: a stand-in for Electron's preload (window.heardShell) whose connect()
 * hands the page a MessagePort to a tiny in-page backend. It exercises the renderer's Electron path (port
 * transport, file dialogs) without Electron, and can serve one very large wave whose Arrow pages are made in
 * Node (see big-wave.ts) through a function the test exposes as window.heardBigWavePage.
 * Runs in the page: it must not refer to anything outside itself.
 */
export interface FakeShellOptions {
  /** Serve one survey with a single wave of this many rows, and start with a project open. */
  bigWaveRows?: number;
}

export interface FakeShellState {
  nextPath: string | null;
  dialogs: string[];
  /** The file types the last open dialog offered, as "name: ext, ext". */
  openFilters: string[];
  pagesRequested: number;
  pagesCancelled: number;
  closeBackend(): void;
}

export function installFakeShell(options: FakeShellOptions): void {
  type Wire = { kind: string; id: number; method?: string; params?: { path?: string; offset?: number; limit?: number } };
  const page = window as unknown as {
    heardShell: unknown;
    fakeShell: FakeShellState;
    heardBigWavePage(offset: number, limit: number): Promise<string>;
  };
  const project = (path: string) => ({ path, name: path.replace(/^.*[\\/]/, '').replace(/\.heard$/, ''), schemaVersion: 1, isSample: false });
  const rows = options.bigWaveRows ?? 0;
  let current: ReturnType<typeof project> | null = rows > 0 ? project('/fake/Large consultation.heard') : null;
  let server: MessagePort | null = null;
  let pagePort: MessagePort | null = null;
  const cancelled = new Set<number>();

  // Electron gives renderer MessagePorts a 'close' event when the other end goes; web Chromium does not, so the
  // fake fires it on the page's port itself (the same object the renderer receives with the window message).
  window.addEventListener('message', (event) => {
    if (event.data === 'heard:port' && event.ports[0]) pagePort = event.ports[0];
  });
  const state: FakeShellState = {
    nextPath: null,
    dialogs: [],
    openFilters: [],
    pagesRequested: 0,
    pagesCancelled: 0,
    closeBackend() {
      server?.close();
      pagePort?.dispatchEvent(new Event('close'));
    },
  };
  page.fakeShell = state;

  const wave = { id: 7, label: '2025', year: 2025, rowCount: rows, columnCount: 2, importedAt: '2025-06-01T09:00:00Z', sourceFile: 'large.csv' };
  const columns = [
    { name: 'respondent_id', label: 'Respondent ID', type: 'id', role: 'respondent_id', position: 0, options: [], nonSubstantive: [] },
    { name: 'comment', label: 'Comment', type: 'text', role: 'none', position: 1, options: [], nonSubstantive: [] },
  ];

  async function answer(call: Wire): Promise<unknown> {
    const path = call.params?.path ?? '';
    switch (call.method) {
      case 'projects.current':
        return current;
      case 'projects.recent':
        return [];
      case 'surveys.list':
        return rows > 0 ? [{ id: 1, name: 'Large consultation', kind: 'consultation', waves: [wave] }] : [];
      case 'waves.columns':
        return columns;
      case 'waves.page': {
        state.pagesRequested++;
        const offset = call.params?.offset ?? 0;
        const limit = Math.max(0, Math.min(call.params?.limit ?? 0, rows - offset));
        const base64 = await page.heardBigWavePage(offset, limit);
        if (cancelled.has(call.id)) throw { code: 'cancelled', message: 'Cancelled.' };
        const arrow = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        return { offset, rowCount: limit, totalRows: rows, arrow };
      }
      case 'projects.open':
      case 'projects.create':
        if (path.includes('locked')) throw { code: 'project_locked', message: `${path} is locked by another process` };
        current = project(path);
        return current;
      default:
        throw { code: 'unknown_method', message: `The fake shell has no ${call.method}` };
    }
  }

  page.heardShell = {
    connect() {
      const channel = new MessageChannel();
      server = channel.port2;
      server.onmessage = (event: MessageEvent<Wire>) => {
        const call = event.data;
        if (call.kind === 'cancel') {
          cancelled.add(call.id);
          state.pagesCancelled++;
          return;
        }
        if (call.kind !== 'call') return;
        answer(call).then(
          (result) => server?.postMessage({ kind: 'reply', id: call.id, result }),
          (error: unknown) => server?.postMessage({ kind: 'error', id: call.id, error }),
        );
      };
      window.postMessage('heard:port', '*', [channel.port1]);
    },
    async showOpenDialog(dialog: { title?: string; filters?: Array<{ name: string; extensions: string[] }> }) {
      state.dialogs.push(`open:${dialog.title ?? ''}`);
      state.openFilters = (dialog.filters ?? []).map((f) => `${f.name}: ${f.extensions.join(', ')}`);
      return state.nextPath;
    },
    async showSaveDialog(dialog: { title?: string; defaultPath?: string }) {
      state.dialogs.push(`save:${dialog.title ?? ''}:${dialog.defaultPath ?? ''}`);
      return state.nextPath;
    },
  };
}
