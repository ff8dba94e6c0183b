import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appArgs, findElectronBinary, planStart } from '../../../scripts/start-plan.js';

const display = { DISPLAY: ':0' };

describe('planStart', () => {
  it('opens the Electron window when the binary is there and a display is available', () => {
    expect(planStart({ electronBinaryPresent: true, platform: 'linux', env: display })).toEqual({ mode: 'electron' });
    expect(planStart({ electronBinaryPresent: true, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({
      mode: 'electron',
    });
  });

  it('does not need DISPLAY on Windows or macOS', () => {
    expect(planStart({ electronBinaryPresent: true, platform: 'win32', env: {} })).toEqual({ mode: 'electron' });
    expect(planStart({ electronBinaryPresent: true, platform: 'darwin', env: {} })).toEqual({ mode: 'electron' });
  });

  it('falls back to the web host, with one plain line, when the binary is missing', () => {
    const plan = planStart({ electronBinaryPresent: false, platform: 'win32', env: {} });
    expect(plan).toMatchObject({ mode: 'web', reason: 'no-binary' });
    if (plan.mode !== 'web') throw new Error('expected web');
    expect(plan.message).toMatch(/^Heard: .*Electron.*not installed.*web browser/);
    expect(plan.message).not.toContain('\n');
  });

  it('falls back to the web host on Linux without a display, even with the binary (and so never downloads it)', () => {
    for (const electronBinaryPresent of [true, false]) {
      const plan = planStart({ electronBinaryPresent, platform: 'linux', env: { DISPLAY: '', WAYLAND_DISPLAY: undefined } });
      expect(plan).toMatchObject({ mode: 'web', reason: 'no-display' });
      if (plan.mode === 'web') expect(plan.message).toMatch(/^Heard: .*DISPLAY/);
    }
  });
});

describe('findElectronBinary', () => {
  const dirs: string[] = [];
  const electronDir = (pathTxt: string | null, binary: string | null) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-electron-'));
    dirs.push(dir);
    if (pathTxt !== null) fs.writeFileSync(path.join(dir, 'path.txt'), pathTxt);
    if (binary !== null) {
      fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'dist', binary), '');
    }
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds dist/<path.txt> when both exist', () => {
    const dir = electronDir('electron', 'electron');
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('returns null when path.txt or the binary is missing, or electron is not installed', () => {
    expect(findElectronBinary(electronDir(null, null), {})).toBeNull();
    expect(findElectronBinary(electronDir('electron', null), {})).toBeNull();
    expect(findElectronBinary(electronDir('', null), {})).toBeNull();
    expect(findElectronBinary(null, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron itself', () => {
    const dir = electronDir('electron', null);
    const override = electronDir(null, 'electron');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(override, 'dist') })).toBe(
      path.join(override, 'dist', 'electron'),
    );
  });
});

describe('appArgs', () => {
  it('opens the sample project unless a project is named', () => {
    expect(appArgs([])).toEqual(['--project', 'sample']);
    expect(appArgs(['--project', 'a.heard'])).toEqual(['--project', 'a.heard']);
    expect(appArgs(['--project=a.heard'])).toEqual(['--project=a.heard']);
    expect(appArgs(['--port', '0'])).toEqual(['--project', 'sample', '--port', '0']);
  });
});
