import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectPicker } from './pages/ProjectPicker.js';
import { Shell } from './pages/Shell.js';
import { startApp, type RunningApp } from './support/app.js';
import { installFakeShell, type FakeShellState } from './support/fake-shell.js';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

function lostConnectionBanner(page: Page) {
  return page
    .getByRole('alert')
    .filter({ hasText: 'lost its connection' })
    .filter({ has: page.getByRole('button', { name: 'Reload Heard' }) });
}

type FakeShellWindow = { fakeShell: FakeShellState };

describe('inside Electron (window.heardShell, backend over a MessagePort)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await app.newPage();
    await page.addInitScript(installFakeShell, {});
    await page.reload();
  });

  it('uses the file dialogs instead of a path field', async () => {
    const picker = new ProjectPicker(page);
    await picker.heading.waitFor();
    expect(await picker.pathField.count()).toBe(0);
    await page.getByRole('button', { name: 'Open a project file…' }).waitFor();
  });

  it('shows a refused open as a plain-English alert', async () => {
    await page.evaluate(() => {
      (window as unknown as FakeShellWindow).fakeShell.nextPath = 'C:\\Data\\locked.heard';
    });
    await page.getByRole('button', { name: 'Open a project file…' }).click();
    await page.getByRole('alert').filter({ hasText: 'already open in another Heard window' }).waitFor();
  });

  it('creates a project chosen in the save dialog and goes to its data', async () => {
    await page.evaluate(() => {
      (window as unknown as FakeShellWindow).fakeShell.nextPath = 'C:\\Data\\Budget 2025.heard';
    });
    await page.getByRole('button', { name: 'Create a new project…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    expect(await new Shell(page).projectName.innerText()).toBe('Budget 2025');
    const dialogs = await page.evaluate(() => (window as unknown as FakeShellWindow).fakeShell.dialogs);
    expect(dialogs).toEqual(['open:Open a Heard project', 'save:Create a new Heard project:New project.heard']);
  });

  it('says so when the backend goes away', async () => {
    await page.evaluate(() => (window as unknown as FakeShellWindow).fakeShell.closeBackend());
    await lostConnectionBanner(page).waitFor();
  });
});

describe('in a browser (WebSocket to the web host)', () => {
  it('says so when the web host stops', async () => {
    const page = await app.newPage();
    await new Shell(page).heading.waitFor();
    await app.stopHost();
    await lostConnectionBanner(page).waitFor();
    // Calls cut off by the same loss do not add alerts of their own: one message, one action.
    expect(await page.getByRole('alert').count()).toBe(1);
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
