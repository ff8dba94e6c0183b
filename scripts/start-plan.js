'use strict';
// The decisions behind `npm start`, kept pure so they can be tested (test/unit/electron/start-plan.test.ts).
const fs = require('node:fs');
const path = require('node:path');

const NO_BINARY_MESSAGE =
  'Heard: the Electron app binary is not installed on this machine (it could not be downloaded), so Heard is opening in your web browser instead.';
const NO_DISPLAY_MESSAGE =
  'Heard: there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so Heard is starting in web browser mode instead.';

/**
 * Electron window or the local web host?
 * No display on Linux wins over a missing binary: downloading Electron is pointless when it could not open a window.
 *
 * @param {{ electronBinaryPresent: boolean, platform: string, env: Record<string, string | undefined> }} facts
 * @returns {{ mode: 'electron' } | { mode: 'web', reason: 'no-display' | 'no-binary', message: string }}
 */
function planStart({ electronBinaryPresent, platform, env }) {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { mode: 'web', reason: 'no-display', message: NO_DISPLAY_MESSAGE };
  }
  if (!electronBinaryPresent) return { mode: 'web', reason: 'no-binary', message: NO_BINARY_MESSAGE };
  return { mode: 'electron' };
}

/**
 * Where the electron package keeps its binary, read the way its index.js does (path.txt, ELECTRON_OVERRIDE_DIST_PATH)
 * but without its side effect: requiring 'electron' downloads the binary and throws a stack trace when it cannot.
 *
 * @param {string | null} electronDir the installed electron package folder, or null when it is not installed
 * @param {Record<string, string | undefined>} env
 * @returns {string | null} the executable's path when it exists
 */
function findElectronBinary(electronDir, env) {
  if (!electronDir) return null;
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * The arguments for the app: the sample project unless the caller named one (`npm start -- --project FILE`).
 *
 * @param {string[]} extra arguments given to `npm start --`
 * @returns {string[]}
 */
function appArgs(extra) {
  const named = extra.some((arg) => arg === '--project' || arg.startsWith('--project='));
  return named ? [...extra] : ['--project', 'sample', ...extra];
}

module.exports = { planStart, findElectronBinary, appArgs, NO_BINARY_MESSAGE, NO_DISPLAY_MESSAGE };
