import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleProject } from '../../src/sample/build-sample-project.js';
import { tempDir } from '../support/temp-dir.js';

const root = path.join(__dirname, '..', '..');
const dir = tempDir();
let proc: ChildProcess;
let firstLine = '';

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'cli.js'))) throw new Error('Heard is not built: run "npm run build" before the e2e tests.');
  const project = await ensureSampleProject(path.join(dir, 'built'), path.join(root, 'test', 'fixtures', 'mini-sample'));
  proc = spawn(process.execPath, [path.join(root, 'bin', 'heard.js'), 'serve', '--port', '0', '--project', project, '--data-dir', path.join(dir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  firstLine = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    proc.on('exit', (code) => reject(new Error(`heard serve exited with ${code}`)));
  });
});
afterAll(() => {
  proc?.kill('SIGTERM');
});

describe('heard serve, as a user runs it', () => {
  it('prints one line with a loopback URL carrying a session token', () => {
    expect(firstLine).toMatch(/^Heard is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+ /);
  });

  it('answers health with the token and 401 without it', async () => {
    const url = new URL(firstLine.split(' ')[4]!);
    const token = url.searchParams.get('token')!;
    const withToken = await fetch(`${url.origin}/api/health?token=${token}`);
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${url.origin}/api/health`)).status).toBe(401);
    expect((await fetch(`${url.origin}/`)).status).toBe(401);
  });

  it('stops cleanly on SIGTERM', async () => {
    proc.removeAllListeners('exit'); // drop beforeAll's "exited early" listener
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
