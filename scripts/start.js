'use strict';
// `npm start`: Heard on the sample project, in the Electron window when this machine can show one, otherwise in
// the browser through the local web host. Whatever happens, the user sees one plain line, never a stack trace.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { planStart, findElectronBinary, appArgs } = require('./start-plan.js');

const root = path.resolve(__dirname, '..');
const DOWNLOAD_TIMEOUT_MS = 120_000;

function say(line) {
  process.stdout.write(`${line}\n`);
}

function isBuilt() {
  return ['dist/electron/main.js', 'dist/src/cli.js', 'dist/renderer/index.html'].every((file) =>
    fs.existsSync(path.join(root, file)),
  );
}

/** Builds quietly; the compiler's output is shown only if the build fails, since then it is the explanation. */
function build() {
  say('Heard: building the app first (npm run build)…');
  const npmCli = process.env.npm_execpath;
  const options = { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 };
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], options)
    : spawnSync('npm', ['run', 'build'], { ...options, shell: process.platform === 'win32' });
  if (result.status !== 0) process.stdout.write(`${result.stdout || ''}${result.stderr || ''}`);
  return result.status === 0;
}

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
}

/** Runs electron's own installer quietly; its output (a stack trace when offline) is captured, not shown. */
function tryDownloadElectron(dir) {
  if (!dir || !fs.existsSync(path.join(dir, 'install.js'))) return;
  say('Heard: fetching the Electron app binary (first run only; this can take a minute or two)…');
  spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'pipe',
    timeout: DOWNLOAD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
}

/** Runs a child with the terminal attached and resolves with the exit code to use. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    // Ctrl-C reaches the child too; wait for it to close its project file and exit rather than dying first.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('error', (err) => {
      say(`Heard: could not start ${path.basename(command)}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 0 : (code ?? 0)));
  });
}

async function main() {
  if (!isBuilt() && !build()) {
    say('Heard: the build failed (see the messages above), so Heard cannot start.');
    return 1;
  }
  const extra = process.argv.slice(2);
  const dir = electronDir();
  const facts = () => ({ electronBinaryPresent: findElectronBinary(dir, process.env) !== null, platform: process.platform, env: process.env });

  let plan = planStart(facts());
  if (plan.mode === 'web' && plan.reason === 'no-binary') {
    tryDownloadElectron(dir);
    plan = planStart(facts());
  }

  if (plan.mode === 'electron') {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron behave as plain Node
    return run(findElectronBinary(dir, process.env), ['.', ...appArgs(extra)], env);
  }
  say(plan.message);
  return run(process.execPath, [path.join(root, 'bin', 'heard.js'), 'serve', ...appArgs(extra)], process.env);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`Heard: could not start: ${err && err.message ? err.message : String(err)}`);
    process.exit(1);
  },
);
